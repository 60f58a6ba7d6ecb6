"""Speakers across articles: likely duplicates, merging, renaming, aliases, profiles.

Names join across articles only on an exact normalised name or full-name alias
(quotebook.store). Everything looser is a suggestion for a person to confirm:
``likely_duplicates`` finds pairs with rapidfuzz and the shipped nickname table
(quotebook/data/nicknames.txt), and ``merge_speakers`` acts on one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from quotebook.store import Quotebook, QuotebookError, _now, name_key, transaction

# Two names this alike (rapidfuzz ratio on normalised names) are probably one person
# misspelled: "Vladimir Makei" / "Vladimir Makey".
TYPO_RATIO = 90.0


@dataclass(frozen=True)
class Duplicate:
    first: str
    second: str
    reason: str
    score: float

    def to_json(self) -> dict:
        return {"first": self.first, "second": self.second, "reason": self.reason,
                "score": round(self.score, 1)}


@lru_cache(maxsize=1)
def given_name_forms() -> dict[str, frozenset[str]]:
    """Each given name or nickname -> the full given names it can stand for."""
    from quotebook.nicknames import nickname_groups

    forms: dict[str, set[str]] = {}
    for given, short in nickname_groups():
        for name in (given, *short):
            forms.setdefault(name, set()).add(given)
    return {name: frozenset(found) for name, found in forms.items()}


def same_given_name(a: str, b: str) -> bool:
    """Mike/Michael, Bill/William; Alexander/Alexandra are not the same."""
    if a == b:
        return True
    forms = given_name_forms()
    return bool(forms.get(a, {a}) & forms.get(b, {b}))


def duplicate_reason(a: str, b: str) -> tuple[str, float] | None:
    """Why two speaker names may be one person, or None. Never on a surname alone."""
    from rapidfuzz import fuzz

    ka, kb = name_key(a).split(), name_key(b).split()
    if len(ka) < 2 or len(kb) < 2:
        return None
    if ka[-1] == kb[-1]:
        if same_given_name(ka[0], kb[0]):
            if ka[0] != kb[0]:
                return "nickname", 100.0
            # Same first and last name, one with a middle name or initial.
            return "middle name", 95.0
        return None
    score = fuzz.ratio(" ".join(ka), " ".join(kb))
    if score >= TYPO_RATIO and same_given_name(ka[0], kb[0]):
        return "spelling", score
    return None


SURNAME_ONLY_SCORE = 80.0


def likely_duplicates(book: Quotebook) -> list[Duplicate]:
    """Pairs of people who are probably one, most likely first."""
    from rapidfuzz import fuzz, process

    people = book.conn.execute(
        "SELECT id, name, key FROM speakers WHERE kind = 'person' ORDER BY id").fetchall()
    by_surname: dict[str, list[int]] = {}
    for i, (_, _, key) in enumerate(people):
        by_surname.setdefault(key.split()[-1] if key else "", []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_surname.values():
        pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
    # Spelling variants ("Makei"/"Makey") differ in the surname; they keep the given
    # name, so only names with the same first word are compared.
    by_given: dict[str, list[int]] = {}
    for i, (_, _, key) in enumerate(people):
        by_given.setdefault(key.split()[0] if key else "", []).append(i)
    for members in by_given.values():
        keys = [people[i][2] for i in members]
        for n, i in enumerate(members[:-1]):
            for _, _, j in process.extract(keys[n], keys[n + 1:], scorer=fuzz.ratio,
                                           score_cutoff=TYPO_RATIO, limit=None):
                pairs.add((i, members[n + 1 + j]))
    found = []
    for a, b in pairs:
        verdict = duplicate_reason(people[a][1], people[b][1])
        if verdict:
            found.append(Duplicate(people[a][1], people[b][1], *verdict))
    # An article that only ever wrote "Mr. Obama" stored "Obama". Import never joins
    # a surname alone to a full name, but a person can: suggest it when exactly one
    # full name has that surname (with two Sanders, the suggestion would be a guess).
    for i, (_, name, key) in enumerate(people):
        if key and " " not in key:
            full = [j for j in by_surname.get(key, []) if j != i and " " in people[j][2]]
            if len(full) == 1:
                found.append(Duplicate(people[full[0]][1], name, "surname only", SURNAME_ONLY_SCORE))
    return sorted(found, key=lambda d: (-d.score, d.first, d.second))


def find_speaker(book: Quotebook, name: str) -> tuple[int, str]:
    """The one speaker a name means (exact name or alias, else unambiguous surname)."""
    key = name_key(name)
    row = book.conn.execute("SELECT id, name FROM speakers WHERE key = ?", (key,)).fetchone()
    if row:
        return row
    matches = book.speaker_matches(name)
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise QuotebookError(f"{name!r} could mean: {', '.join(n for _, n in matches)}; give the full name")
    suggestions = book.speaker_suggestions(name)
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise QuotebookError(f"no speaker matches {name!r}{hint}")


def _audit(conn: sqlite3.Connection, action: str, old: str | None, new: str | None) -> None:
    conn.execute("INSERT INTO audit (quote_id, action, field, old_value, new_value, at) "
                 "VALUES (NULL, ?, 'speaker', ?, ?, ?)", (action, old, new, _now()))


def _add_alias(conn: sqlite3.Connection, speaker_id: int, alias: str) -> None:
    conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
                 (speaker_id, alias, name_key(alias)))


def merge_speakers(book: Quotebook, keep: str, other: str) -> str:
    """Fold speaker ``other`` into ``keep``: quotes, roles and aliases move; returns the name kept."""
    from quotebook.reports import group_quote

    keep_id, keep_name = find_speaker(book, keep)
    other_id, other_name = find_speaker(book, other)
    if keep_id == other_id:
        raise QuotebookError(f"{keep!r} and {other!r} are already the same speaker ({keep_name})")
    conn = book.conn
    with transaction(conn):
        moved = [r[0] for r in conn.execute(
            "SELECT id FROM quotes WHERE speaker_id = ? AND canonical_id IS NULL", (other_id,))]
        conn.execute("UPDATE quotes SET speaker_id = ?, speaker_name = ? WHERE speaker_id = ?",
                     (keep_id, keep_name, other_id))
        conn.execute("INSERT OR IGNORE INTO speaker_roles (speaker_id, role, date, article_id) "
                     "SELECT ?, role, date, article_id FROM speaker_roles WHERE speaker_id = ?",
                     (keep_id, other_id))
        conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) "
                     "SELECT ?, alias, key FROM speaker_aliases WHERE speaker_id = ?", (keep_id, other_id))
        conn.execute("DELETE FROM speakers WHERE id = ?", (other_id,))
        _add_alias(conn, keep_id, other_name)
        # One person's two quotations may now be reports of one.
        for quote_id in moved:
            group_quote(conn, quote_id)
        _audit(conn, "merge speaker", other_name, keep_name)
    return keep_name


def rename_speaker(book: Quotebook, name: str, new_name: str) -> str:
    """Give a speaker a new canonical name; the old one stays as an alias."""
    speaker_id, old_name = find_speaker(book, name)
    new_name = " ".join(new_name.split())
    key = name_key(new_name)
    if not key:
        raise QuotebookError("the new name is empty")
    clash = book.conn.execute("SELECT name FROM speakers WHERE key = ? AND id != ?",
                              (key, speaker_id)).fetchone()
    if clash:
        raise QuotebookError(f"{clash[0]!r} is another speaker; use `quotebook speakers merge` to join them")
    conn = book.conn
    with transaction(conn):
        conn.execute("UPDATE speakers SET name = ?, key = ? WHERE id = ?", (new_name, key, speaker_id))
        conn.execute("UPDATE quotes SET speaker_name = ? WHERE speaker_id = ?", (new_name, speaker_id))
        _add_alias(conn, speaker_id, old_name)
        _add_alias(conn, speaker_id, new_name)
        _audit(conn, "rename speaker", old_name, new_name)
    return new_name


def alias_speaker(book: Quotebook, name: str, alias: str) -> str:
    """Record another name a speaker goes by; returns the speaker's name."""
    speaker_id, speaker_name = find_speaker(book, name)
    key = name_key(alias)
    if not key:
        raise QuotebookError("the alias is empty")
    clash = book.conn.execute("SELECT name FROM speakers WHERE key = ? AND id != ?",
                              (key, speaker_id)).fetchone()
    if clash:
        raise QuotebookError(f"{alias!r} is the name of another speaker, {clash[0]!r}; "
                             "use `quotebook speakers merge` to join them")
    with transaction(book.conn):
        _add_alias(book.conn, speaker_id, " ".join(alias.split()))
        _audit(book.conn, "alias speaker", speaker_name, alias)
    return speaker_name


