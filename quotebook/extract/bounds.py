"""Where the content of a frame stops: at the next speaker, a quoted comma, a trailing time or aside."""

from __future__ import annotations

import re

from quotebook.extract.cues import _MEDIUM, find_cues
from quotebook.extract.indirect import trim_end
from quotebook.extract.marks import SegmentList
from quotebook.extract.sources import _source_before


_ONLY_PUNCTUATION = re.compile(r"[.!?;:,\s]*")


_QUOTE_FIRST = re.compile(r"[,:;.]?\s*[“\"'‘«`]")


_TRAILING_PARTICIPLE = re.compile(r",\s*(?:adding|saying|noting|referring|explaining|calling|according|citing|while|as|before|after|when|in|at|on|during|to)\b")


_STOPS_AFTER_QUOTE = re.compile(r"\s+(?:when|as|after|before|in\s+(?:a|an|the|his|her)|[a-z]+ing\b)")


_CLOSERS = "”\"'’»"


_WHAT_BEFORE = re.compile(r"\bwhat\s+$")


_NESTING_WORD = re.compile(r"\b(?:that|and|or|whether|if)\b")


_SHARE_CLAUSE = re.compile(
    r",\s+(?:and|while|but)\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|only\s+|just\s+)?"
    r"(?:\d[\d.]*\s*(?:%|percent)|[\w\-]+\s+percent|[\w\-]+\s+in\s+(?:\d+|ten)|[\w]+-(?:quarters|thirds|fifths)|half|"
    r"a\s+majority|most)(?:\s+of\s+[\w\-]+(?:\s+[\w\-]+)?)?\s*$"
)


