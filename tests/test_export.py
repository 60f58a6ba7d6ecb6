"""Export in four formats, and restoring a JSON / JSON lines export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from builders import said, store

from quotebook.curate import edit_quote, tag_quote
from quotebook.data import Article, Quote
from quotebook.export import read_export, restore, write_export
from quotebook.speakers import alias_speaker, speaker_profile
from quotebook.store import Quotebook, QuotebookError

WORDS = "The harbour will reopen in May and every ferry will run on time"


@pytest.fixture
def book(temporary_db):
    with Quotebook(temporary_db) as book:
        store(book, "Harbour news", "2024-05-01",
              said(WORDS, "Dana Okafor", role="Port Minister", topics=(("trade", "taxonomy"),)),
              said("Nobody asked us about the new tolls on the bridge", None))
        store(book, "Ferry report", "2024-05-03", said(WORDS + " again", "Dana Okafor"),
              said("The tolls are fair and they pay for the repairs", "Lena Brandt",
                   topics=(("roads", "heading"),)))
        yield book


def snapshot(book: Quotebook) -> dict:
    """What a user sees: quotations, their reports, speakers and topics."""
    quotes = sorted(((q.text, q.speaker, q.date, q.date_source, q.reports, tuple(sorted(q.topics)))
                     for q in book.quotes(limit=None)), key=repr)
    rows = sorted(book.conn.execute(
        "SELECT q.text, q.speaker_name, q.start, q.end, q.cue, a.title, c.text FROM quotes q "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN quotes c ON c.id = q.canonical_id"), key=repr)
    speakers = sorted(((s["name"], s["quotes"]) for s in book.speakers()), key=repr)
    profiles = {name: speaker_profile(book, name) for name, _ in speakers}
    for profile in profiles.values():
        profile.pop("id")
        for role in profile["roles"]:
            role.pop("article_id")
    topics = book.topic_counts()
    return {"quotes": quotes, "rows": rows, "speakers": speakers, "profiles": profiles, "topics": topics}


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_export_restores_into_an_empty_database(book, tmp_path, fmt):
    (okafor,) = book.quotes(speaker_ids=[book.speaker_matches("okafor")[0][0]])
    edit_quote(book, okafor.id, date="2024-04-30")
    tag_quote(book, okafor.id, "ports")
    alias_speaker(book, "Dana Okafor", "D. Okafor")
    path = tmp_path / f"backup.{fmt}"
    with open(path, "w") as out:
        assert write_export(book, out, fmt) == 4
    with Quotebook(tmp_path / "fresh.db") as fresh:
        counts = restore(fresh, read_export(str(path)))
        assert counts == {"articles": 2, "skipped": 0, "quotes": 4}
        assert snapshot(fresh) == snapshot(book)
        restored = fresh.quotes(speaker_ids=[fresh.speaker_matches("D. Okafor")[0][0]])[0]
        history = fresh.conn.execute("SELECT field, new_value FROM audit WHERE quote_id = ? ORDER BY id",
                                     (restored.id,)).fetchall()
        assert history == [("date", "2024-04-30"), ("topic", "ports")]
        assert len(fresh.search("harbour reopen").quotes) == 1


def test_restoring_twice_skips_what_is_there(book, tmp_path):
    buffer = io.StringIO()
    write_export(book, buffer, "jsonl")
    path = tmp_path / "backup.jsonl"
    path.write_text(buffer.getvalue())
    assert restore(book, read_export(str(path))) == {"articles": 0, "skipped": 2, "quotes": 0}


def test_filtered_export_holds_only_matching_quotations_and_their_reports(book):
    buffer = io.StringIO()
    write_export(book, buffer, "jsonl", topic="trade")
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    quotes = [q["quote"] for r in records if r["type"] == "article" for q in r["quotes"]]
    assert sorted(quotes) == sorted([f"“{WORDS}”", f"“{WORDS} again”"])
    assert [r["name"] for r in records if r["type"] == "speaker"] == ["Dana Okafor"]


def test_csv_export_has_one_row_a_quotation(book):
    buffer = io.StringIO()
    assert write_export(book, buffer, "csv") == 3
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert {r["speaker"] for r in rows} == {"Dana Okafor", "Lena Brandt", ""}
    assert {r["reports"] for r in rows} == {"1", "2"}


def test_markdown_export_is_a_table(book):
    buffer = io.StringIO()
    write_export(book, buffer, "markdown", query="tolls")
    lines = buffer.getvalue().splitlines()
    assert lines[0].startswith("| id | quote |") and len(lines) == 4


def test_a_file_that_is_not_an_export_is_refused(tmp_path, book):
    path = tmp_path / "other.jsonl"
    path.write_text('{"text": "hello"}\n')
    with pytest.raises(QuotebookError, match="not a quotebook export"):
        restore(book, read_export(str(path)))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"quotebook_export": 1, "type": "header"}\n{"type": "article", "text": "x", '
                      '"quotes": [{"quote": "y"}]}\n')
    with pytest.raises(QuotebookError, match="bad record"):
        restore(book, read_export(str(broken)))
    assert book.counts()["articles"] == 2  # nothing half-restored


# -- property: export then restore loses nothing -------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
_name = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Zs", "Pd")), min_size=1, max_size=25)


@st.composite
def articles(draw):
    body = draw(st.lists(_text, min_size=1, max_size=4))
    text = "\n\n".join(body)
    quotes = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        speaker = draw(st.none() | _name.filter(lambda n: n.strip()))
        quotes.append(Quote(
            text=text[start:end], spans=((start, end),),
            kind=draw(st.sampled_from(["direct", "mixed", "indirect"])),
            speaker=speaker, mention=speaker, speaker_type="person" if speaker else None,
            cue=draw(st.none() | st.sampled_from(["said", "added", "told"])),
            confidence=draw(st.floats(0, 1)),
            date=draw(st.none() | st.dates().map(str)), date_source="publication",
            topics=tuple((t, "user") for t in draw(st.lists(_name.filter(str.strip), max_size=2, unique=True)))))
    return Article(text=text, title=draw(st.none() | _text), date=draw(st.none() | st.dates().map(str)),
                   source=draw(st.none() | _name)), quotes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles(), min_size=1, max_size=3))
def test_any_database_survives_export_and_restore(tmp_path_factory, batch):
    tmp = tmp_path_factory.mktemp("roundtrip")
    with Quotebook(tmp / "a.db") as original:
        for article, quotes in batch:
            original.add_article(article, quotes)
        path = tmp / "export.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            write_export(original, out, "jsonl")
        with Quotebook(tmp / "b.db") as fresh:
            restore(fresh, read_export(str(path)))
            assert snapshot(fresh) == snapshot(original)


def test_a_quote_without_a_speaker_type_is_restored_without_one(temporary_db, tmp_path):
    with Quotebook(temporary_db) as book:
        text = "Poll news\n\nTwelve percent said that most voters were not sure."
        start = text.index("that")
        book.add_article(Article(text=text, title="Poll news", date="2024-05-01"), [Quote(
            text=text[start:-1], spans=((start, len(text) - 1),), kind="indirect",
            speaker="Twelve percent", mention="Twelve percent", speaker_type=None, cue="said",
            confidence=0.3, date="2024-05-01", date_precision="day", date_source="publication")])
        path = tmp_path / "backup.jsonl"
        with open(path, "w") as out:
            write_export(book, out, "jsonl")
    with Quotebook(tmp_path / "fresh.db") as fresh:
        restore(fresh, read_export(str(path)))
        assert fresh.conn.execute("SELECT speaker_type FROM quotes").fetchall() == [(None,)]
