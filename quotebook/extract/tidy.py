"""The last word on a speaker's name: only a proper name becomes a speaker.

Earlier stages find where an attribution rests (the mention and its offsets).
This pass decides whether the resolved name is fit to stand as a speaker in the
database: a pronoun that could not be resolved, a possessive ("Trump's"), a
common-noun phrase ("the poll", "most"), a headline fragment ("Railing Against
Trump") or a place ("Iowa") is not. Such quotes keep their mention and offsets,
so a reader sees where the attribution rests, but name no one: an unknown
speaker is better than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from quotebook.data import Quote
from quotebook.extract import lexicon

DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
               "these", "those", "some", "other", "another", "many", "most", "several", "both", "all"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "him", "them", "us", "me", "one",
            "he's", "she's", "they're", "it's", "we're", "i'm", "i've", "you're", "he'd", "she'd"}
NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "dozen",
           "half", "third", "quarter", "percent", "majority", "minority", "none", "few"}
# Words a headline or a sentence has and a name does not.
# (Not "will", "may" or "mark": Will Hurd, Theresa May and Mark Warner are names.)
NOT_IN_NAMES = {"against", "under", "when", "while", "could", "would", "should", "does", "did",
                "is", "are", "was", "were", "been", "has", "have", "had", "not", "latest", "why",
                "how", "what", "where", "if", "than", "about", "into", "serving", "railing",
                "meets", "visits", "sentence", "tweet", "debate", "week", "month", "year", "today",
                "yesterday", "tomorrow"}
# A capitalised plural of this shape names a group ("Democrats", "Mexicans"): anonymous.
# (Not every plural: Sanders, Evans and Rogers are surnames.)
GROUP = re.compile(r"^[A-Z][a-z]+(?:crats|icans|ians|ists)$")
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return lexicon.words("places.txt")


def _inflected_verb(word: str) -> bool:
    """'calls', 'vows', 'warned', 'saying': a reporting verb with an ending, which a
    title-case headline capitalises ("Christie Calls Clinton …") and a name never has.
    Base forms are left alone: Mark, Hope and Rush are names too."""
    verbs = lexicon.reporting_verbs()
    return word in verbs and verbs[word] != word and word.endswith(("s", "ed", "ing"))


def _tokens(name: str) -> list[str]:
    return name.replace("’", "'").split()


@lru_cache(maxsize=4096)  # the same speakers ("Trump", "Clinton") come back article after article
def name_problem(name: str) -> str | None:
    """Why a resolved name cannot stand as a speaker, or None when it can."""
    tokens = _tokens(name)
    if not tokens:
        return "empty"
    lowered = [t.lower().strip(".,;:") for t in tokens]
    if any(t in PRONOUNS for t in lowered):
        return "pronoun"
    if _POSSESSIVE.search(tokens[-1]):
        return "possessive"
    content = [t for t, low in zip(tokens, lowered) if low not in DETERMINERS]
    if not content or not content[0][:1].isupper():
        return "common noun"
    if content[0].lower() in NUMBERS:
        return "quantity"
    if any(low in NOT_IN_NAMES or _inflected_verb(low) for low in lowered):
        return "not a name"
    if len(content) == 1 and content[0].lower() in _places():
        return "place"
    return None


def tidy_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """tidy_speaker over an article's quotes; a one-word name the article also
    writes in lower case ("Police" … "police") is a common noun, not a name."""
    lower_case: dict[str, bool] = {}
    problems: dict[str, str | None] = {}  # name_problem of each name, worked out once an article
    tidied = []
    for quote in quotes:
        name = quote.speaker
        # (name.split(): _tokens' words, without a call; they differ only in their apostrophes)
        if name and quote.speaker_type != "anonymous" and len(name.split()) == 1 and name[:1].isupper():
            low = name.lower()
            if low not in lower_case:
                lower_case[low] = _written_in_lower_case(text, low)
            if lower_case[low]:
                tidied.append(_unknown(quote))
                continue
        tidied.append(tidy_speaker(quote, problems))
    return tidied


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]+\b")
_LOWER_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'’-")


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether word is one of the lower-case words of text (as _LOWER_WORD reads them).

    Only the runs of lower-case letters that hold word are read, not the whole text:
    a word of _LOWER_WORD never reaches outside its run, so reading from the run's
    start gives the same words as reading from the start of the text.
    """
    pos = text.find(word)
    while pos != -1:
        run = pos
        while run > 0 and text[run - 1] in _LOWER_WORD_CHARS:
            run -= 1
        for match in _LOWER_WORD.finditer(text, run):
            if match.start() >= pos:
                if match.start() == pos and match.group() == word:
                    return True
                break
        pos = text.find(word, pos + 1)
    return False


def tidy_speaker(quote: Quote, problems: dict[str, str | None] | None = None) -> Quote:
    """Keep a proper name as the speaker; anything else leaves the speaker unknown.

    problems, when given, keeps name_problem's answers across the quotes of one article.
    """
    name = quote.speaker
    if not name or quote.speaker_type == "anonymous":
        return quote
    if GROUP.match(name) and len(name.split()) == 1:
        return replace(quote, speaker_type="anonymous")
    if problems is None:
        problem = name_problem(name)
    elif name in problems:
        problem = problems[name]
    else:
        problem = problems[name] = name_problem(name)
    if problem is None:
        return quote
    return _unknown(quote)


def _unknown(quote: Quote) -> Quote:
    # "the company said": an organisation, though not a named one.
    kind = "organization" if quote.speaker_type == "organization" else None
    return replace(quote, speaker=None, speaker_type=kind, role=None,
                   confidence=round(min(quote.confidence, 0.5) * 0.8, 3))
