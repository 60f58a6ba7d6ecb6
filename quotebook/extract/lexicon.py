"""The word lists extraction relies on, read once from ``quotebook/data``.

They are data files so that a linguist can extend them without touching code;
this module only knows how to read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from quotebook.extract.marks import MASK


def _lines(name: str) -> list[str]:
    text = resources.files("quotebook").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of a list, lower-cased."""
    return frozenset(w.lower() for line in _lines(name) for w in line.split())


@lru_cache(maxsize=None)
def phrases(name: str) -> tuple[str, ...]:
    """Every line of a list, lower-cased, longest first (for regex alternations)."""
    return tuple(sorted({line.lower() for line in _lines(name)}, key=len, reverse=True))


@lru_cache(maxsize=None)
def phrases_cased(name: str) -> tuple[str, ...]:
    """Every line of a list as written (proper names keep their capitals), longest first."""
    return tuple(sorted(set(_lines(name)), key=len, reverse=True))


@lru_cache(maxsize=None)
def verb_forms(name: str) -> dict[str, str]:
    """Map each form of each verb in a verb list to its base form."""
    forms: dict[str, str] = {}
    for line in _lines(name):
        base, *rest = line.lower().split()
        for form in (base, *rest):
            forms.setdefault(form, base)
    return forms


@lru_cache(maxsize=None)
def reporting_verbs() -> dict[str, str]:
    return verb_forms("reporting_verbs.txt")


@lru_cache(maxsize=None)
def belief_verbs() -> dict[str, str]:
    return verb_forms("belief_verbs.txt")


@lru_cache(maxsize=None)
def titles() -> tuple[str, ...]:
    return phrases("titles.txt")


@lru_cache(maxsize=None)
def title_words() -> frozenset[str]:
    return words("titles.txt") | words("role_modifiers.txt")


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    return female_names() | male_names()


# Auxiliary and modal verbs, as the body of a regex alternation: a word a noun phrase never holds,
# so where one follows a noun phrase a clause has begun ("told the forum he was", "said the company would").
AUXILIARY_VERBS = "is|was|are|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|does|did|do"


def trie_pattern(forms: Iterable[str]) -> str:
    """A regex alternation shaped as a trie, so the regex engine matches it in one pass."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


@lru_cache(maxsize=None)
def female_names() -> frozenset[str]:
    return words("first_names_female.txt")


@lru_cache(maxsize=None)
def male_names() -> frozenset[str]:
    return words("first_names_male.txt")


@lru_cache(maxsize=None)
def anonymous_nouns() -> frozenset[str]:
    return words("anonymous_sources.txt")


@lru_cache(maxsize=None)
def organisation_words() -> frozenset[str]:
    return words("organisations.txt")


# A masked quotation (MASK) always ends before a quotation mark or a full stop, never before a
# word, so a scan need not stop at each of its characters: in news text they are a fifth of all.
_MASK_RUN = re.compile(MASK + "+")
_last_text: tuple[str, bool] | None = None  # (text, whether its masks all stand before non-words)
# Below this character the fast scan's lead class holds exactly the non-word characters (Latin,
# Greek, Cyrillic, Hebrew, Arabic, … and General Punctuation); from it on, every character.
_HIGH = "\u2070"
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=1)
def _lead_class() -> str:
    """A character class for a scan to stop at: the non-word characters but MASK, as ranges.

    A class of ranges is far faster to test than \\W. Characters from _HIGH on are all in it,
    letters too, as they are rare in news text: a match one of them leads is checked afterwards.
    """
    below = "".join(map(chr, range(ord(_HIGH))))
    ranges = []
    for run in re.finditer(r"\W+", below.replace(MASK, "a")):  # "a": MASK is left out
        first, last = run.start(), run.end() - 1
        ranges.append(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else ""))
    return "[" + "".join(ranges) + re.escape(_HIGH) + "-\U0010ffff]"


def _scan_form(pattern: re.Pattern[str], fast: bool) -> re.Pattern[str]:
    # Keyed by the pattern's text: a compiled pattern's hash reads its whole compiled code each
    # time (the text's hash is kept), and a lexicon trie's code is long.
    return _scan_form_of(pattern.pattern, fast)


@lru_cache(maxsize=None)
def _scan_form_of(pattern: str, fast: bool) -> re.Pattern[str]:
    lead = _lead_class() if fast else r"\W"
    return re.compile(lead + "(" + pattern.removeprefix(r"\b") + ")")


def _masks_before_non_words(text: str) -> bool:
    """Whether no mask character of text stands right before a word (one entry: the last text)."""
    global _last_text
    if _last_text is None or _last_text[0] is not text:
        _last_text = (text, not _mask_before_word(text))
    return _last_text[1]


def _mask_before_word(text: str) -> bool:
    """Whether a word character follows a mask character: only a run's last mask can stand before one,
    so the runs are skipped whole (str.find and one match each) instead of stopping at every mask."""
    pos = text.find(MASK)
    while pos != -1:
        end = _MASK_RUN.match(text, pos).end()
        if _WORD_CHAR.match(text, end):
            return True
        pos = text.find(MASK, end)
    return False


def word_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of every match of a \\b-led word pattern in text, in order.

    The scan is led by the non-word character before a word instead of \\b, so the
    regex engine skips through words at C speed; a word opening the text is matched
    on its own. Same matches as pattern.finditer(text).
    """
    shared = _last_shared
    if shared is not None and shared[0] is text and pattern.pattern in shared[1]:
        return list(shared[1][pattern.pattern])  # found by scan_words
    first = pattern.match(text)
    spans = [first.span()] if first else []
    begin = first.end() if first else 0
    if _masks_before_non_words(text):
        found = [m.span(1) for m in _scan_form(pattern, True).finditer(text, begin)]
        # A letter from _HIGH on may have led a match: then the text is read again with \\W.
        if not any(text[b - 1] >= _HIGH and _WORD_CHAR.match(text, b - 1) for b, _ in found):
            return spans + found
    spans.extend(m.span(1) for m in _scan_form(pattern, False).finditer(text, begin))
    return spans