def _before_next_speaker(masked: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """"she said C1, at the town hall she said C2": C1 ends before the next speaker's clause."""
    start, end = span
    if masked.find(",", start + 1, end) < 0:
        return span  # (the test below, for the whole content at once: its cues need not be read)
    for cue in find_cues(masked, start + 1, end):
        if not cue.speech or cue.base == "according to":
            continue
        if masked.rfind(",", start + 1, cue.start) < 0:
            # Both the poll's next finding and the next speaker's clause follow a comma: with none
            # before the cue, its subject need not be read (a content with no comma is most of them).
            continue
        share = _SHARE_CLAUSE.search(masked, max(start, cue.start - 60), cue.start)
        if share is not None and share.start() - start >= 6:
            # "…, and three-quarters said C2": a poll's next finding, with its own share of voters.
            return start, trim_end(masked, start, share.start())
        source = _source_before(masked, start, cue.start)
        if source is None or source.text.lower() in ("it", "who", "which"):
            continue
        if source.kind == "pronoun" and _WHAT_BEFORE.search(masked, max(start, source.start - 6), source.start):
            continue  # "… but hungry for what she calls “real solutions”": the speaker's own term, inside
        comma = masked.rfind(",", start, source.start)
        between = masked[comma + 1:source.start] if comma > start else ""
        if comma <= start or len(between.split()) > 6 or _NESTING_WORD.search(between):
            continue  # "said that Trump said…": a nested attribution is part of the content
        stop = trim_end(masked, start, comma)
        while masked[comma + 1:comma + 2] in _CLOSERS and comma + 1 < source.start:
            comma += 1
            stop = comma + 1  # a quotation closed by ,” (or ,'') keeps its comma and marks
        return (start, stop) if stop - start >= 6 else span
    return span


_SECOND_THAT = re.compile(r"[”\"'’»]?,?\s+(?:but|and)\s+(?:also\s+)?that\b")


def _second_that_clause(masked: str, span: tuple[int, int], e: int) -> tuple[int, int]:
    """"said his staff erred, but that the ruling was unfair": both clauses are what was said."""
    more = _SECOND_THAT.match(masked, span[1], e)
    if more is None:
        return span
    return span[0], trim_end(masked, span[0], e)


def _end_at_quoted_comma(masked: str, span: tuple[int, int], segments: SegmentList) -> tuple[int, int]:
    """Reported content ends at a quotation closed by ,” unless a list goes on:
    said he was “not done yet,” when asked → said he was “not done yet,”."""
    start, end = span
    ids = segments.overlapping(start, end)
    for i in ids:
        seg = segments[i]
        if seg.closed and start <= seg.start and seg.end < end and masked[seg.end - 2:seg.end - 1] == ",":
            if _STOPS_AFTER_QUOTE.match(masked, seg.end, end):
                return start, seg.end
    if ids and segments[ids[-1]].end < end and _TRAILING_TIME.fullmatch(masked, segments[ids[-1]].end, end):
        return start, segments[ids[-1]].end  # "called her a “disgrace” Wednesday on a radio show"
    if ids and segments[ids[-1]].end < end and _TRAILING_MEDIUM.match(masked, segments[ids[-1]].end, end):
        return start, segments[ids[-1]].end  # "called the plan “a scam” in a tweet Sunday": where, not what
    for i in ids:
        seg = segments[i]
        dash = _HYPHEN_DASH.match(masked, seg.end, end) if start <= seg.start and seg.end < end else None
        if dash is not None and masked.find(dash.group(1), dash.end(), end) < 0:
            return start, seg.end  # "called it “a feat” - but he said …": a dash after the quotation, not a pair
    return span


# A dash typed as hyphens: "“…” - except that …", "“…” -- essentially …".
_HYPHEN_DASH = re.compile(r"\s+(-{1,2})\s+(?=\w)")


# After the last quotation, where the words were said: "in a tweet", "during a speech in Iowa", "when asked".
_TRAILING_MEDIUM = re.compile(r",?\s+(?:(?:in|during|on)\s+(?:an?|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?" + _MEDIUM
                              + r"|when\s+(?:asked|questioned|pressed))\b")


_TRAILING_TIME = re.compile(
    r",?\s+(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|week|night|morning)(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:on|in|at|during)\s+[^,;:\x1a“”\"]{1,60})?"
)


def _trivial_rest(rest: str) -> bool:
    """What follows a post-position cue: nothing, or a new quote, or "adding…"."""
    stripped = rest.strip()
    if not stripped or _ONLY_PUNCTUATION.fullmatch(stripped):
        return True
    if _QUOTE_FIRST.match(stripped):
        return True
    if _TRAILING_PARTICIPLE.match(stripped):
        return True
    return False


def _circumstance_rest(rest: str) -> bool:
    """"“…” would do, Carson said after the attacks." / "…, she said in a video message to the convention."."""
    stripped = rest.strip()
    return _TRAILING_CIRCUMSTANCE.fullmatch(stripped) is not None and " that " not in stripped


_TRAILING_CIRCUMSTANCE = re.compile(
    r"(?:after|before|in|at|on|during|of|about|to|from|with|outside|inside|last|this|earlier|later|while|when)\b"
    r"(?:[^\x1a“”\"'’:;]|(?<=\w)['’](?=\w)){0,100}?[.!?]?"  # an apostrophe inside a word ("Kyi's") is no quotation mark
)


_GAP = re.compile(r"\s*[,:;.]?\s*")


def _trailing_quote(masked: str, pos: int, end: int, segments: SegmentList) -> tuple[int, int] | None:
    """“…,” he said, “…” — the second part of an interrupted quote."""
    match = _GAP.match(masked, pos, end)
    seg = segments.starting_at(match.end() if match else pos)
    if seg is not None and seg.title:
        return None  # “…,” he told ABC's “Good Morning America.”: the show, not more of the quotation
    if seg is None:
        # “…,” he said of the plan, “…” / said Ann Lee, an economist, “…”: a short aside first.
        ids = segments.overlapping(pos, min(end, pos + 100))
        gap_end = segments[ids[0]].start if ids else pos
        if (ids and gap_end >= pos and not segments[ids[0]].title and _ASIDE_GAP.fullmatch(masked, pos, gap_end)
                and not find_cues(masked, pos, gap_end)):
            seg = segments[ids[0]]
    return (seg.start, seg.end) if seg is not None else None


_ASIDE_GAP = re.compile(r"[^.;:!?\x1a“”\"]{1,90}[,:]\s*")


# After a name given in quotes, "and" opens the subject's (or someone else's) next act, unless a second
# name follows: "called it “a scam” and his aides …" ends there; "… and “a fraud”", "… and a “hoax”" go on.
_AND_AFTER_NAME = re.compile(
    r"[”\"'’»],?\s+and\s+(?!(?:an?|the|as|so|very|too|more|most|not|someone|one)\s|[“\"‘'\x1a]|[a-z]+(?:\s+and\b|[.,]?$))"
)


def _end_naming_content(masked: str, span: tuple[int, int]) -> tuple[int, int]:
    """"called the plan “a scam” and recently urged a vote" → "the plan “a scam”"."""
    start, end = span
    after = _AND_AFTER_NAME.search(masked, start, end)
    if after is None or after.start() - start < 3:
        return span
    return start, after.start() + 1
