"""Split an article into paragraphs and drop the lines that are not prose.

Scraped articles carry keyword spam ("mike pompeo visit belarus minsk
lukashenko"), share buttons and bylines between paragraphs. Quotes must not
be looked for there, and a multi-paragraph quote must be able to skip them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
# Only lower-case words, digits and spaces (or #hashtags): a line of tags.
_TAG_LINE = re.compile(r"(?:#?[a-z0-9][a-z0-9'’\-]*[ \t\u00a0]+){2,}#?[a-z0-9][a-z0-9'’\-]*[ \t\u00a0]*")
_BOILERPLATE = re.compile(
    r"(?i)(?:advertisement|share this(?: article)?:?|follow us on \w+|click here.*|related:?.*|"
    r"sign up for .*newsletter.*|read more:?.*|___\.?|photo:.*|image:.*)"
)
# A line of tags or boilerplate, in one regex call per line instead of two.
_SPAM_LINE = re.compile(rf"{_TAG_LINE.pattern}|(?i:{_BOILERPLATE.pattern.removeprefix('(?i)')})")


class Paragraph(NamedTuple):
    start: int
    end: int


def is_spam_line(line: str) -> bool:
    """True for a line that is tags or boilerplate rather than text."""
    stripped = line.strip()
    if not stripped:
        return True
    return _SPAM_LINE.fullmatch(stripped) is not None


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of prose, as offsets; spam lines are left out."""
    paragraphs = []
    for offset, line in _lines(text):
        if line.isspace() or is_spam_line(line):
            continue
        start = offset + (len(line) - len(line.lstrip()))
        end = offset + len(line.rstrip())
        paragraphs.append(tuple.__new__(Paragraph, (start, end)))  # (no Python-level NamedTuple __new__ per line)
    return paragraphs


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every match of _LINE in text, in order."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return [(match.start(), match.group()) for match in _LINE.finditer(text)]
    # Most texts break lines with "\n" alone: str.split cuts them at C speed, faster than the regex.
    lines, offset = [], 0
    for line in text.split("\n"):
        if line:
            lines.append((offset, line))
        offset += len(line) + 1
    return lines
