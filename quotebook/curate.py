"""Curation: edit, delete, tag and untag quotes, each change kept in the audit table.

Who said what is a matter of record, so every change is written with its old and
new value and the time. The copies kept for full-text search (speaker_name,
topics_text) are updated in the same transaction, so search never sees stale
values. A re-import of the same article is skipped by its content hash, so
nothing done here is ever overwritten by importing again.
"""

from __future__ import annotations

import sqlite3

from quotebook.reports import group_members, group_quote, leave_group, quote_key, refresh_topics_text
from quotebook.store import Quotebook, QuotebookError, _now, transaction


def audit(conn: sqlite3.Connection, quote_id: int | None, action: str, field: str | None,
          old: str | None, new: str | None) -> None:
    conn.execute("INSERT INTO audit (quote_id, action, field, old_value, new_value, at) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (quote_id, action, field, old, new, _now()))


def _row(conn: sqlite3.Connection, quote_id: int) -> sqlite3.Row | tuple:
    row = conn.execute("SELECT id, text, speaker_id, speaker_name, date, canonical_id FROM quotes "
                       "WHERE id = ?", (quote_id,)).fetchone()
    if row is None:
        raise QuotebookError(f"no quote with id {quote_id}")
    return row


def edit_quote(book: Quotebook, quote_id: int, *, speaker: str | None = None,
               date: str | None = None, text: str | None = None) -> list[tuple[str, str | None, str]]:
    """Change a quote's speaker (for every report of the quotation), date or text.

    Returns the (field, old, new) changes made.
    """
    conn = book.conn
    _, old_text, _, old_speaker, old_date, _ = _row(conn, quote_id)
    changes = []
    with transaction(conn):
        if speaker is not None:
            name = " ".join(speaker.split())
            if not name:
                raise QuotebookError("the speaker's name is empty")
            speaker_id = book._speaker_id(name, "person", None)
            name = conn.execute("SELECT name FROM speakers WHERE id = ?", (speaker_id,)).fetchone()[0]
            members = group_members(conn, quote_id)
            conn.executemany(
                "UPDATE quotes SET speaker_id = ?, speaker_name = ?, speaker_type = 'person', "
                "edited = 1 WHERE id = ?", [(speaker_id, name, m) for m in members])
            if name != old_speaker:
                changes.append(("speaker", old_speaker, name))
            group_quote(conn, members[0])
        if date is not None:
            from quotebook.dates import normalise_date

            iso, precision = normalise_date(date)
            if not iso:
                raise QuotebookError(f"cannot read date {date!r}")
            conn.execute("UPDATE quotes SET date = ?, date_precision = ?, date_source = 'user', "
                         "edited = 1 WHERE id = ?", (iso, precision, quote_id))
            if iso != old_date:
                changes.append(("date", old_date, iso))
        if text is not None:
            if not text.strip():
                raise QuotebookError("the quote's text is empty")
            conn.execute("UPDATE quotes SET text = ?, text_key = ?, edited = 1 WHERE id = ?",
                         (text, quote_key(text), quote_id))
            _add_search_terms(conn, [text])
            if text != old_text:
                changes.append(("text", old_text, text))
        for field, old, new in changes:
            audit(conn, quote_id, "edit", field, old, new)
    return changes


def _add_search_terms(conn: sqlite3.Connection, texts: list[str]) -> None:
    try:
        from quotebook.search import add_terms
    except ImportError:  # search not installed in this build: the FTS index is still current
        return
    add_terms(conn, texts)


def delete_quote(book: Quotebook, quote_id: int, *, all_reports: bool = False) -> list[int]:
    """Delete one report (or every report of the quotation); returns the ids deleted."""
    conn = book.conn
    _row(conn, quote_id)
    with transaction(conn):
        ids = group_members(conn, quote_id) if all_reports else [quote_id]
        for member in ids:
            text, speaker = conn.execute("SELECT text, speaker_name FROM quotes WHERE id = ?",
                                         (member,)).fetchone()
            leave_group(conn, member)
            conn.execute("DELETE FROM quotes WHERE id = ?", (member,))
            audit(conn, member, "delete", "quote", f"{speaker or 'unknown'}: {text}", None)
    return ids


def _canonical(conn: sqlite3.Connection, quote_id: int) -> int:
    row = _row(conn, quote_id)
    return row[5] or row[0]


def tag_quote(book: Quotebook, quote_id: int, topic: str) -> bool:
    """Give the quotation a user topic; False when it already had it."""
    topic = " ".join(topic.split())
    if not topic:
        raise QuotebookError("the topic is empty")
    conn = book.conn
    canonical = _canonical(conn, quote_id)
    if conn.execute("SELECT 1 FROM quote_topics qt JOIN topics t ON t.id = qt.topic_id "
                    "WHERE qt.quote_id = ? AND t.name = ? COLLATE NOCASE", (canonical, topic)).fetchone():
        return False
    with transaction(conn):
        book._tag(canonical, topic, "user")
        refresh_topics_text(conn, canonical)
        audit(conn, canonical, "tag", "topic", None, topic)
    return True


def untag_quote(book: Quotebook, quote_id: int, topic: str) -> bool:
    """Take a topic off the quotation (every report of it); False when it did not have it."""
    topic = " ".join(topic.split())
    conn = book.conn
    canonical = _canonical(conn, quote_id)
    members = group_members(conn, canonical)
    with transaction(conn):
        removed = conn.execute(
            f"DELETE FROM quote_topics WHERE quote_id IN ({','.join('?' * len(members))}) "
            "AND topic_id IN (SELECT id FROM topics WHERE name = ? COLLATE NOCASE)",
            [*members, topic]).rowcount
        if removed:
            for member in members:
                refresh_topics_text(conn, member)
            audit(conn, canonical, "untag", "topic", topic, None)
    return bool(removed)


def audit_log(book: Quotebook, quote_id: int | None = None, limit: int | None = None) -> list[dict]:
    """Curation history, newest first; for one quote, every report of its quotation."""
    params: list = []
    where = "1"
    if quote_id is not None:
        ids = group_members(book.conn, quote_id) or [quote_id]
        where = f"quote_id IN ({','.join('?' * len(ids))})"
        params = ids
    sql = (f"SELECT id, quote_id, action, field, old_value, new_value, at FROM audit WHERE {where} "
           "ORDER BY id DESC")
    if limit:
        sql += f" LIMIT {int(limit)}"
    keys = ("id", "quote_id", "action", "field", "old", "new", "at")
    return [dict(zip(keys, r)) for r in book.conn.execute(sql, params)]
