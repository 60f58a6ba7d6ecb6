"""Parsing a query into words, phrases and prefixes, and writing it as a safe FTS5 MATCH.

The query language is parsed here and never handed to FTS5 as written: every
term reaches MATCH as a double-quoted string, so any text is either a valid
query or a one-line QuotebookError.  The language itself is described in
``quotebook.search``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotebook.errors import QuotebookError

_TOKEN = re.compile(r"[^\W_]+")
_QUOTE_MARKS = "\"“”„‟«»"


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    # Lone surrogates (from undecodable command-line bytes) cannot be bound to SQLite.
    return str(value).encode("utf-8", "replace").decode("utf-8")


@dataclass
class _Item:
    """One word, phrase or prefix of a query."""

    tokens: list[str]
    spans: list[tuple[int, int]]  # where each token is in the query string
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    # token index -> the vocabulary words to search instead (closest first)
    alternatives: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class _Query:
    groups: list[list[_Item]]  # AND of ORs
    excluded: list[_Item]
    notes: list[str]


def _tokens(text: str, offset: int) -> tuple[list[str], list[tuple[int, int]]]:
    tokens, spans = [], []
    for match in _TOKEN.finditer(text):
        tokens.append(match.group())
        spans.append((offset + match.start(), offset + match.end()))
    return tokens, spans


def parse_query(query: str) -> _Query:
    """Parse the user's query into groups of items; raises QuotebookError when empty."""
    if not isinstance(query, str):
        raise QuotebookError("the query must be text")
    # NFC first so an accented letter typed as two code points stays one token.
    text = unicodedata.normalize("NFC", query.replace("\x00", " "))
    notes: list[str] = []
    sequence: list[_Item | str] = []  # items and the operators "OR", "NOT"
    pos, length = 0, len(text)
    while pos < length:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        negated = False
        if ch == "-" and pos + 1 < length and not text[pos + 1].isspace():
            negated, pos = True, pos + 1
        if text[pos] in _QUOTE_MARKS:
            close = next((i for i in range(pos + 1, length) if text[i] in _QUOTE_MARKS), length)
            inner, start = text[pos + 1:close], pos + 1
            tokens, spans = _tokens(inner, start)
            prefix = close + 1 < length and text[close + 1] == "*"
            pos = close + 1 + prefix
            if tokens:
                sequence.append(_Item(tokens, spans, phrase=True, prefix=prefix, negated=negated))
            continue
        end = pos
        while end < length and not text[end].isspace() and text[end] not in _QUOTE_MARKS:
            end += 1
        word = text[pos:end]
        pos = end
        if not negated and word in ("OR", "AND", "NOT"):
            sequence.append(word)
            continue
        tokens, spans = _tokens(word, end - len(word))
        if tokens:
            prefix = word.endswith("*") and bool(_TOKEN.search(word[-2:-1] or ""))
            sequence.append(_Item(tokens, spans, phrase=len(tokens) > 1, prefix=prefix,
                                  negated=negated))

    groups: list[list[_Item]] = []
    excluded: list[_Item] = []
    stray: list[str] = []
    join_next = negate_next = False
    for index, part in enumerate(sequence):
        if isinstance(part, str):
            following = sequence[index + 1] if index + 1 < len(sequence) else None
            if part == "OR" and groups and isinstance(following, _Item) and not following.negated \
                    and not join_next and not negate_next:
                join_next = True
            elif part == "NOT" and isinstance(following, _Item) and not negate_next:
                negate_next = True
            elif part != "AND":
                stray.append(part)
            continue
        if negate_next:
            part.negated, negate_next = True, False
        if part.negated:
            excluded.append(part)
            join_next = False
        elif join_next:
            groups[-1].append(part)
            join_next = False
        else:
            groups.append([part])
    if stray:
        notes.append(f"ignored {', '.join(dict.fromkeys(stray))} with nothing to join; "
                     'put it in quotes to search for the word')
    if not groups:
        if excluded:
            raise QuotebookError("the query only excludes words; give at least one word to find")
        raise QuotebookError("nothing to search for: give at least one word")
    return _Query(groups, excluded, notes)


def _fts_string(tokens: Sequence[str], prefix: bool = False) -> str:
    body = " ".join(tokens).replace('"', '""')
    return f'"{body}"' + ("*" if prefix else "")


def _item_match(item: _Item) -> str:
    if not item.alternatives:
        return _fts_string(item.tokens, item.prefix)
    if len(item.tokens) == 1:
        words = item.alternatives[0]
        return "(" + " OR ".join(_fts_string([w], item.prefix) for w in words) + ")"
    tokens = [item.alternatives[i][0] if i in item.alternatives else t
              for i, t in enumerate(item.tokens)]
    return _fts_string(tokens, item.prefix)


def match_expression(parsed: _Query) -> str:
    """The FTS5 MATCH string: every term double-quoted, the structure ours."""
    positive = " AND ".join(
        _item_match(group[0]) if len(group) == 1
        else "(" + " OR ".join(_item_match(i) for i in group) + ")"
        for group in parsed.groups
    )
    if parsed.excluded:
        negative = " OR ".join(_item_match(i) for i in parsed.excluded)
        return f"({positive}) NOT ({negative})"
    return positive
