"""Split a paragraph into sentences on the masked text.

Because quotations are masked, a full stop inside a quotation never splits
it from its attribution: “We are not there yet. We hope,” he said. is one
sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from quotebook.extract import lexicon
from quotebook.extract.marks import MASK
from quotebook.extract.scan import literal_starts

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj st jr sr prof rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd dept est approx
    ft mt fig op ed al ave blvd assn univ bros messrs""".split()
)
# A sentence ends at . ! ? (or …), maybe followed by closing marks or a bracket,
# before a space and something that can start a sentence. ([…][…]* rather than […]+: a pattern
# that opens with a character class lets the regex engine skip to the next candidate at C speed.)
_AFTER_STOP = r"[.!?…]*[\"”’'»)\]]*(?=\s+(?:[\"“‘'«(\[`]+[A-Z0-9À-Þ\x1a]|[A-Z0-9À-Þ]))"
_BOUNDARY = re.compile(r"[.!?…]" + _AFTER_STOP)
# _BOUNDARY for a paragraph with no "!", "?" or "…", where every boundary opens with a full stop: the
# regex engine skips to a literal character several times faster than to one of a class.
_DOT_BOUNDARY = re.compile(r"\." + _AFTER_STOP)
_STARTERS = frozenset("The He She It They We I But And In A An This That His Her Their".split())
_NEXT_WORDS = re.compile(r"\s+((?:[\w.’'\-]+\s+){0,5}[\w.’'\-]+)")


def split_sentences(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets within masked[start:end]."""
    sentences = []
    last = start
    stops = _other_stops(masked)
    plain = bisect_left(stops, start) == bisect_left(stops, end)  # no "!", "?" or "…" in the paragraph
    for match in (_DOT_BOUNDARY if plain else _BOUNDARY).finditer(masked, start, end):
        stop = match.end()
        if _is_abbreviation(masked, match.start(), last):
            continue
        # “Really?” Trump asked. — a question mark inside a quote before its attribution.
        if masked[match.start()] in "?!" and stop > match.start() + 1 and _attribution_follows(masked, stop, end):
            continue
        sentences.append((last, stop))
        last = stop
        while last < end and masked[last].isspace():
            last += 1
    if last < end:
        sentences.append((last, end))
    # (Few sentences open with a bracket: the others are kept as they are without a call each.)
    return [_inside_brackets(masked, b, e) if masked[b] == "(" else (b, e) for b, e in sentences if e > b]


_last_stops: tuple[str, list[int]] | None = None  # (masked, where its "!", "?" and "…" stand): the last text


def _other_stops(masked: str) -> list[int]:
    """Where the stops other than the full stop stand in masked: found once an article, with str.find,
    where each paragraph looked for them with three finds of its own."""
    global _last_stops
    if _last_stops is None or _last_stops[0] is not masked:
        _last_stops = (masked, literal_starts(masked, "!?…"))
    return _last_stops[1]


def _inside_brackets(masked: str, b: int, e: int) -> tuple[int, int]:
    """An aside in brackets, "(“I don’t want a fight,” said one activist.)", is read as the sentence
    inside them: the bracket would hide that a quotation opens it."""
    if masked[b] != "(" or e - b < 3:
        return b, e
    close = e - 1 if masked[e - 1] == ")" else e - 2 if masked.endswith(").", b, e) else -1
    if close < 0 or masked.find("(", b + 1, close) >= 0 or masked.find(")", b, close) >= 0:
        return b, e
    return b + 1, close


def _attribution_follows(masked: str, pos: int, end: int) -> bool:
    following = _NEXT_WORDS.match(masked, pos, end)
    if not following:
        return False
    verbs = lexicon.reporting_verbs()
    words = following.group(1).split()
    return words[0].lower() in ("he", "she", "they") or any(w.lower().strip(".,") in verbs for w in words[1:])


def _word_start(masked: str, dot: int, sentence_start: int) -> int:
    """Where the run of letters and dots that ends at dot starts (sentence_start at the earliest)."""
    space = masked.rfind(" ", sentence_start, dot)
    start = space + 1 if space >= 0 else sentence_start
    if masked[start:dot].replace(".", "").isalpha():
        return start  # the usual word after a space, checked whole by str methods, not letter by letter
    word_start = dot
    while word_start > sentence_start and (masked[word_start - 1].isalpha() or masked[word_start - 1] == "."):
        word_start -= 1
    return word_start


def _is_abbreviation(masked: str, dot: int, sentence_start: int) -> bool:
    if masked[dot] != ".":
        return False
    word = masked[_word_start(masked, dot, sentence_start):dot]
    if not word or MASK in word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    if "." in word:  # "U.S", "D.C": an abbreviation, unless a sentence plainly starts after it
        following = masked[dot + 1:dot + 12].split()
        # A quotation opening after it starts a sentence too: "… for MoveOn.org. “That is …”"
        return not (following and (following[0] in _STARTERS or following[0][0] in "“\"«"))
    return word.lower() in _ABBREVIATIONS
