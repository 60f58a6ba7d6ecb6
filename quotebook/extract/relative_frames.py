"""Frames inside a relative clause whose subject is not its relative pronoun.

"Lee's server, which he described as “an open orchid”", "Ross, whom one aide
called “the little senator”", "the deal, which Ito said was “a disaster”":
the pronoun is the object of the cue, the words after the cue are what was
said, and the subject between the pronoun and the cue said it. A plain frame
cannot read these, because its subject sits in the middle of a clause.
"""

from __future__ import annotations

import re

from quotebook.extract.cues import Cue, skip_modifiers
from quotebook.extract.indirect import content_after, kind_of, trim_end
from quotebook.extract.marks import SegmentList
from quotebook.extract.records import Candidate, _segments_in
from quotebook.extract.sources import _source_before

# Verbs whose content is a name for something: the quotation is the name, and it ends there.
NAMING_VERBS = frozenset({"call", "dub", "term", "brand", "describe", "label", "deem", "characterize",
                          "nickname", "blast", "refer"})

# The relative pronoun, then at most a few words (the subject and its auxiliaries) before the cue.
_RELATIVE = re.compile(r"\b(?:which|whom|who|what)\s+(?=[^,;:\x1a“”\"]{1,60}\Z)")

# Words the subject's head may keep before it: "what former staff have called".
_MODIFIERS = re.compile(r"(?:[A-Za-z][\w’'\-]*\s+){0,3}")

_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)\b")

# A lower-case word right after the quotation that is no preposition, conjunction or adverb: a noun.
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|but|nor|with|in|on|for|from|to|at|by|of|as|when|while|that|which|who|"
                         r"whom|because|after|before|during|over|into|than|since|until|if|though|although)\b)"
                         r"[a-z][a-z\-]*\b(?<!ly)(?<!ing)")

_PHRASE_END = re.compile(r"[,;:]|\s[—–]|\s--?\s")

# After a naming cue: "as", "to … as", a determiner, then the quotation.
_NAME_LEAD = re.compile(r"\s*(?:(?:to\s+)?as\s+)?(?:(?:an?|the|his|her|its|their)\s+)?(?=[“\"'‘«`])")

# Another quotation in the same list: "“boasters” and “blasphemers”".
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+|or\s+)?(?=[“\"'‘«`])")


def relative_clause_frame(masked: str, s: int, e: int, cue: Cue, segments: SegmentList,
                          paragraph: int) -> Candidate | None:
    """"…, which he described as “…”": the subject of a relative clause said the quotation after its cue."""
    if cue.base == "according to" or not (cue.speech or cue.base in NAMING_VERBS):
        return None
    lo = max(s, cue.start - 80)
    # (Every match opens with "wh": a str.find spares most cues the search.)
    relative = _RELATIVE.search(masked, lo, cue.start) if masked.find("wh", lo, cue.start) >= 0 else None
    if relative is None:
        return None
    source = _source_before(masked, relative.end(), cue.start)
    if source is None or source.text.lower() in ("it", "that", "this") or not _MODIFIERS.fullmatch(
            masked, relative.end(), source.start):
        return None  # "who called it …": the pronoun is the subject, which a plain frame reads
    if source.kind == "pronoun" and relative.group().startswith("who"):
        return None  # "Ross, who he dubbed …": the person just named is not "he", and nothing says who is
    if _PASSIVE.search(masked, source.end, cue.start):
        return None  # "which a Marine was found guilty of": the subject did not say it
    after = skip_modifiers(masked, cue.end, e)
    if cue.base in NAMING_VERBS:
        span = _named(masked, after, e, segments)
    else:
        span = content_after(masked, after, e, True)
        span = span and _end_at_clause_comma(masked, span, segments)
    if span is None:
        return None
    kind, spans = kind_of(masked, span, segments)
    if kind == "indirect":
        return None
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, masked[cue.start:cue.end], "pre", paragraph, seg_ids, 0.7)


def _named(masked: str, pos: int, e: int, segments: SegmentList) -> tuple[int, int] | None:
    """"as a “work in progress”": from "as" to the end of the quoted name (and the names listed with it)."""
    lead = _NAME_LEAD.match(masked, pos, e)
    seg = segments.starting_at(lead.end()) if lead else None
    if seg is None:
        return None
    start = lead.start() + len(lead.group()) - len(lead.group().lstrip())
    end = seg.end
    while (gap := _LIST_GAP.match(masked, end, e)) is not None and gap.end() > end:
        more = segments.starting_at(gap.end())
        if more is None:
            break
        end = more.end
    if masked[end - 2:end - 1] != "," and _NOUN_AFTER.match(masked, end, e):
        # "what he calls her “breaking barriers” agenda": the quotation qualifies a noun; the phrase goes on.
        stop = _PHRASE_END.search(masked, end, e)
        end = stop.start() if stop else e
    return start, trim_end(masked, start, min(end, e))


def _end_at_clause_comma(masked: str, span: tuple[int, int], segments: SegmentList) -> tuple[int, int]:
    """A relative clause ends at a quotation closed by ,”: "the deal, which Ito said was “bad,” was signed"."""
    start, end = span
    for i in segments.overlapping(start, end):
        seg = segments[i]
        if start <= seg.start and seg.end < end and masked[seg.end - 2:seg.end - 1] == ",":
            return start, seg.end
    return span


def first_relative_frame(masked: str, s: int, e: int, cues: list[Cue], segments: SegmentList,
                         paragraph: int) -> Candidate | None:
    """The first cue of the sentence that heads a relative clause with a quotation, framed."""
    for cue in cues:
        cand = relative_clause_frame(masked, s, e, cue, segments, paragraph)
        if cand is not None:
            return cand
    return None


def with_relative_frames(found: list[Candidate], masked: str, s: int, e: int, cues: list[Cue],
                         segments: SegmentList, paragraph: int) -> list[Candidate]:
    """found, plus the relative-clause frames of the sentence that share no text with it:
    "The school, which former staff called “a scheme,” faced a suit, Lee said." holds two."""
    if masked.find("wh", s, e) < 0 or not segments.overlapping(s, e):
        return found  # (every relative clause frame opens with "wh": most sentences need no look at their cues)
    taken = [span for cand in found for span in cand.spans]
    for cue in cues:
        cand = relative_clause_frame(masked, s, e, cue, segments, paragraph)
        if cand is not None and not any(b < y and x < c for b, c in cand.spans for x, y in taken):
            found = found + [cand]
            taken.extend(cand.spans)
    return found