def speaker_profile(book: Quotebook, name: str) -> dict:
    """A speaker's name, aliases, roles with their dates, quotation count and topics."""
    speaker_id, speaker_name = find_speaker(book, name)
    conn = book.conn
    kind = conn.execute("SELECT kind FROM speakers WHERE id = ?", (speaker_id,)).fetchone()[0]
    aliases = [r[0] for r in conn.execute(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? AND key != ? ORDER BY alias",
        (speaker_id, name_key(speaker_name)))]
    roles = [{"role": r[0], "date": r[1], "article_id": r[2], "article_title": r[3]}
             for r in conn.execute(
                 "SELECT r.role, r.date, r.article_id, a.title FROM speaker_roles r "
                 "LEFT JOIN articles a ON a.id = r.article_id WHERE r.speaker_id = ? "
                 "ORDER BY r.date, r.role", (speaker_id,))]
    count, first, last = conn.execute(
        "SELECT count(*), min(date), max(date) FROM quotes WHERE speaker_id = ? AND canonical_id IS NULL",
        (speaker_id,)).fetchone()
    topics = book.topic_counts(speaker_ids=[speaker_id])
    return {"id": speaker_id, "name": speaker_name, "kind": kind, "aliases": aliases,
            "roles": roles, "quotes": count, "first": first, "last": last,
            "topics": [{"topic": t["topic"], "quotes": t["quotes"]} for t in topics]}
