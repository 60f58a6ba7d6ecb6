"""Highlighted quote text: matches between two private-use marker characters.

``StoredQuote.highlighted`` is the quote text with every match between
``HIGHLIGHT_START`` and ``HIGHLIGHT_END`` -- two private-use characters that
never occur in news text, so a renderer can turn them into markup without
escaping problems.  ``mark_highlights(text, "[", "]")`` gives a plain-text
version, ``highlight_spans(text)`` the offsets.
"""

from __future__ import annotations

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"


def mark_highlights(highlighted: str, start: str = "[", end: str = "]") -> str:
    """The highlighted text with the private-use markers replaced by start/end."""
    return highlighted.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def highlight_spans(highlighted: str) -> tuple[str, list[tuple[int, int]]]:
    """(plain text, [(start, end), ...] of the matches in it)."""
    plain, spans, open_at = [], [], None
    length = 0
    for ch in highlighted:
        if ch == HIGHLIGHT_START:
            open_at = length
        elif ch == HIGHLIGHT_END:
            if open_at is not None:
                spans.append((open_at, length))
            open_at = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), spans
