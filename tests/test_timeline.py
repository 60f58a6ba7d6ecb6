"""Quotations over time."""

from __future__ import annotations

import pytest
from builders import said, store

from quotebook.store import Quotebook
from quotebook.timeline import timeline


@pytest.fixture
def book(temporary_db):
    with Quotebook(temporary_db) as book:
        store(book, "A", "2024-01-15", said("The harbour will reopen in May this year", "Dana Okafor",
                                           topics=(("trade", "taxonomy"),)))
        store(book, "B", "2024-01-20", said("The ferry timetable changes next week", "Dana Okafor"))
        store(book, "C", "2024-04-02", said("Tolls pay for the repairs to the bridge", "Lena Brandt"))
        store(book, "D", None, said("We never comment on rumours about the port", "Lena Brandt"))
        yield book


def test_counts_by_month_fill_the_empty_months(book):
    rows, undated = timeline(book, by="month")
    assert rows == [{"period": "2024-01", "quotes": 2}, {"period": "2024-02", "quotes": 0},
                    {"period": "2024-03", "quotes": 0}, {"period": "2024-04", "quotes": 1}]
    assert undated == 1


def test_counts_by_year_with_filters(book):
    okafor = book.speaker_matches("okafor")[0][0]
    assert timeline(book, by="year", speaker_ids=[okafor]) == ([{"period": "2024", "quotes": 2}], 0)
    assert timeline(book, by="year", topic="trade")[0] == [{"period": "2024", "quotes": 1}]


def test_a_quotation_reported_twice_counts_once(book):
    store(book, "E", "2024-04-03", said("Tolls pay for the repairs to the bridge", "Lena Brandt"))
    rows, _ = timeline(book, by="month")
    assert rows[-1] == {"period": "2024-04", "quotes": 1}


def test_empty_database_has_an_empty_timeline(temporary_db):
    with Quotebook(temporary_db) as book:
        assert timeline(book) == ([], 0)
