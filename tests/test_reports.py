"""One quotation, many reports: grouping at insert time."""

from __future__ import annotations

import pytest
from builders import said, store

from quotebook.reports import quote_key
from quotebook.store import Quotebook

LONG = "The harbour will reopen in May, and every ferry will run on time again"


@pytest.fixture
def book(temporary_db):
    with Quotebook(temporary_db) as book:
        yield book


def canonical_ids(book):
    return [r[0] for r in book.conn.execute("SELECT id FROM quotes WHERE canonical_id IS NULL ORDER BY id")]


def test_quote_key_folds_case_punctuation_and_spacing():
    assert quote_key("“We WILL  win,” ") == quote_key("we will win") == "we will win"


def test_same_words_in_two_articles_are_one_quotation_with_two_reports(book):
    store(book, "Ferries return", "2024-05-02", said(LONG + ".", "Dana Okafor"))
    store(book, "Harbour news", "2024-05-01", said(LONG.upper() + "!", "Dana Okafor"))
    (listed,) = book.quotes()
    assert listed.reports == 2
    assert listed.first_reported == "2024-05-01"
    assert book.counts()["quotes"] == 2  # every report keeps its own row


def test_nearly_identical_words_by_the_same_speaker_join(book):
    store(book, "A", "2024-05-01", said(LONG, "Dana Okafor"))
    store(book, "B", "2024-05-02", said(LONG.replace("harbour", "harbor"), "Dana Okafor"))
    assert len(book.quotes()) == 1


def test_nearly_identical_words_by_different_speakers_stay_apart(book):
    store(book, "A", "2024-05-01", said(LONG, "Dana Okafor"))
    store(book, "B", "2024-05-02", said(LONG.replace("harbour", "harbor"), "Lena Brandt"))
    assert len(book.quotes()) == 2


def test_excerpt_joins_the_longer_quotation_which_stays_canonical(book):
    first = store(book, "A", "2024-05-01", said(LONG, "Dana Okafor"))
    store(book, "B", "2024-05-02", said("every ferry will run on time again", "Dana Okafor"))
    (listed,) = book.quotes()
    assert listed.article_id == first.article_id and listed.reports == 2


def test_longer_report_arriving_later_becomes_the_canonical_form(book):
    store(book, "A", "2024-05-01", said("every ferry will run on time again", "Dana Okafor"))
    later = store(book, "B", "2024-05-02", said(LONG, "Dana Okafor"))
    (listed,) = book.quotes()
    assert listed.article_id == later.article_id
    assert "harbour will reopen" in listed.text
    assert listed.reports == 2
    assert len(book.reports(listed.id)) == 2


def test_short_common_phrase_is_not_taken_for_an_excerpt(book):
    store(book, "A", "2024-05-01", said("We will see what happens next week with the harbour", "Dana Okafor"))
    store(book, "B", "2024-05-02", said("We will see", "Dana Okafor"))
    assert len(book.quotes()) == 2


def test_unattributed_report_joins_and_the_attributed_one_stands(book):
    store(book, "A", "2024-05-01", said(LONG, None))
    store(book, "B", "2024-05-02", said(LONG, "Dana Okafor"))
    (listed,) = book.quotes()
    assert listed.speaker == "Dana Okafor"


def test_reports_topics_are_gathered_on_the_quotation(book):
    store(book, "A", "2024-05-01", said(LONG, "Dana Okafor", topics=(("trade", "taxonomy"),)))
    store(book, "B", "2024-05-02", said(LONG, "Dana Okafor", topics=(("transport", "heading"),)))
    (listed,) = book.quotes()
    assert set(listed.topics) == {"trade", "transport"}
    assert len(book.quotes(topic="transport")) == 1


def test_reports_list_every_article_with_its_own_wording(book):
    store(book, "A", "2024-05-01", said(LONG + ".", "Dana Okafor"))
    store(book, "B", "2024-05-03", said(LONG + "!", "Dana Okafor"))
    (listed,) = book.quotes()
    reports = book.reports(listed.id)
    assert [r["article_title"] for r in reports] == ["A", "B"]
    assert {r["quote"] for r in reports} == {f"“{LONG}.”", f"“{LONG}!”"}
    assert sum(r["canonical"] for r in reports) == 1


def test_search_lists_a_quotation_once(book):
    store(book, "A", "2024-05-01", said(LONG, "Dana Okafor"))
    store(book, "B", "2024-05-02", said(LONG, "Dana Okafor"))
    found = book.search("ferry").quotes
    assert len(found) == 1 and found[0].reports == 2


def test_a_report_shown_by_its_own_id_counts_the_whole_quotation(book):
    store(book, "A", "2024-05-01", said(LONG, "Dana Okafor"))
    store(book, "B", "2024-05-02", said(LONG, "Dana Okafor"))
    member = book.conn.execute("SELECT id FROM quotes WHERE canonical_id IS NOT NULL").fetchone()[0]
    assert book.get_quote(member).reports == 2


def test_upgraded_first_release_database_groups_new_reports(tmp_path):
    import shutil
    from pathlib import Path

    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema_v1.db", path)
    with Quotebook(path) as book:
        ((text, key),) = book.conn.execute("SELECT text, text_key FROM quotes").fetchall()
        assert key == quote_key(text)
        (old,) = book.quotes()
        store(book, "Again", "2030-01-01", said(text.strip("“”\""), old.speaker))
        (listed,) = book.quotes()
        assert listed.reports == 2
