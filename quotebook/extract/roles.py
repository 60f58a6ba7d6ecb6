"""A speaker's role from the words set beside the name: "Sharon Graham, the general secretary of
Unite, said", "said manager Ruben Amorim". (A capitalised role before the name, "Sen. Ann Lee", is read
with the name itself, by quotebook.extract.mentions.)"""

from __future__ import annotations

import re
from functools import lru_cache

from quotebook.extract import lexicon
from quotebook.extract.subjects import role_heads


# A word of a name, dots inside it ("U.S") but not after it (the full stop ends the sentence).
_WORD = r"[\w’'\-&]+(?:\.[\w’'\-&]+)*"


def _titles() -> str:
    """The one-word titles written out (not "Sen."), as a regex alternation, longest first."""
    return "|".join(sorted((re.escape(t) for t in role_heads() if not t.endswith(".")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _apposition() -> re.Pattern[str]:
    """", the general secretary of the Unite union," after a name: up to four words, a one-word title,
    then what it is of ("of the Unite union", "at Goldman Sachs"), to the next comma or full stop."""
    return re.compile(
        r",\s+(?:the\s+|an?\s+)?"
        r"((?:[\w’'\-]+\s+){0,4}?(?:" + _titles() + r")"
        r"(?:\s+(?:of|for|at|to|with|in)\s+(?:the\s+)?" + _WORD + r"(?:\s+(?:of\s+|and\s+)?(?-i:[A-Z])" + _WORD + r"){0,6})?)"
        r"(?=\s*[,.;)]|\s*$)",
        re.IGNORECASE,
    )


def apposition_role(masked: str, end: int) -> str | None:
    """The role set in commas right after a name ending at end, or None."""
    match = _apposition().match(masked, end, min(len(masked), end + 160))
    return match.group(1) if match is not None else None


def role_before(masked: str, start: int) -> str | None:
    """The role in small letters right before a name starting at start ("manager Ruben Amorim",
    "chief executive Ellen Cho"), or None. (A capitalised one belongs to the name's run.)"""
    words = masked[max(0, start - 40):start].split()
    if not words or not words[-1].islower() or words[-1] not in role_heads():
        return None
    if len(words) > 1 and words[-2].islower() and words[-2] in lexicon.title_words() and words[-2] not in _JOINING:
        return words[-2] + " " + words[-1]
    return words[-1]


# Words of the title list that join a title to something else, and so start no title.
_JOINING = frozenset({"of", "and", "the", "for", "then", "to"})
