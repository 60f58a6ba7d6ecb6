"""Publication dates to ISO 8601, and the day each quotation was said."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebook.dates import normalise_date, quote_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-02-01", ("2020-02-01", "day")),
        ("2020-02-01T10:30:00Z", ("2020-02-01T10:30:00+00:00", "day")),
        ("2020-02-01 10:30", ("2020-02-01T10:30:00", "day")),
        ("20200201", ("2020-02-01", "day")),
        ("2020-02", ("2020-02", "month")),
        ("2020", ("2020", "year")),
        ("Sat, 01 Feb 2020 10:00:00 +0000", ("2020-02-01T10:00:00+00:00", "day")),
        ("1 February 2020", ("2020-02-01", "day")),
        ("Saturday, 1 February 2020", ("2020-02-01", "day")),
        ("February 1, 2020", ("2020-02-01", "day")),
        ("Feb. 1, 2020", ("2020-02-01", "day")),
        ("February 2020", ("2020-02", "month")),
    ],
)
def test_common_publication_dates_normalise_to_iso(value, expected):
    assert normalise_date(value) == expected


def test_unusual_publication_date_goes_through_dateparser():
    assert normalise_date("Tuesday 3 March 2020, 14:05 GMT") == ("2020-03-03T14:05:00+00:00", "day")


@pytest.mark.parametrize("value", ["", "   ", "not a date", "2020-13-45", "yesterday", "2 hours ago", None])
def test_non_dates_and_relative_publication_dates_give_none(value):
    assert normalise_date(value) == (None, None)


def test_fast_path_does_not_import_dateparser():
    import subprocess

    code = (
        "import sys; from quotebook.dates import normalise_date, quote_date;"
        "normalise_date('2020-02-01'); normalise_date('Sat, 01 Feb 2020 10:00:00 +0000');"
        "quote_date('He said it on Saturday, 1 February. “Yes,” he said.', 40, 43, '2020-02-03');"
        "quote_date('“No,” she said.', 1, 3, '2020-02-03');"
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_quote_without_date_words_takes_publication_date():
    text = "“We are ready,” the minister said."
    assert quote_date(text, *span(text, "We are ready,"), "2024-03-09") == ("2024-03-09", "day", "publication")


def test_publication_datetime_gives_its_day():
    text = "“We are ready,” the minister said."
    assert quote_date(text, *span(text, "We are ready,"), "2024-03-09T22:10:00+00:00") == ("2024-03-09", "day", "publication")


def test_nothing_known_gives_none():
    text = "“We are ready,” the minister said."
    assert quote_date(text, *span(text, "We are ready,"), None) == (None, None, "none")


def test_weekday_resolves_to_most_recent_such_day_before_publication():
    text = "“We are ready,” the minister said on Friday."
    # 2024-03-09 is a Saturday; the Friday before is the 8th.
    assert quote_date(text, *span(text, "We are ready,"), "2024-03-09") == ("2024-03-08", "day", "text")


def test_weekday_of_publication_day_is_that_day():
    text = "“We are ready,” the minister said on Saturday."
    assert quote_date(text, *span(text, "We are ready,"), "2024-03-09")[0] == "2024-03-09"


def test_last_weekday_is_strictly_before_publication():
    text = "“We are ready,” the minister said last Saturday."
    assert quote_date(text, *span(text, "We are ready,"), "2024-03-09")[0] == "2024-03-02"


def test_weekday_with_day_and_month_takes_the_publication_year():
    text = "Pompeo arrived in Minsk on Saturday, 1 February to meet the president. “We are here,” he said."
    assert quote_date(text, *span(text, "We are here,"), "2020-02-03") == ("2020-02-01", "day", "text")


def test_day_month_after_publication_belongs_to_the_previous_year():
    text = "She spoke on 20 December. “It was hard,” she said."
    assert quote_date(text, *span(text, "It was hard,"), "2021-01-05")[0] == "2020-12-20"


def test_day_without_year_and_no_publication_date_is_marked_day_no_year():
    text = "Pompeo arrived in Minsk on Saturday, 1 February. “We are here,” he said."
    assert quote_date(text, *span(text, "We are here,"), None) == ("--02-01", "day-no-year", "text")


def test_abbreviated_month_with_full_stop():
    text = "He spoke to reporters on Jan. 5 in Geneva. “Talks will continue,” he said."
    assert quote_date(text, *span(text, "Talks will continue,"), "2024-03-09") == ("2024-01-05", "day", "text")


def test_full_date_in_text_wins_over_publication():
    text = "On March 3, 2019, the senator told the committee: “I was not there.”"
    assert quote_date(text, *span(text, "I was not there."), "2024-03-09") == ("2019-03-03", "day", "text")


def test_yesterday_resolves_against_publication():
    text = "“We will appeal,” the lawyer said yesterday."
    assert quote_date(text, *span(text, "We will appeal,"), "2024-03-01") == ("2024-02-29", "day", "text")


def test_last_week_gives_a_day_in_that_week():
    text = "“We will appeal,” the lawyer said last week."
    assert quote_date(text, *span(text, "We will appeal,"), "2024-03-09") == ("2024-03-02", "week", "text")


def test_days_ago_resolves_against_publication():
    text = "Three days ago the mayor told residents: “Stay indoors.”"
    assert quote_date(text, *span(text, "Stay indoors."), "2024-03-09") == ("2024-03-06", "day", "text")


def test_relative_day_without_publication_date_is_unknown():
    text = "“We will appeal,” the lawyer said yesterday."
    assert quote_date(text, *span(text, "We will appeal,"), None) == (None, None, "none")


def test_date_inside_the_quotation_is_not_when_it_was_said():
    text = "“We will meet again on Monday,” the envoy said."
    assert quote_date(text, *span(text, "We will meet again on Monday,"), "2024-03-09")[2] == "publication"


def test_attribution_inside_an_interrupted_quote_is_read():
    text = "“We tried,” she said on Tuesday, “and we failed.”"
    start, end = text.index("We tried"), text.index("failed.") + len("failed.")
    assert quote_date(text, start, end, "2024-03-09") == ("2024-03-05", "day", "text")


def test_preceding_sentence_in_same_paragraph_names_the_day():
    text = "The talks ended on Thursday. “Nothing was agreed,” a diplomat said."
    assert quote_date(text, *span(text, "Nothing was agreed,"), "2024-03-09")[0] == "2024-03-07"


def test_date_in_another_paragraph_is_ignored():
    text = "The talks ended on Thursday.\n\n“Nothing was agreed,” a diplomat said."
    assert quote_date(text, *span(text, "Nothing was agreed,"), "2024-03-09")[2] == "publication"


def test_date_two_sentences_back_is_ignored():
    text = "The talks ended on Thursday. Delegates left. “Nothing was agreed,” a diplomat said."
    assert quote_date(text, *span(text, "Nothing was agreed,"), "2024-03-09")[2] == "publication"


def test_the_verb_may_is_not_a_month():
    text = "The company may close 5 stores. “It is sad,” a worker said."
    assert quote_date(text, *span(text, "It is sad,"), "2024-03-09")[2] == "publication"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(-5, 250), st.integers(-5, 250), st.sampled_from([None, "2024-03-09", "2020", "junk"]))
def test_quote_date_never_crashes(text, start, end, published):
    date, precision, source = quote_date(text, start, end, published)
    assert source in ("text", "publication", "none")
    assert (date is None) == (precision is None)