class WordList(NamedTuple):
    """Forms to find as whole words: after a word boundary, before no character of not_before."""

    forms: frozenset[str]
    not_before: str = r"\w\-"  # a regex class body; it holds \w and - at least (see scan_words)

    def pattern(self) -> re.Pattern[str]:
        return _word_pattern(self.forms, self.not_before)


@lru_cache(maxsize=None)
def _word_pattern(forms: frozenset[str], not_before: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + trie_pattern(forms) + r")(?![" + not_before + "])")


# word_spans of the word lists scan_words read together (one entry: the last text), by pattern text.
_last_shared: tuple[str, dict[str, list[tuple[int, int]]]] | None = None


def scan_words(text: str, lists: tuple[WordList, ...]) -> None:
    """Find the words of several lists in one scan of text, for word_spans to give.

    One scan, of every form of every list, finds where any list matches: a form of a list
    is a form of the whole, and before no \\w or - as its list wants. A list's own scan would
    try every place where it matches, and each is one of those or lies inside one of them
    (where the shared scan went on past a word boundary: a phrase, a hyphenated word); there
    the list's pattern is matched in turn, so each list gets the same matches as its own scan.
    """
    global _last_shared
    assert all(words.not_before.startswith(r"\w\-") for words in lists), "a list the shared scan could miss"
    places: list[tuple[int, int, str | None]] = []  # (place, end, word): the word when letters only
    for start, end in word_spans(_every_form(lists), text):
        word = text[start:end]
        if word.isalpha():  # letters only: no word boundary inside
            places.append((start, end, word))
        else:
            places.append((start, end, None))
            places.extend((pos, end, None) for pos in range(start + 1, end))
    found = {}
    for words in lists:
        pattern, forms = words.pattern(), words.forms
        blocker = _blocker(words.not_before)  # (looked up once a list, not once a word)
        spans, resume = [], 0
        for pos, end, word in places:
            if pos >= resume:
                if word is not None:
                    # (A set lookup and a test of the next character instead of a match: the same span.)
                    if word in forms and (blocker is None or blocker.match(text, end) is None):
                        spans.append((pos, end))
                        resume = end
                    continue
                match = pattern.match(text, pos)
                if match is not None:
                    spans.append(match.span())
                    resume = match.end()
        found[pattern.pattern] = spans
    _last_shared = (text, found)


@lru_cache(maxsize=None)
def _blocker(not_before: str) -> re.Pattern[str] | None:
    """The characters a list's word may not stand before, beyond the \\w and - the shared scan already
    saw none of after a word it found (None: no more); a shorter or a longer form of the list cannot match
    where the letters-only word does not (a letter follows the one, the shared scan would have found the other)."""
    return None if not_before == r"\w\-" else re.compile("[" + not_before + "]")


@lru_cache(maxsize=None)
def _every_form(lists: tuple[WordList, ...]) -> re.Pattern[str]:
    return WordList(frozenset().union(*(words.forms for words in lists))).pattern()
