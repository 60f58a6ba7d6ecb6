"""Frames for a sentence with a quotation but no subject before its cue.

"…, saying C" and "… and called him “…”" share the sentence's subject;
"“We can win.” ― Ann Lee" is a credit line; "He voiced a wish for a “strong
Mexico”" reports a quoted fragment with no cue at all.
"""

from __future__ import annotations

import re

from quotebook.extract.bounds import _end_at_quoted_comma
from quotebook.extract.cues import Cue, is_passive, skip_modifiers
from quotebook.extract.indirect import clause_break, content_after, kind_of, skip_object, trim_end
from quotebook.extract.marks import SegmentList
from quotebook.extract.mentions import NAME_RUN, _NOT_NAMES
from quotebook.extract.records import Candidate, Source, _segments_in
from quotebook.extract.subjects import _AUX_WORDS, _NOT_HEAD, _sentence_subject


_COPULAS = frozenset("is was are were be been being am 's ’s seems seemed remains remained becomes became".split())


_AFTER_SUBJECT = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,;:\x1a“”\"]{1,80},\s*)?")


_LOWER_WORD = re.compile(r"\s*([a-z][a-z’'\-]+)\b")


def _fragment_frame(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"He voiced a wish for a “strong Mexico”": a quoted fragment in what the subject did.

    With no cue at all, the subject's verb still reports them: the content is
    its object clause, and the confidence stays low.
    """
    ids = _segments_in(segments, s, e)
    # A scare quote, a name or a title of a work is no quotation. (A loop, not any() over a generator:
    # this runs for every sentence of the branch with no cue.)
    for i in ids:
        segment = segments[i]
        if segment.end - segment.start >= _FRAGMENT_CHARS and not segment.title:
            break
    else:
        return None
    source = _sentence_subject(masked, s, e)
    if source is None or source.kind == "pronoun" and source.text in ("It", "I", "We"):
        return None
    gap = _AFTER_SUBJECT.match(masked, source.end, e)
    pos, word = gap.end() if gap else source.end, None
    for _ in range(3):  # "also has made": auxiliaries and adverbs, then the verb
        token = _LOWER_WORD.match(masked, pos, e)
        if token is None:
            return None
        pos = token.end()
        if token.group(1) not in _AUX_WORDS and not token.group(1).endswith("ly"):
            word = token.group(1)
            break
    if word is None or word in _COPULAS or word in _NOT_HEAD:
        return None
    if is_passive(masked, source.end, token.start(1), token.end(1), ""):
        return None  # "Lee was told that the plant would close “soon.”": someone else's words
    start = pos
    while start < e and masked[start].isspace():
        start += 1
    stop = trim_end(masked, start, e)
    cut = clause_break(masked, start, stop)
    if cut is not None and cut.start() - start >= 12:
        stop = trim_end(masked, start, cut.start() + (1 if masked[cut.start()] in "”\"'’»" else 0))
    if stop - start < 6 or not segments.overlapping(start, stop):
        return None
    kind, spans = kind_of(masked, _end_at_quoted_comma(masked, (start, stop), segments), segments)
    if kind == "indirect":
        return None
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, word, "pre", paragraph, seg_ids, 0.5)


_FRAGMENT_CHARS = 22


# A cue that shares the sentence's subject: "…, saying C", "… and called him “…”".
_PARTICIPLE_BEFORE = re.compile(r"(?:,|\b(?:by|before|after|while|in|when|without))\s*\Z")


# (Same matches as r"(?:\b(?:and|but)|,\s+who|\b(?:and|but)\s+(?P<pronoun>he|she|they))\s+…": the first
# character is read as a class, then looked back at, so the search skips to a, b and commas at C speed.)
_COORDINATED_BEFORE = re.compile(r"[ab,](?:(?<!\w.)(?<=a)nd|(?<!\w.)(?<=b)ut|(?<=,)\s+who|"
                                 r"(?<!\w.)(?:(?<=a)nd|(?<=b)ut)\s+(?P<pronoun>he|she|they))\s+(?:also\s+|then\s+|later\s+|again\s+|even\s+|repeatedly\s+|has\s+|had\s+)?"
                                 r"(?:(?:went|goes|go)\s+on\s+to\s+)?\Z")


def _coordinated_frame(masked: str, s: int, e: int, cue: Cue, segments: SegmentList,
                       paragraph: int) -> Candidate | None:
    """"Trump shot back in a statement, saying he’s “…”": the subject is the sentence's."""
    if not cue.speech or cue.base == "according to":
        return None
    prefix = masked[max(s, cue.start - 40):cue.start]
    word = masked[cue.start:cue.end].split()[0].lower()
    if not (_COORDINATED_BEFORE.search(prefix) or word.endswith("ing") and _PARTICIPLE_BEFORE.search(prefix)):
        return None
    after = skip_modifiers(masked, cue.end, e)
    after = skip_modifiers(masked, skip_object(masked, after, e, cue.base), e)
    span = content_after(masked, after, e, True)
    if span is None:
        return None
    kind, spans = kind_of(masked, _end_at_quoted_comma(masked, span, segments), segments)
    if kind == "indirect":
        return None
    coordinated = _COORDINATED_BEFORE.search(masked, max(s, cue.start - 40), cue.start)
    source = (_pronoun_of(coordinated) if coordinated else None) or _sentence_subject(masked, s, cue.start)
    if source is None:
        return None
    if coordinated is None and _SUBORDINATE_SUBJECT.search(masked, source.end, cue.start):
        # "Lee spoke where 50 protesters had gathered, chanting “…”": the participle may be theirs.
        source = None
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, masked[cue.start:cue.end], "pre", paragraph, seg_ids,
                     0.7 if source is not None else 0.5)


