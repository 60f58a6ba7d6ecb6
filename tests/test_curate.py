"""Curation: edit, delete, tag, untag, each kept in the audit table."""

from __future__ import annotations

import pytest
from builders import said, store

from quotebook.curate import audit_log, delete_quote, edit_quote, tag_quote, untag_quote
from quotebook.data import Article
from quotebook.store import Quotebook, QuotebookError

WORDS = "The harbour will reopen in May and every ferry will run on time"


@pytest.fixture
def book(temporary_db):
    with Quotebook(temporary_db) as book:
        yield book


def fts(book, query: str) -> list[int]:
    return [r[0] for r in book.conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", (query,))]


def test_edit_speaker_updates_quote_search_copy_and_audit(book):
    store(book, "A", "2024-05-01", said(WORDS, "Dana Okafor"))
    (quote,) = book.quotes()
    assert edit_quote(book, quote.id, speaker="Lena Brandt") == [("speaker", "Dana Okafor", "Lena Brandt")]
    assert book.get_quote(quote.id).speaker == "Lena Brandt"
    assert fts(book, "speaker_name:brandt") == [quote.id]
    assert fts(book, "speaker_name:okafor") == []
    (entry,) = audit_log(book, quote.id)
    assert (entry["action"], entry["field"], entry["old"], entry["new"]) == (
        "edit", "speaker", "Dana Okafor", "Lena Brandt")
    assert entry["at"]


def test_edit_speaker_applies_to_every_report(book):
    store(book, "A", "2024-05-01", said(WORDS, "Dana Okafor"))
    store(book, "B", "2024-05-02", said(WORDS, "Dana Okafor"))
    (quote,) = book.quotes()
    edit_quote(book, quote.id, speaker="Lena Brandt")
    assert {r[0] for r in book.conn.execute("SELECT speaker_name FROM quotes")} == {"Lena Brandt"}


def test_edit_date_and_text(book):
    store(book, "A", "2024-05-01", said(WORDS, "Dana Okafor"))
    (quote,) = book.quotes()
    edit_quote(book, quote.id, date="2024-04-30", text="“The harbour will reopen in June”")
    edited = book.get_quote(quote.id)
    assert (edited.date, edited.date_source, edited.text) == ("2024-04-30", "user", "“The harbour will reopen in June”")
    assert fts(book, "june") == [quote.id] and fts(book, "ferry") == []
    assert [e["field"] for e in audit_log(book, quote.id)] == ["text", "date"]


def test_bad_edits_are_user_errors(book):
    store(book, "A", "2024-05-01", said(WORDS, "Dana Okafor"))
    (quote,) = book.quotes()
    with pytest.raises(QuotebookError, match="cannot read date"):
        edit_quote(book, quote.id, date="the day after never")
    with pytest.raises(QuotebookError, match="no quote with id 999"):
        edit_quote(book, 999, text="x")
    assert audit_log(book) == []


def test_edits_survive_reimporting_the_same_article(book):
    text = f"Harbour news\n\n“{WORDS},” Port Minister Dana Okafor said.\n"
    article = Article(text=text, title="Harbour news", date="2024-05-01")
    book.import_article(article)
    (quote,) = book.quotes()
    edit_quote(book, quote.id, speaker="Lena Brandt", date="2024-04-01")
    tag_quote(book, quote.id, "ports")
    assert book.import_article(article).status == "skipped"
    again = book.get_quote(quote.id)
    assert (again.speaker, again.date) == ("Lena Brandt", "2024-04-01")
    assert "ports" in again.topics
    assert book.counts()["quotes"] == 1


def test_delete_keeps_a_record_and_promotes_another_report(book):
    store(book, "A", "2024-05-01", said(WORDS, "Dana Okafor"))
    store(book, "B", "2024-05-02", said(WORDS + " again", "Dana Okafor"))
    (quote,) = book.quotes()
    assert delete_quote(book, quote.id) == [quote.id]
    (left,) = book.quotes()
    assert left.id != quote.id and left.reports == 1
    (entry,) = audit_log(book, quote.id)
    assert entry["action"] == "delete" and WORDS in entry["old"]


def test_delete_all_reports(book):
    store(book, "A", "2024-05-01", said(WORDS, "Dana Okafor"))
    store(book, "B", "2024-05-02", said(WORDS, "Dana Okafor"))
    (quote,) = book.quotes()
    assert len(delete_quote(book, quote.id, all_reports=True)) == 2
    assert book.quotes() == [] and fts(book, "ferry") == []


def test_tag_and_untag_keep_the_search_copy_current(book):
    store(book, "A", "2024-05-01", said(WORDS, "Dana Okafor", topics=(("trade", "taxonomy"),)))
    (quote,) = book.quotes()
    assert tag_quote(book, quote.id, "ports") is True
    assert tag_quote(book, quote.id, "Ports") is False
    assert book.get_quote(quote.id).topics == ("trade", "ports")
    assert fts(book, "topics_text:ports") == [quote.id]
    assert untag_quote(book, quote.id, "trade") is True
    assert untag_quote(book, quote.id, "trade") is False
    assert book.get_quote(quote.id).topics == ("ports",)
    assert fts(book, "topics_text:trade") == []
    assert [e["action"] for e in audit_log(book)] == ["untag", "tag"]
    source = book.conn.execute("SELECT source FROM quote_topics").fetchone()[0]
    assert source == "user"
