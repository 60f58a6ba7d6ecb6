"""Forgiving speaker look-up: the speaker a user means by a name, a nickname or a typo."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from quotebook.search.query import _clean
from quotebook.store import name_key


@dataclass(frozen=True)
class SpeakerMatch:
    ids: list[int]
    names: list[str]
    ambiguous: bool = False
    suggestions: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def nicknames() -> dict[str, set[str]]:
    """Given name <-> nicknames, both ways, from data/nicknames.txt."""
    from quotebook.nicknames import nickname_groups

    table: dict[str, set[str]] = {}
    for given, short in nickname_groups():
        names = {given, *short}
        for name in names:
            table.setdefault(name, set()).update(names - {name})
    return table


def _exact(conn: sqlite3.Connection, key: str) -> list[tuple[int, str]]:
    return conn.execute(
        "SELECT id, name FROM speakers WHERE key = ? UNION "
        "SELECT s.id, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
        "WHERE a.key = ?", (key, key)).fetchall()


def _match(rows: Iterable[tuple[int, str]]) -> SpeakerMatch:
    rows = sorted(set(rows), key=lambda r: (r[1], r[0]))
    return SpeakerMatch(ids=[r[0] for r in rows], names=[r[1] for r in rows],
                        ambiguous=len(rows) > 1)


def resolve_speaker(conn: sqlite3.Connection, name: str) -> SpeakerMatch:
    """The speaker a user means by name: exact name or alias, nickname, surname, then typo.

    "pompeo", "Mike Pompeo" and "pompoe" all reach Michael Pompeo.  When more
    than one person fits ("sanders"), ``ambiguous`` is True and every
    candidate is listed: never guess.  Nothing found: ``ids`` is empty and
    ``suggestions`` holds the nearest names.
    """
    key = name_key(_clean(name) or "")
    if not key:
        return SpeakerMatch([], [])
    rows = _exact(conn, key)
    if rows:
        return _match(rows)
    words = key.split()
    if len(words) > 1:
        for other in sorted(nicknames().get(words[0], ())):
            rows += _exact(conn, " ".join([other, *words[1:]]))
        if rows:
            return _match(rows)
    # A surname or a given name alone: every speaker whose name has it as a word.
    rows = conn.execute(
        "SELECT id, name FROM speakers WHERE key LIKE '% ' || ? OR key LIKE ? || ' %' "
        "OR key LIKE '% ' || ? || ' %'", (key, key, key)).fetchall()
    if rows:
        return _match(rows)
    return _fuzzy_speaker(conn, key)


def _fuzzy_speaker(conn: sqlite3.Connection, key: str) -> SpeakerMatch:
    from rapidfuzz import fuzz

    single = " " not in key
    scores: dict[int, float] = {}
    names: dict[int, str] = {}
    rows = conn.execute(
        "SELECT id, name, key FROM speakers UNION ALL "
        "SELECT s.id, s.name, a.key FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id")
    for speaker_id, speaker_name, speaker_key in rows:
        score = fuzz.ratio(key, speaker_key)
        if single:
            # One word typed: compare it with each word of the name ("pompoe" ~ "pompeo").
            score = max([score] + [fuzz.ratio(key, w) for w in speaker_key.split() if len(w) > 2])
        if score > scores.get(speaker_id, 0):
            scores[speaker_id], names[speaker_id] = score, speaker_name
    ranked = sorted(scores.items(), key=lambda s: (-s[1], names[s[0]]))
    if ranked and ranked[0][1] >= 80:
        best = ranked[0][1]
        close = [(i, names[i]) for i, s in ranked if s >= best - 3]
        return _match(close)
    suggestions = [names[i] for i, s in ranked[:5] if s >= 55]
    return SpeakerMatch([], [], suggestions=suggestions)
