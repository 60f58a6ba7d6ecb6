"""Lead-in frames: a source set before its quotation by a colon or a fronted cue.

* "Trump: “…”", "PENCE: …" headlines and turns: a name, a colon, a quotation;
* "HEADLINE - Ann Lee: “…”", "More from the report: “…”": a credit line;
* "Said Ann Lee, who grew up nearby, “…”": a cue that opens the sentence.
"""

from __future__ import annotations

import re

from quotebook.extract import lexicon
from quotebook.extract.indirect import kind_of, trim_end
from quotebook.extract.inverted import source_after
from quotebook.extract.marks import SegmentList
from quotebook.extract.mentions import NAME_RUN
from quotebook.extract.records import Candidate, Source, _segments_in

COLON_LEAD = re.compile(r"\s*[:]\s*(?=[“\"'‘«`])")


_PARTY_AFTER = re.compile(r"\s*\([A-Z][\w.\-– ,]{0,20}\)")


_HEADLINE_COLON = re.compile(r"\s*:\s+(?=[A-Z“\"'‘])")


def colon_lead(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"Trump: “…”" — a name, a colon, a quotation."""
    credited = _credited_colon(masked, s, e, segments, paragraph)
    if credited is not None:
        return credited
    match = NAME_RUN.match(masked, s, e)
    if match is None or len(match.group().split()) > 5:
        return None
    name_end = match.end()
    party = _PARTY_AFTER.match(masked, name_end, e)
    if party:
        name_end = party.end()
    colon = COLON_LEAD.match(masked, name_end, e)
    if colon is None and paragraph == 0 and len(match.group().split()) <= 3:
        # "Rubio: Trump Can't Be Trusted" — when the article goes on to name that speaker.
        if masked.find(" " + match.group().split()[-1], e) >= 0:
            colon = _HEADLINE_COLON.match(masked, match.end(), e)
    if colon is None:
        return None
    span = (colon.end(), trim_end(masked, colon.end(), e))
    kind, spans = kind_of(masked, span, segments)
    if kind != "direct" and paragraph != 0:
        return None
    source = Source(match.start(), match.end(), match.group(), "name")
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, ":", "colon", paragraph, seg_ids, 0.8)


# "Iowa polls were not wrong - Ann Lee and Tom Reyes: “…”", "More from the report: “…”": a newsletter's
# credit line before a quotation. The lead is what follows the last dash, after "(More) from".
_CREDIT_LEAD = re.compile(r"(?:(?:More|Also)\s+from|From)\s+")
_LEAD_DASH = re.compile(r"\s[-—–]\s+")
_NAMED_NP = re.compile(r"the\s+(?:[a-z]+\s+){0,2}([a-z]+)")


def _credited_colon(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """A credit line before a colon and a quotation, after a dash or "(More) from"."""
    colon = COLON_LEAD.search(masked, s, e)
    if colon is None or colon.start() - s > 160:
        return None
    lead = s
    for dash in _LEAD_DASH.finditer(masked, s, colon.start()):
        lead = dash.end()
    credit = _CREDIT_LEAD.match(masked, lead, colon.start())
    if credit is not None:
        lead = credit.end()
    elif lead == s:
        return None  # "Trump: “…”" is read by the caller; anything else before a colon is no credit line
    name = NAME_RUN.fullmatch(masked, lead, colon.start())
    if name is not None and len(name.group().split()) <= 6:
        source = Source(name.start(), name.end(), name.group(), "name")
    else:
        np = _NAMED_NP.fullmatch(masked, lead, colon.start()) if credit is not None else None
        if np is None or np.group(1) not in lexicon.words("text_carriers.txt") | {"study", "survey", "poll"}:
            return None
        source = Source(np.start(), np.end(), np.group(), "np")
    span = (colon.end(), trim_end(masked, colon.end(), e))
    kind, spans = kind_of(masked, span, segments)
    if kind != "direct":
        return None
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, ":", "colon", paragraph, seg_ids, 0.7)


# "Said Ann Lee, who grew up nearby, “…”": what comes between the source and the quotation.
_FRONTED_GAP = re.compile(r"(?:,[^,“”\"\x1a]{0,80})?[,:]\s*$")


# The verbs that open a sentence before their source: "Said Lee, “…”". (The cue scan reads lower
# case only: a capitalised cue mostly opens a headline or a participle clause.)
_FRONTED = re.compile(r"(Said|Added|Wrote|Asked|Replied|Recalled|Explained)\s+(?=[A-Za-z])")


def fronted_cue(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"Said Lee, “We were all proud of her.”": the cue opens the sentence, then its source and the quotation."""
    cue = _FRONTED.match(masked, s, e)
    if cue is None:
        return None
    source = source_after(masked, cue.end(), e)
    if source is None:
        return None
    ahead = segments.overlapping(source.end, e)
    if not ahead:
        return None
    first = segments[ahead[0]]
    if first.start < source.end or not _FRONTED_GAP.match(masked, source.end, first.start):
        return None
    kind, spans = kind_of(masked, (first.start, trim_end(masked, first.start, e)), segments)
    if kind != "direct":
        return None
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, cue.group(1), "pre", paragraph, seg_ids, 0.85)
