"""Where literals stand in a text, found with str.find.

str.find skips to a literal at C speed, where a regex alternation of literals, or a character
class, has no common first character to skip to and is tried at every position of the text.
"""

from __future__ import annotations

from collections.abc import Iterable


def literal_starts(text: str, literals: Iterable[str]) -> list[int]:
    """Where each literal occurs in text (every occurrence), in order."""
    starts = []
    for literal in literals:
        pos = text.find(literal)
        while pos != -1:
            starts.append(pos)
            pos = text.find(literal, pos + 1)
    starts.sort()
    return starts
