"""Pair quotation marks into quoted segments, one paragraph at a time.

News text mixes curly, straight, doubled-apostrophe (''like this'') and
guillemet marks, forgets opening marks, and runs quotations over several
paragraphs by reopening each paragraph without closing the previous one.
Pairing restarts at every paragraph, so one stray mark can never swallow the
rest of the article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from quotebook.extract.clean import Paragraph
from quotebook.extract.scan import literal_starts

# The character that replaces the inside of a quotation in the masked text:
# not a word character, not a space, so names and verbs are never found there.
MASK = "\x1a"

_DOUBLE_OPEN = "“„‟«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_SINGLE_CLOSE = "’›"
# ''' is a nested single quote touching a doubled-apostrophe double quote.
# Same matches as r"'''|''|``|[\"“”„‟«»‘’‹›']", written to open with one character class so
# the regex engine skips the text between marks at C speed.
_MARK = re.compile(r"[\"“”„‟«»‘’‹›'`](?:(?<=')'{0,2}|(?<=`)`|(?<=[\"“”„‟«»‘’‹›]))")
_MARK_CHARS = "\"“”„‟«»‘’‹›'`"  # every character a _MARK match opens with
_OPEN_BEFORE = set(" \t\u00a0([{<—–-/:;,\u2014" + _DOUBLE_OPEN + _SINGLE_OPEN)
_CLOSE_AFTER = set(" \t\u00a0.,;:!?)]}>—–-/…\u2014" + _DOUBLE_CLOSE + _SINGLE_CLOSE)
_TERMINAL = ".,!?…"


@dataclass
class Segment:
    """A stretch of one paragraph between quotation marks (marks included)."""

    start: int
    end: int
    paragraph: int
    opened: bool = True  # False when the opening mark is missing
    closed: bool = True  # False when the paragraph ended first
    continued: bool = False  # the quotation goes on in the next paragraph
    single: bool = False  # delimited by single marks
    title: bool = False  # Title Case words only: a name or a title of a work, not speech


class SegmentList(list):
    """Segments in text order, with a bisect index so lookups stay logarithmic."""

    def __init__(self, segments: list[Segment]):
        super().__init__(segments)
        self.starts = [seg.start for seg in segments]
        self.ends = [seg.end for seg in segments]

    def overlapping(self, start: int, end: int) -> range:
        """Indices of the segments that share at least one character with [start, end)."""
        # Asked several times for every sentence: kept to plain list lookups.
        starts = self.starts
        lo = bisect_right(starts, start) - 1
        if lo < 0 or self.ends[lo] <= start:
            lo += 1
        hi = bisect_left(starts, end)
        return range(lo, hi if hi > lo else lo)

    def starting_at(self, pos: int) -> Segment | None:
        i = bisect_left(self.starts, pos)
        return self[i] if i < len(self) and self.starts[i] == pos else None


@dataclass
class Mark:
    pos: int
    end: int
    role: str  # open | close | either
    single: bool


def _classify(text: str, start: int, end: int, para: Paragraph) -> Mark | None:
    token = text[start:end]
    before = text[start - 1] if start > para.start else " "
    if before == "=" or (token == '"' and text[end:end + 1] == ">"):
        return None  # markup: <tweet author="…">
    after = text[end] if end < para.end else " "
    can_open = before in _OPEN_BEFORE or start == para.start
    can_close = after in _CLOSE_AFTER or end == para.end or after in "'\""
    if token == "'''":
        # ,''' closes a single then a double; ''' followed by a word opens both.
        if can_close and not (can_open and after.isalnum()):
            return Mark(start + 1, end, "close", False)
        return Mark(start, start + 2, "open", False)
    if token in ("''", "``", '"'):
        if token == "``":
            return Mark(start, end, "open", False)
        if can_open and not can_close:
            return Mark(start, end, "open", False)
        if can_close and not can_open:
            return Mark(start, end, "close", False)
        return Mark(start, end, "either", False)
    if token in _DOUBLE_OPEN:
        if before in ",.!?" and (after.isspace() or end == para.end):
            return Mark(start, end, "close", False)  # “It's unusual,“ said… — a typo for ”
        return Mark(start, end, "open", False)
    if token in _DOUBLE_CLOSE:
        return Mark(start, end, "close", False)
    # Single marks: an apostrophe between letters is never a quotation mark.
    if before.isalnum() and after.isalnum():
        return None
    if token in _SINGLE_OPEN or (token == "'" and can_open and after.isalnum()):
        return Mark(start, end, "open", True) if can_open else None
    if can_close and not before.isspace():
        return Mark(start, end, "close", True)
    return None


def _pair_singles(marks: list[Mark], para_index: int) -> list[Segment]:
    """Top-level single-quoted stretches: opening at a word start, closing at a word end."""
    segments, open_at = [], None
    for mark in marks:
        if mark.role == "open":
            open_at = mark
        elif mark.role == "close" and open_at is not None:
            segments.append(Segment(open_at.pos, mark.end, para_index, single=True))
            open_at = None
    return segments


def pair_quotation_marks(text: str, paragraphs: list[Paragraph]) -> SegmentList:
    """All quoted segments of the text, in order, marks included in the offsets."""
    segments: list[Segment] = []
    places = literal_starts(text, _MARK_CHARS)  # (a text holds few marks: str.find skips to each)
    for index, para in enumerate(paragraphs):
        lo, hi = bisect_left(places, para.start), bisect_left(places, para.end)
        if lo == hi:
            continue  # no mark in the paragraph, so no segment: nothing to pair
        doubles: list[Mark] = []
        singles: list[Mark] = []
        for match in _marks_in(text, places[lo:hi], para):
            start = match.start()
            mark = _classify(text, start, match.end(), para)
            if mark is not None:
                (singles if mark.single else doubles).append(mark)
        found = _pair_doubles(text, doubles, para, index)
        if singles:
            taken = [(s.start, s.end) for s in found]
            for seg in _pair_singles(singles, index):
                if not any(b <= seg.start < e for b, e in taken) and " " in text[seg.start:seg.end]:
                    found.append(seg)
            found.sort(key=lambda s: s.start)
        segments.extend(found)
    _link_paragraphs(text, segments, paragraphs)
    for seg in segments:
        seg.title = _is_title(text[seg.start:seg.end])
    return SegmentList(segments)


def _marks_in(text: str, places: list[int], para: Paragraph) -> Iterator[re.Match[str]]:
    """The matches of _MARK.finditer(text, para.start, para.end), tried only at places (the paragraph's
    mark characters), but for the apostrophes between letters."""
    resume = para.start
    for pos in places:
        if pos >= resume:
            if (text[pos] in "'’" and para.start < pos < para.end - 1
                    and text[pos - 1].isalnum() and text[pos + 1].isalnum()):
                # "don’t", "Trump's": what _classify says of an apostrophe between letters, before a match
                # is tried (a one-character match, as a letter follows: the next place is past it anyway).
                continue
            match = _MARK.match(text, pos, para.end)
            if match is not None:  # a lone backtick is no mark
                resume = match.end()
                yield match


_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as vs".split())
_WORDS = re.compile(r"[^\W\d_][\w’'\-]*")


def _is_title(quoted: str) -> bool:
    """“Fox News Sunday”, “Perception and the Mind”: every word capitalised but the small ones."""
    # Words are read one at a time: in a quotation of speech the first or second word tells.
    words = _WORDS.finditer(quoted)
    first = next(words, None)
    if first is None or not first.group()[0].isupper():
        return False
    second = next(words, None)
    if second is None:
        # “Yes.” is an answer; “Sharknado 3: Oh Hell No!” and “Trainwreck” are titles
        return quoted.rstrip("”\"'’» ")[-1:] not in ".!?"
    rest = (match.group() for match in itertools.chain((second,), words))
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in rest)


def _pair_doubles(text: str, marks: list[Mark], para: Paragraph, index: int, nest: bool = True) -> list[Segment]:
    """Double-quoted segments. nest: a quotation in the other style of marks inside an open one
    ("… isn’t about “Equal Justice” anymore.") belongs to it, when the open one closes in the paragraph
    (a mark right after the opening one, as in "“…,” he said.", opens the quotation itself)."""
    segments: list[Segment] = []
    open_at: Mark | None = None
    nested: Mark | None = None
    for mark in marks:
        if nested is not None:
            if mark.role in ("close", "either") and _straight(text, mark) == _straight(text, nested):
                nested = None
            continue
        if (nest and open_at is not None and mark.role == "open" and mark.pos > open_at.end
                and _straight(text, mark) != _straight(text, open_at)):
            nested = mark
            continue
        if open_at is None:
            if mark.role in ("open", "either"):
                open_at = mark
            elif not segments and _looks_like_quote_end(text, mark):
                # A closing mark with no opening: the quote began with the paragraph.
                segments.append(Segment(para.start, mark.end, index, opened=False))
        else:
            if mark.role in ("close", "either"):
                segments.append(Segment(open_at.pos, mark.end, index))
                open_at = None
            else:
                # Two openings in a row: the first one was never closed.
                open_at = mark
    if nest and (open_at is not None or nested is not None):
        # The outer quotation runs on (a transcript, an excerpt): the inner marks pair on their own.
        return _pair_doubles(text, marks, para, index, nest=False)
    if open_at is not None and para.end - open_at.end > 0:
        segments.append(Segment(open_at.pos, para.end, index, closed=False))
    return segments


def _straight(text: str, mark: Mark) -> bool:
    return text[mark.pos] in "\"'`"


def _looks_like_quote_end(text: str, mark: Mark) -> bool:
    return mark.pos > 0 and text[mark.pos - 1] in _TERMINAL + "-—"


def _link_paragraphs(text: str, segments: list[Segment], paragraphs: list[Paragraph]) -> None:
    """Mark unclosed segments that the next paragraph reopens as continued."""
    for current, following in zip(segments, segments[1:]):
        if current.closed or current.single:
            continue
        if following.paragraph == current.paragraph + 1 and following.opened:
            if following.start == paragraphs[following.paragraph].start:
                current.continued = True


def mask_quotations(text: str, segments: list[Segment]) -> str:
    """The text with the inside of each quotation replaced by MASK characters.

    The last punctuation before the closing mark is kept, so patterns can
    still tell “…,” he said (a quote ending in a comma) from “….” He said.
    """
    pieces, last = [], 0
    for seg in segments:
        inner_start = seg.start + (_mark_length(text, seg.start) if seg.opened else 0)
        inner_end = seg.end - (_closing_length(text, seg.end) if seg.closed else 0)
        if inner_end > inner_start and text[inner_end - 1] in _TERMINAL:
            inner_end -= 1
        if inner_start < last or inner_end <= inner_start:
            continue
        pieces.append(text[last:inner_start])
        pieces.append(MASK * (inner_end - inner_start))
        last = inner_end
        if seg.closed and text[seg.end - 1] == "“" and seg.end - 1 >= inner_end:
            # “It's unusual,“ said…: a typo for ”, which the frames read as the closing mark it is.
            pieces.append(text[last:seg.end - 1] + "”")
            last = seg.end
    pieces.append(text[last:])
    return "".join(pieces)


def _mark_length(text: str, pos: int) -> int:
    return 2 if text.startswith(("''", "``"), pos) else 1


def _closing_length(text: str, end: int) -> int:
    return 2 if end >= 2 and text[end - 2:end] == "''" else 1
