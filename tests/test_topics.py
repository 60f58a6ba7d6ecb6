"""Topics from headings, the taxonomy and users, with the source recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import said, store

from quotebook.data import Article
from quotebook.pipeline import process_article
from quotebook.store import Quotebook, QuotebookError
from quotebook.topics import load_taxonomy

SEED = Path(__file__).resolve().parent.parent / "examples" / "pompeo-minsk.txt"

HARBOUR = ("Harbour plans\n\n"
           "Shipping and fares\n\n"
           "“The new ferry tariffs will fall by half next spring,” Port Minister Dana Okafor said.\n")


def topics_of(book: Quotebook, fragment: str) -> dict[str, str]:
    return dict(book.conn.execute(
        "SELECT t.name, qt.source FROM quote_topics qt JOIN topics t ON t.id = qt.topic_id "
        "JOIN quotes q ON q.id = qt.quote_id WHERE q.text LIKE ?", (f"%{fragment}%",)))


def test_heading_and_taxonomy_topics_record_their_source(temporary_db):
    with Quotebook(temporary_db) as book:
        book.import_article(Article(text=HARBOUR, title="Harbour plans", topics=("belarus",)))
        assert topics_of(book, "ferry tariffs") == {
            "shipping and fares": "heading", "trade": "taxonomy", "belarus": "user"}


def test_seed_article_quotes_get_sanctions_and_energy(temporary_db):
    with Quotebook(temporary_db) as book:
        book.import_article(Article(text=SEED.read_text(), title="Pompeo in Minsk"))
        assert topics_of(book, "We have been unambiguous")["sanctions"] == "taxonomy"
        assert topics_of(book, "Our energy producers")["energy"] == "taxonomy"


def test_user_taxonomy_file_adds_topics(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[shipping]\nkeywords = ["ferr*", "harbour"]\n')
    (quote,) = process_article(Article(text=HARBOUR, title="Harbour plans"), taxonomy=str(mine))
    assert ("shipping", "taxonomy") in quote.topics
    assert ("trade", "taxonomy") in quote.topics  # the shipped topics stay


def test_taxonomy_from_environment(tmp_path, monkeypatch):
    mine = tmp_path / "env.toml"
    mine.write_text('[ports]\nkeywords = ["ferry"]\n')
    monkeypatch.setenv("QUOTEBOOK_TAXONOMY", str(mine))
    load_taxonomy.cache_clear()
    try:
        (quote,) = process_article(Article(text=HARBOUR, title="Harbour plans"))
    finally:
        load_taxonomy.cache_clear()
    assert ("ports", "taxonomy") in quote.topics


def test_unreadable_taxonomy_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[oops\n")
    with pytest.raises(QuotebookError, match="bad.toml"):
        load_taxonomy(str(bad))


def test_topic_counts_count_quotations_and_sources(temporary_db):
    with Quotebook(temporary_db) as book:
        store(book, "A", "2024-01-01", said("Tariffs will fall next spring for all", "Dana Okafor",
                                           topics=(("trade", "taxonomy"),)),
              said("The ferry is late again this morning", "Lena Brandt", topics=(("trade", "user"),)))
        (trade,) = book.topic_counts()
        assert trade == {"topic": "trade", "quotes": 2, "sources": ["taxonomy", "user"]}
        assert book.topic_counts(topic="none-such") == []


def test_articles_filter_by_topic(temporary_db):
    with Quotebook(temporary_db) as book:
        store(book, "Trade day", "2024-01-01", said("Tariffs will fall next spring for all", "Dana Okafor",
                                                   topics=(("trade", "taxonomy"),)))
        store(book, "Health day", "2024-01-02", said("The hospital opens in June this year", "Dana Okafor",
                                                    topics=(("health", "taxonomy"),)))
        assert [a["title"] for a in book.articles(topic="trade")] == ["Trade day"]
        assert [a["title"] for a in book.articles()] == ["Health day", "Trade day"]
