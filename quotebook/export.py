"""Export and restore.

JSON and JSON lines exports are complete: one record a speaker (name, kind,
aliases, roles), one record an article (its fields and text) carrying its
quotes as they stand after curation (speaker, date, wording, topics with their
source, the quotation each report belongs to, and the audit history). Restoring
one into an empty database gives back the same quotes, speakers and topics
without extracting anything again.

CSV and Markdown exports are flat tables of quotations, for spreadsheets and
documents; they are not meant to be restored.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from quotebook.data import Article, Quote
from quotebook.store import Quotebook, QuotebookError, _now, quote_filters, transaction

EXPORT_MARK = "quotebook_export"
EXPORT_VERSION = 1


# -- writing --------------------------------------------------------------------

def selected_quote_ids(book: Quotebook, *, query: str | None = None, **filters) -> list[int] | None:
    """Every report of the quotations matching a search and filters; None means everything."""
    if not query and not any(v is not None for v in filters.values()):
        return None
    if query:
        found = book.search(query, limit=1_000_000, **filters).quotes
        canonical = [q.id for q in found]
    else:
        where, params = quote_filters(**filters)
        canonical = [r[0] for r in book.conn.execute(
            f"SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}", params)]
    ids: list[int] = []
    for start in range(0, len(canonical), 500):
        chunk = canonical[start:start + 500]
        marks = ",".join("?" * len(chunk))
        ids += [r[0] for r in book.conn.execute(
            f"SELECT id FROM quotes WHERE id IN ({marks}) OR canonical_id IN ({marks})", chunk * 2)]
    return sorted(set(ids))


def export_records(book: Quotebook, quote_ids: list[int] | None = None) -> Iterator[dict]:
    """The records of a complete export: header, speakers, articles with quotes, audit."""
    conn = book.conn
    chosen = None if quote_ids is None else set(quote_ids)
    yield {EXPORT_MARK: EXPORT_VERSION, "type": "header", "exported_at": _now()}
    speaker_ids = None
    if chosen is not None:
        speaker_ids = {r[0] for r in _rows_in(conn, "SELECT DISTINCT speaker_id FROM quotes", chosen)}
    for speaker_id, name, kind in conn.execute("SELECT id, name, kind FROM speakers ORDER BY id"):
        if speaker_ids is not None and speaker_id not in speaker_ids:
            continue
        aliases = [r[0] for r in conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (speaker_id,))]
        roles = [{"role": r[0], "date": r[1], "article": r[2]} for r in conn.execute(
            "SELECT r.role, r.date, a.content_hash FROM speaker_roles r JOIN articles a "
            "ON a.id = r.article_id WHERE r.speaker_id = ? ORDER BY r.date, r.role", (speaker_id,))]
        yield {"type": "speaker", "name": name, "kind": kind, "aliases": aliases, "roles": roles}
    quotes_by_article: dict[int, list[dict]] = {}
    for record in _quote_records(conn, chosen):
        quotes_by_article.setdefault(record.pop("article_id"), []).append(record)
    for row in conn.execute(
            "SELECT id, content_hash, title, url, source, author, published, date_precision, origin, "
            "format, text FROM articles ORDER BY id"):
        if chosen is not None and row[0] not in quotes_by_article:
            continue
        keys = ("hash", "title", "url", "source", "author", "date", "date_precision", "origin",
                "format", "text")
        yield {"type": "article", **dict(zip(keys, row[1:])), "quotes": quotes_by_article.get(row[0], [])}
    if chosen is None:
        # Speaker curation, and the history of quotes since deleted.
        for row in conn.execute("SELECT action, field, old_value, new_value, at FROM audit "
                                "WHERE quote_id IS NULL OR quote_id NOT IN (SELECT id FROM quotes) "
                                "ORDER BY id"):
            yield {"type": "audit", **dict(zip(("action", "field", "old", "new", "at"), row))}


def _rows_in(conn, sql: str, ids: set[int]) -> Iterator[tuple]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        yield from conn.execute(f"{sql} WHERE id IN ({','.join('?' * len(chunk))})", chunk)


def _quote_records(conn, chosen: set[int] | None) -> Iterator[dict]:
    topics: dict[int, list[dict]] = {}
    for quote_id, name, source in conn.execute(
            "SELECT qt.quote_id, t.name, qt.source FROM quote_topics qt JOIN topics t "
            "ON t.id = qt.topic_id ORDER BY qt.rowid"):
        topics.setdefault(quote_id, []).append({"topic": name, "source": source})
    history: dict[int, list[dict]] = {}
    for quote_id, *row in conn.execute("SELECT quote_id, action, field, old_value, new_value, at "
                                       "FROM audit WHERE quote_id IS NOT NULL ORDER BY id"):
        history.setdefault(quote_id, []).append(dict(zip(("action", "field", "old", "new", "at"), row)))
    columns = ("id", "canonical_id", "article_id", "text", "kind", "spans", "speaker_name", "mention",
               "mention_start", "mention_end", "speaker_type", "role", "cue", "confidence", "date",
               "date_precision", "date_source", "edited")
    for row in conn.execute(f"SELECT {', '.join(columns)} FROM quotes ORDER BY id"):
        if chosen is not None and row[0] not in chosen:
            continue
        q = dict(zip(columns, row))
        yield {
            "id": q["id"], "canonical_id": q["canonical_id"], "article_id": q["article_id"],
            "quote": q["text"], "kind": q["kind"], "spans": json.loads(q["spans"]),
            "speaker": q["speaker_name"], "mention": q["mention"],
            "speaker_start": q["mention_start"], "speaker_end": q["mention_end"],
            "speaker_type": q["speaker_type"], "role": q["role"], "cue": q["cue"],
            "confidence": q["confidence"], "date": q["date"], "date_precision": q["date_precision"],
            "date_source": q["date_source"], "edited": bool(q["edited"]),
            "topics": topics.get(q["id"], []), "history": history.get(q["id"], []),
        }


def write_export(book: Quotebook, out: IO[str], fmt: str, *, query: str | None = None,
                 **filters) -> int:
    """Write an export; returns the number of quotes written."""
    if fmt in ("csv", "markdown"):
        from quotebook.render import write_machine

        if query:
            found = book.search(query, limit=1_000_000, **filters).quotes
        else:
            found = book.quotes(limit=None, **filters)
        write_machine([q.to_json() for q in found], fmt, out)
        return len(found)
    records = export_records(book, selected_quote_ids(book, query=query, **filters))
    count = 0
    if fmt == "jsonl":
        for record in records:
            count += len(record.get("quotes", ()))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        document: dict = {EXPORT_MARK: EXPORT_VERSION, "speakers": [], "articles": [], "audit": []}
        for record in records:
            kind = record.pop("type")
            if kind != "header":
                document[kind + "s" if kind != "audit" else "audit"].append(record)
                count += len(record.get("quotes", ()))
            else:
                document["exported_at"] = record["exported_at"]
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        raise QuotebookError(f"unknown export format {fmt!r}")
    out.flush()
    return count


# -- restoring ------------------------------------------------------------------

def is_export(path: str) -> bool:
    """Whether a file is a quotebook export (it names itself in its first bytes)."""
    if path == "-" or not Path(path).is_file():
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(256)
    except OSError:
        return False
    return head.lstrip()[:1] in "{[" and f'"{EXPORT_MARK}"' in head


def read_export(path: str) -> Iterator[dict]:
    """The records of an export file, JSON or JSON lines, read lazily where the format allows.

    A JSON lines export streams one record at a time, so restoring a large
    archive does not hold it in memory; a JSON export is one document.
    """
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8", newline="\n")
    except OSError as ex:
        raise QuotebookError(f"{path}: {ex.strerror or ex}") from None
    with handle:
        first = handle.readline()
        try:
            header = json.loads(first)
        except ValueError:
            header = None
        if isinstance(header, dict) and header.get("type") == "header":
            yield header
            # Lines split on "\n" alone (newline="\n"): a record may hold U+0085 or
            # U+2028 unescaped, which splitlines() would break on.
            for number, line in enumerate(handle, 2):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except ValueError as ex:
                        raise QuotebookError(f"{path}:{number}: not a quotebook export record ({ex})") from None
            return
        try:
            document = json.loads(first + handle.read())
            records = ([{"type": "header", EXPORT_MARK: document.get(EXPORT_MARK)}]
                       + [{"type": "speaker", **s} for s in document.get("speakers", [])]
                       + [{"type": "article", **a} for a in document.get("articles", [])]
                       + [{"type": "audit", **a} for a in document.get("audit", [])])
        except (ValueError, AttributeError, TypeError) as ex:
            raise QuotebookError(f"{path}: not a quotebook export ({ex})") from None
    yield from records


def restore(book: Quotebook, records: Iterable[dict]) -> dict[str, int]:
    """Load an export verbatim, in one transaction: no extraction. Articles already present are skipped."""
    records = iter(records)
    header = next(records, None)
    if not isinstance(header, dict) or header.get(EXPORT_MARK) is None:
        raise QuotebookError("not a quotebook export (no header record)")
    if header[EXPORT_MARK] > EXPORT_VERSION:
        raise QuotebookError("this export was made by a newer quotebook; upgrade to restore it")
    counts = {"articles": 0, "skipped": 0, "quotes": 0}
    try:
        _restore_records(book, records, counts)
    except (KeyError, TypeError, ValueError, AttributeError) as ex:
        raise QuotebookError(f"not a valid quotebook export: bad record ({type(ex).__name__}: {ex})") from None
    return counts


def _restore_records(book: Quotebook, records: Iterator[dict], counts: dict[str, int]) -> None:
    from quotebook.reports import group_quote
    from quotebook.search import add_terms

    conn = book.conn
    # Only ids are kept across records: the archive itself streams through.
    new_ids: dict[int, int] = {}
    canonical_of: dict[int, int] = {}
    article_ids: dict[str, int] = {}
    speakers: list[dict] = []  # their roles name articles, so they are restored last
    with transaction(conn):
        for record in records:
            kind = record.get("type")
            if kind == "speaker":
                _restore_speaker(book, record)
                speakers.append(record)
            elif kind == "article":
                article = _article(record)
                if book.find_article(article) is not None:
                    counts["skipped"] += 1
                    continue
                article_id = _insert_article(conn, article)
                article_ids[record.get("hash") or article.content_hash] = article_id
                counts["articles"] += 1
                for q in record.get("quotes", []):
                    quote_id = _restore_quote(book, article_id, article, q)
                    new_ids[q["id"]] = quote_id
                    if q.get("canonical_id") is not None:
                        canonical_of[quote_id] = q["canonical_id"]
                    counts["quotes"] += 1
                add_terms(conn, [q["quote"] for q in record.get("quotes", [])])
            elif kind == "audit":
                conn.execute("INSERT INTO audit (quote_id, action, field, old_value, new_value, at) "
                             "VALUES (NULL, ?, ?, ?, ?, ?)", (record.get("action"), record.get("field"),
                                                              record.get("old"), record.get("new"),
                                                              record.get("at") or _now()))
        for quote_id, old_canonical in canonical_of.items():
            if old_canonical in new_ids:
                conn.execute("UPDATE quotes SET canonical_id = ? WHERE id = ?",
                             (new_ids[old_canonical], quote_id))
            else:
                group_quote(conn, quote_id)
        for record in speakers:
            _restore_roles(book, record, article_ids)


def _restore_speaker(book: Quotebook, record: dict) -> None:
    from quotebook.store import name_key

    speaker_id = book._speaker_id(record["name"], record.get("kind") or "person", None)
    for alias in record.get("aliases", []):
        book.conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
                          (speaker_id, alias, name_key(alias)))


def _restore_roles(book: Quotebook, record: dict, article_ids: dict[str, int]) -> None:
    from quotebook.store import name_key

    row = book.conn.execute("SELECT id FROM speakers WHERE key = ?", (name_key(record["name"]),)).fetchone()
    for role in record.get("roles", []):
        if row and role.get("article") in article_ids:
            book.conn.execute(
                "INSERT OR REPLACE INTO speaker_roles (speaker_id, role, date, article_id) VALUES (?, ?, ?, ?)",
                (row[0], role["role"], role.get("date"), article_ids[role["article"]]))


def _article(record: dict) -> Article:
    if not isinstance(record.get("text"), str):
        raise QuotebookError("an article record in the export has no text")
    return Article(text=record["text"], title=record.get("title"), date=record.get("date"),
                   date_precision=record.get("date_precision"), url=record.get("url"),
                   source=record.get("source"), author=record.get("author"),
                   origin=record.get("origin"), fmt=record.get("format"))


def _insert_article(conn, article: Article) -> int:
    return conn.execute(
        "INSERT INTO articles (content_hash, url, title, source, author, published, date_precision, "
        "origin, format, text, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (article.content_hash, article.url, article.title, article.source, article.author,
         article.date, article.date_precision, article.origin, article.fmt, article.text, _now()),
    ).lastrowid


def _restore_quote(book: Quotebook, article_id: int, article: Article, q: dict) -> int:
    quote = Quote(
        text=q["quote"], spans=tuple(tuple(s) for s in q["spans"]), kind=q["kind"],
        speaker=q.get("speaker"), mention=q.get("mention"), speaker_start=q.get("speaker_start"),
        speaker_end=q.get("speaker_end"), role=q.get("role"),
        # An export states the type, null included; older ones may leave it out.
        speaker_type=(q["speaker_type"] if "speaker_type" in q
                      else "person" if q.get("speaker") else None),
        cue=q.get("cue"), confidence=q.get("confidence") if q.get("confidence") is not None else 0.5,
        date=q.get("date"), date_precision=q.get("date_precision"), date_source=q.get("date_source"),
        topics=tuple((t["topic"], t["source"]) for t in q.get("topics", [])),
    )
    quote_id = book._insert_quote(article_id, article, quote, group=False)
    if q.get("edited"):
        book.conn.execute("UPDATE quotes SET edited = 1 WHERE id = ?", (quote_id,))
    for change in q.get("history", []):
        book.conn.execute(
            "INSERT INTO audit (quote_id, action, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?)",
            (quote_id, change.get("action"), change.get("field"), change.get("old"), change.get("new"),
             change.get("at") or _now()))
    return quote_id
