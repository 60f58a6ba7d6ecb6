"""One quotation, many reports: grouping the rows that report the same words.

Every report keeps its own row (article, offsets, cue, date, wording). The rows
of one quotation point at the row that stands for the group through
``canonical_id``; that row (canonical_id NULL) keeps the longest wording, as
Quotebank does. A new row joins a group when its words are

- identical once case, punctuation and spacing are folded (``text_key``), said by the
  same speaker or by an unknown one;
- nearly identical (rapidfuzz ratio >= 95) and said by the same speaker; or
- an excerpt of a longer quotation by the same speaker.

Candidates come from the ``text_key`` index or the same speaker's latest quotes,
never from a scan of every quote, so imports stay fast.
"""

from __future__ import annotations

import sqlite3
import unicodedata

NEAR_RATIO = 95.0
# An excerpt shorter than this is too common ("We will.") to identify a quotation.
MIN_EXCERPT_WORDS = 5
MIN_EXCERPT_CHARS = 24
# Near-identical and excerpt matches look at this many of the speaker's latest quotes
# (weeks of coverage even for the most quoted people: outlets repeat a quotation
# within days); identical wording is found through the text_key index however old.
# Every stored quote pays for this scan, so it bounds import speed at scale:
# 5,000 cost 15 % of the import rate at 50,000 quotes.
MAX_CANDIDATES = 1000


def quote_key(text: str) -> str:
    """The words of a quotation with case, accents, punctuation and spacing folded."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def find_group(conn: sqlite3.Connection, speaker_id: int | None, key: str,
               exclude: int | None = None) -> int | None:
    """The canonical id of the quotation these words report, or None.

    ``exclude`` is a canonical id whose own group is left out of the candidates.
    """
    if not key:
        return None
    # Identical wording: the same speaker first, then an unknown one (or, for an
    # unattributed quote, anyone, attributed first). Each query stops at its first
    # hit on the text_key index instead of sorting every report of a popular quote.
    same = "speaker_id IS NOT NULL" if speaker_id is None else "speaker_id = ?"
    for speaker_clause in (same, "speaker_id IS NULL"):
        params = (key, exclude) + ((speaker_id,) if "?" in speaker_clause else ())
        row = conn.execute(
            "SELECT coalesce(canonical_id, id) FROM quotes WHERE text_key = ? "
            f"AND coalesce(canonical_id, id) IS NOT ? AND {speaker_clause} LIMIT 1", params).fetchone()
        if row:
            return row[0]
    if speaker_id is None:
        return None
    from rapidfuzz import fuzz

    # Near-identical texts have near-identical lengths; excerpts are contained whole.
    length = len(key)
    padded = f" {key} "
    excerpt_ok = _long_enough(key)
    # The speaker's latest quotes (quotes_speaker index order), so that a prolific
    # speaker's ten-year archive does not slow every import down.
    candidates = conn.execute(
        "SELECT id, canonical_id, text_key FROM (SELECT id, canonical_id, text_key FROM quotes "
        "WHERE speaker_id = ? ORDER BY date DESC LIMIT ?) "
        "WHERE coalesce(canonical_id, id) IS NOT ? "
        "AND text_key IS NOT NULL AND (length(text_key) BETWEEN ? AND ? "
        "OR (? AND instr(' ' || text_key || ' ', ?) > 0) "
        "OR instr(?, ' ' || text_key || ' ') > 0)",
        (speaker_id, MAX_CANDIDATES, exclude, int(length * 0.9), int(length / 0.9) + 1, excerpt_ok,
         padded, padded),
    ).fetchall()
    best, best_score = None, 0.0
    for quote_id, canonical_id, other in candidates:
        wrapped = f" {other} "
        contained = (excerpt_ok and padded in wrapped) or (wrapped in padded and _long_enough(other))
        score = 100.0 if contained else fuzz.ratio(key, other, score_cutoff=NEAR_RATIO)
        if score >= NEAR_RATIO and score > best_score:
            best, best_score = canonical_id or quote_id, score
    return best


def _long_enough(key: str) -> bool:
    return len(key) >= MIN_EXCERPT_CHARS and key.count(" ") + 1 >= MIN_EXCERPT_WORDS


def group_quote(conn: sqlite3.Connection, quote_id: int) -> int | None:
    """Join a freshly stored quote to the quotation it reports; return the canonical id."""
    speaker_id, key, current = conn.execute(
        "SELECT speaker_id, text_key, canonical_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    if current is not None:
        return current
    canonical = find_group(conn, speaker_id, key, exclude=quote_id)
    if canonical is None:
        return None
    join_group(conn, quote_id, canonical)
    return conn.execute("SELECT coalesce(canonical_id, id) FROM quotes WHERE id = ?",
                        (quote_id,)).fetchone()[0]


def join_group(conn: sqlite3.Connection, quote_id: int, canonical_id: int) -> None:
    """Make quote_id a report of canonical_id's quotation, keeping the longest wording on top."""
    new_len, new_speaker = conn.execute(
        "SELECT length(text), speaker_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    old_len, old_speaker = conn.execute(
        "SELECT length(text), speaker_id FROM quotes WHERE id = ?", (canonical_id,)).fetchone()
    # An attributed report stands for the group before an unattributed one; then the longest.
    if (new_speaker is None) != (old_speaker is None):
        takes_over = old_speaker is None
    else:
        takes_over = new_len > old_len
    if takes_over:
        conn.execute("UPDATE quotes SET canonical_id = ? WHERE canonical_id = ? OR id = ?",
                     (quote_id, canonical_id, canonical_id))
        conn.execute("UPDATE quotes SET canonical_id = NULL WHERE id = ?", (quote_id,))
        merge_topics(conn, source=canonical_id, target=quote_id)
    else:
        conn.execute("UPDATE quotes SET canonical_id = ? WHERE id = ? OR canonical_id = ?",
                     (canonical_id, quote_id, quote_id))
        merge_topics(conn, source=quote_id, target=canonical_id)


