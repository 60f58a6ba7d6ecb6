"""Speakers across articles: joining, duplicates, merge, rename, alias, profile."""

from __future__ import annotations

import pytest
from builders import said, store

from quotebook.speakers import (alias_speaker, likely_duplicates, merge_speakers, rename_speaker,
                                same_given_name, speaker_profile)
from quotebook.store import Quotebook, QuotebookError


@pytest.fixture
def book(temporary_db):
    with Quotebook(temporary_db) as book:
        yield book


def names(book):
    return sorted(s["name"] for s in book.speakers())


def test_same_name_in_two_articles_is_one_speaker(book):
    store(book, "A", "2024-01-01", said("The port stays open all winter long", "Dana Okafor"))
    store(book, "B", "2024-02-01", said("Fares will not rise this year at all", "DANA  OKAFOR"))
    assert names(book) == ["Dana Okafor"]
    assert book.speakers()[0]["quotes"] == 2


def test_people_sharing_a_surname_stay_two(book):
    store(book, "A", "2024-01-01", said("Health care is a right for everyone here", "Bernie Sanders"))
    store(book, "B", "2024-01-02", said("The president will address that tomorrow", "Sarah Huckabee Sanders"))
    assert names(book) == ["Bernie Sanders", "Sarah Huckabee Sanders"]
    assert likely_duplicates(book) == []


def test_nicknames_are_the_same_given_name():
    assert same_given_name("mike", "michael")
    assert same_given_name("bill", "william")
    assert not same_given_name("alexander", "alexandra")


def test_duplicates_find_nicknames_middle_names_and_spelling(book):
    store(book, "A", "2024-01-01", said("We will talk to Minsk about it soon", "Michael Pompeo"),
          said("Belarus has high hopes for the talks", "Vladimir Makei"))
    store(book, "B", "2024-01-02", said("Energy is what we can offer them now", "Mike Pompeo"),
          said("Our ministry welcomes the ambassadors", "Vladimir Makey"),
          said("The briefing starts at noon today sharp", "Sarah Huckabee Sanders"),
          said("The briefing room is closed on Friday", "Sarah Sanders"))
    found = {(d.first, d.second, d.reason) for d in likely_duplicates(book)}
    assert ("Michael Pompeo", "Mike Pompeo", "nickname") in found
    assert ("Vladimir Makei", "Vladimir Makey", "spelling") in found
    assert ("Sarah Huckabee Sanders", "Sarah Sanders", "middle name") in found


def test_merge_moves_quotes_and_keeps_the_other_name_as_alias(book):
    store(book, "A", "2024-01-01", said("We will talk to Minsk about it soon", "Michael Pompeo",
                                       role="Secretary of State"))
    store(book, "B", "2024-01-02", said("Energy is what we can offer them now", "Mike Pompeo"))
    assert merge_speakers(book, "Michael Pompeo", "Mike Pompeo") == "Michael Pompeo"
    assert names(book) == ["Michael Pompeo"]
    assert {q.speaker for q in book.quotes()} == {"Michael Pompeo"}
    # FTS copy follows: searching the old name's words finds the merged speaker's quotes.
    assert len(book.search("pompeo energy").quotes) == 1
    assert book.speaker_matches("Mike Pompeo") == [(book.speakers()[0]["id"], "Michael Pompeo")]
    action = book.conn.execute("SELECT action, old_value, new_value FROM audit").fetchone()
    assert action == ("merge speaker", "Mike Pompeo", "Michael Pompeo")


def test_merge_joins_the_same_quotation_reported_under_both_names(book):
    words = "Our energy producers are ready to deliver all the oil you need"
    store(book, "A", "2024-01-01", said(words, "Michael Pompeo"))
    store(book, "B", "2024-01-02", said(words, "Mike Pompeo"))
    assert len(book.quotes()) == 2
    merge_speakers(book, "Michael Pompeo", "Mike Pompeo")
    (quote,) = book.quotes()
    assert quote.reports == 2


def test_merge_of_a_speaker_with_itself_is_refused(book):
    store(book, "A", "2024-01-01", said("We will talk to Minsk about it soon", "Michael Pompeo"))
    with pytest.raises(QuotebookError, match="already the same"):
        merge_speakers(book, "Michael Pompeo", "pompeo")


def test_rename_updates_quotes_and_keeps_old_name_as_alias(book):
    store(book, "A", "2024-01-01", said("We will talk to Minsk about it soon", "Mike Pompeo"))
    rename_speaker(book, "Mike Pompeo", "Michael R. Pompeo")
    assert names(book) == ["Michael R. Pompeo"]
    assert book.quotes()[0].speaker == "Michael R. Pompeo"
    assert book.speaker_matches("mike pompeo")[0][1] == "Michael R. Pompeo"
    assert book.conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'speaker_name:michael'"
                             ).fetchone()[0] == 1


def test_rename_onto_another_speaker_is_refused(book):
    store(book, "A", "2024-01-01", said("We will talk to Minsk about it soon", "Mike Pompeo"),
          said("Belarus has high hopes for the talks", "Vladimir Makei"))
    with pytest.raises(QuotebookError, match="merge"):
        rename_speaker(book, "Mike Pompeo", "vladimir makei")


def test_alias_lets_a_new_article_join_the_speaker(book):
    store(book, "A", "2024-01-01", said("We will talk to Minsk about it soon", "Michael Pompeo"))
    alias_speaker(book, "Michael Pompeo", "Mike Pompeo")
    store(book, "B", "2024-01-02", said("Energy is what we can offer them now", "Mike Pompeo"))
    assert names(book) == ["Michael Pompeo"]
    assert {q.speaker for q in book.quotes()} == {"Michael Pompeo"}


def test_unknown_speaker_gives_suggestions(book):
    store(book, "A", "2024-01-01", said("We will talk to Minsk about it soon", "Michael Pompeo"))
    with pytest.raises(QuotebookError, match="did you mean: Michael Pompeo"):
        speaker_profile(book, "Michael Pompeio")


def test_profile_has_roles_with_dates_count_and_topics(book):
    store(book, "A", "2018-05-01", said("We will talk to Minsk about it soon", "Michael Pompeo",
                                       role="CIA Director", topics=(("security", "taxonomy"),)))
    store(book, "B", "2020-02-01", said("Sanctions stay until reforms come", "Michael Pompeo",
                                       role="U.S. Secretary of State", topics=(("sanctions", "taxonomy"),)))
    profile = speaker_profile(book, "pompeo")
    assert [(r["role"], r["date"]) for r in profile["roles"]] == [
        ("CIA Director", "2018-05-01"), ("U.S. Secretary of State", "2020-02-01")]
    assert profile["quotes"] == 2
    assert {t["topic"] for t in profile["topics"]} == {"security", "sanctions"}


def test_duplicates_suggest_a_bare_surname_only_when_one_full_name_fits(temporary_db):
    with Quotebook(temporary_db) as book:
        store(book, "One", "2024-01-01", said("We will win the vote in the spring", "Obama"),
              said("Taxes go down for families next year", "Barack Obama"),
              said("The plan fails working people everywhere", "Sanders"),
              said("Healthcare is a right for every citizen", "Bernie Sanders"),
              said("My father's record speaks for itself today", "Sarah Huckabee Sanders"))
        pairs = {(d.first, d.second, d.reason) for d in likely_duplicates(book)}
    assert ("Barack Obama", "Obama", "surname only") in pairs
    assert not any(d[1] == "Sanders" for d in pairs)