# A subordinate clause with a subject of its own: "where about 50 protesters had gathered".
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:where|while|as|when|after)\s+(?:(?:about|some|many|the|hundreds\s+of|dozens\s+of|\d+)\s+)+[a-z\-]+\s+"
    r"(?:had\s+|have\s+|were\s+|was\s+)?[a-z]+ed\b"
)


# "“We can win.” ― Ann Lee, Ohio": a quotation credited after a dash.
_CREDIT_DASH = re.compile(r"\s*[―—–-]{1,2}\s*")


_CREDIT_REST = re.compile(r"\s*(?:[.,;]\s*)?(?:[^.;:\x1a“”\"]{0,80}[.]?)?\s*")


def _credit_line(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    ids = _segments_in(segments, s, e)
    if not ids or segments[ids[0]].start > s + 1:
        return None
    dash = _CREDIT_DASH.match(masked, segments[ids[-1]].end, e)
    if dash is None or dash.end() == segments[ids[-1]].end:
        return None
    name = NAME_RUN.match(masked, dash.end(), e)
    if name is None or name.group().split()[0].lower() in _NOT_NAMES or not _CREDIT_REST.fullmatch(masked, name.end(), e):
        return None
    source = Source(name.start(), name.end(), name.group(), "name")
    spans = [(segments[i].start, segments[i].end) for i in ids]
    return Candidate(spans, "direct", source, "―", "post", paragraph, set(ids), 0.7)


_PARTICIPLE_QUOTE = re.compile(
    # Any participle after a comma ("…, chanting “…”"); without one, only verbs of saying ("a screening of").
    # (The comma or space is read first and looked back at, so the search skips to those at C speed.)
    r"[,\s](?:(?:(?<=,)\s+|(?<=\s)\s*)(?:by\s+)?(?=saying|writing|adding|tweeting|declaring|asking|explaining|noting)"
    r"|(?<=,)\s+(?:by\s+)?)([a-z]{3,}ing"
    r"(?:\s+(?:\w+\s+){0,3}?\w+)??)\s*[:,]?\s*(?=[“\"'‘«`])"
)


_OTHER_SUBJECT = re.compile(r"(?:[,;]|\b(?:that|so|and|but))\s+(I|we|he|she|they)\s+[a-z]+")


# "Trump issued a statement: “…”", "he demurred: “…”": a clause, a colon, the quotation.
# ("Trump issued a statement, “…”": a noun for something written, then a comma, works the same.)
# (Same matches as r"(?:[:]|\b(?:statement|tweet|message|post|letter|email|note|memo)\s*,)\s*(?=…)", opened
# by a character class, looked back at, so that a search skips to a colon or a noun's first letter.)
_LEAD_IN_QUOTE = re.compile(r"[:stmplen](?:(?<=:)|(?<!\w.)(?:(?<=s)tatement|(?<=t)weet|(?<=m)essage|(?<=p)ost|"
                            r"(?<=l)etter|(?<=e)mail|(?<=n)ote|(?<=m)emo)\s*,)\s*(?=[“\"'‘«`])")


def _participle_quote(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"Trump took to Twitter, writing: “…”" — the sentence's subject said it."""
    for pattern, confidence in ((_PARTICIPLE_QUOTE, 0.75), (_LEAD_IN_QUOTE, 0.6)):
        if pattern is _PARTICIPLE_QUOTE and masked.find("ing", s, e) < 0:
            continue  # (every match holds a participle's "ing": four sentences in five need no search)
        match = pattern.search(masked, s, e)
        if match is None or segments.overlapping(match.start(), match.start() + 1):
            continue
        source = _sentence_subject(masked, s, match.start())
        if source is None or source.start >= match.start():
            continue
        other = None
        for other in _OTHER_SUBJECT.finditer(masked, source.end, match.start()):
            pass  # the last clause before the colon has a subject of its own
        if other is not None:
            # "She got upset, so that I had to answer: “…”": that clause's subject spoke.
            source = Source(other.start(1), other.end(1), other.group(1), "pronoun")
            confidence = 0.5
        span = (match.end(), trim_end(masked, match.end(), e))
        kind, spans = kind_of(masked, span, segments)
        if kind != "direct" or all(segments[i].title for i in segments.overlapping(*span)):
            continue
        seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
        cue = match.group(1) if pattern is _PARTICIPLE_QUOTE else match.group().strip(" ,") or ":"
        return Candidate(spans, kind, source, cue, "pre", paragraph, seg_ids, confidence)
    return None


def _pronoun_of(match: re.Match[str]) -> Source | None:
    if match.group("pronoun") is None:
        return None
    return Source(match.start("pronoun"), match.end("pronoun"), match.group("pronoun"), "pronoun")