def merge_topics(conn: sqlite3.Connection, *, source: int, target: int) -> None:
    """Give the quotation's standing row every topic its reports have."""
    conn.execute(
        "INSERT OR IGNORE INTO quote_topics (quote_id, topic_id, source) "
        "SELECT ?, topic_id, source FROM quote_topics WHERE quote_id = ?", (target, source))
    refresh_topics_text(conn, target)


def refresh_topics_text(conn: sqlite3.Connection, quote_id: int) -> None:
    """Recompute the FTS copy of a quote's topics from quote_topics."""
    names = [r[0] for r in conn.execute(
        "SELECT t.name FROM quote_topics qt JOIN topics t ON t.id = qt.topic_id "
        "WHERE qt.quote_id = ? ORDER BY qt.rowid", (quote_id,))]
    conn.execute("UPDATE quotes SET topics_text = ? WHERE id = ? AND topics_text IS NOT ?",
                 (" | ".join(names), quote_id, " | ".join(names)))


def group_members(conn: sqlite3.Connection, quote_id: int) -> list[int]:
    """Every row reporting the same quotation as quote_id, the canonical one first."""
    canonical = conn.execute("SELECT coalesce(canonical_id, id) FROM quotes WHERE id = ?",
                             (quote_id,)).fetchone()
    if canonical is None:
        return []
    return [r[0] for r in conn.execute(
        "SELECT id FROM quotes WHERE id = ? OR canonical_id = ? ORDER BY canonical_id IS NOT NULL, id",
        (canonical[0], canonical[0]))]


def leave_group(conn: sqlite3.Connection, quote_id: int) -> None:
    """Take a row out of its group (before deleting it), promoting the longest report left."""
    canonical_id = conn.execute("SELECT canonical_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    if canonical_id is None:
        return
    if canonical_id[0] is not None:
        conn.execute("UPDATE quotes SET canonical_id = NULL WHERE id = ?", (quote_id,))
        return
    heir = conn.execute(
        "SELECT id FROM quotes WHERE canonical_id = ? ORDER BY length(text) DESC, id LIMIT 1",
        (quote_id,)).fetchone()
    if heir is None:
        return
    conn.execute("UPDATE quotes SET canonical_id = ? WHERE canonical_id = ? AND id != ?",
                 (heir[0], quote_id, heir[0]))
    conn.execute("UPDATE quotes SET canonical_id = NULL WHERE id = ?", (heir[0],))
    merge_topics(conn, source=quote_id, target=heir[0])
