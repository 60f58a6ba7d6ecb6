"""JSON, JSON Lines and CSV exports: one article per object or row."""

from __future__ import annotations

from pathlib import Path

from quotebook.data import Article, Failure
from quotebook.ingest import read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_jsonl_gives_one_article_per_line_with_metadata():
    first, second = read_inputs([str(FIXTURES / "articles.jsonl")])
    assert first.fmt == "jsonl"
    assert first.title == "Tram line extended"
    assert first.text == 'The tram line now reaches the airport.\n\n"It saves twenty minutes," commuter Dana Falk said.'
    assert first.date == "2020-01-15T08:00:00+00:00"
    assert (first.url, first.source, first.author) == ("https://metro.example/tram", "Metro Daily", "Sam Reyes")
    assert second.title == "Market hall restored"
    assert (second.date, second.url, second.source) == ("2020-01-14", "https://metro.example/market", "Metro Daily")


def test_json_articles_wrapper_is_accepted():
    first, second = read_inputs([str(FIXTURES / "articles.json")])
    assert first.fmt == "json"
    assert (first.title, first.text, first.date) == ("School garden wins prize", "Pupils grew vegetables all summer.", "2019-07-01")
    assert (second.date, second.date_precision) == ("2019-07", "month")


def test_json_top_level_array_is_accepted(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('[{"text": "One."}, {"content": "Two."}]')
    assert [a.text for a in read_inputs([str(path)])] == ["One.", "Two."]


def test_single_json_object_is_one_article(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"title": "Solo", "body": "Alone."}')
    (article,) = read_inputs([str(path)])
    assert article.title == "Solo"


def test_truncated_json_yields_good_objects_then_failure_with_line(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text('[\n{"title": "A", "text": "Alpha."},\n{"title": "B", "text": "Beta."},\n{"title": "C", "te')
    *articles, failure = read_inputs([str(path)])
    assert [a.title for a in articles] == ["A", "B"]
    assert isinstance(failure, Failure) and not failure.warning
    assert failure.origin == str(path)
    assert "truncated JSON at line 4" in failure.message


def test_truncated_jsonl_reports_the_broken_line_and_keeps_the_rest(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"text": "One."}\n{"text": "Tw\n{"text": "Three."}\n')
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert "invalid JSON at line 2" in items[1].message


def test_large_json_array_streams_across_read_chunks(tmp_path):
    path = tmp_path / "big.json"
    body = "x" * 5000
    path.write_text("[" + ",\n".join(f'{{"title": "T{i}", "text": "{body} {i}"}}' for i in range(600)) + "]")
    titles = [a.title for a in read_inputs([str(path)])]
    assert titles == [f"T{i}" for i in range(600)]


def test_json_object_without_text_is_a_warning(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "No body"}\n{"text": "Body."}\n')
    warning, article = read_inputs([str(path)])
    assert isinstance(warning, Failure) and warning.warning and "line 1" in warning.message
    assert article.text == "Body."


def test_json_detected_by_content_without_extension(tmp_path):
    path = tmp_path / "export"
    path.write_text('{"text": "One."}\n{"text": "Two."}\n')
    assert [a.fmt for a in read_inputs([str(path)])] == ["jsonl", "jsonl"]


def test_csv_rows_become_articles_with_multiline_text():
    first, second = read_inputs([str(FIXTURES / "articles.csv")])
    assert first.fmt == "csv"
    assert first.title == "Cycle lanes painted"
    assert first.text == 'The new cycle lanes were painted overnight.\n\n"They make the school run safer," parent Eva Lund said.'
    assert (first.date, first.url, first.source) == ("2018-05-02", "https://town.example/cycle", "Town News")
    assert second.text == "The swimming pool is closed until June."


def test_csv_without_text_column_fails_naming_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("name,age\nAnna,30\n")
    (failure,) = read_inputs([str(path)])
    assert isinstance(failure, Failure) and "no text column" in failure.message and "name" in failure.message


def test_tab_separated_file_is_read(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("headline\tbody\nTabbed\tSeparated text, with a comma.\n")
    (article,) = read_inputs([str(path)])
    assert (article.title, article.text) == ("Tabbed", "Separated text, with a comma.")


def test_csv_in_cp1252_is_decoded(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("title,text\nCafé,\"“Bon appétit,” said the chef.\"\n".encode("cp1252"))
    (article,) = read_inputs([str(path)])
    assert article.title == "Café" and article.text == "“Bon appétit,” said the chef."


def test_jsonl_cut_off_mid_line_reports_truncation(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"text": "One."}\n{"text": "Two."}\n{"text": "Thr')
    *articles, failure = read_inputs([str(path)])
    assert [a.text for a in articles] == ["One.", "Two."]
    assert failure.message.startswith("truncated JSON at line 3")


def test_unreadable_date_is_a_warning_and_the_article_is_kept_undated(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "The bridge opened.", "date": "sometime soonish"}\n{"text": "Rain.", "date": "2021-03-04"}\n')
    warning, first, second = read_inputs([str(path)])
    assert isinstance(warning, Failure) and warning.warning
    assert "line 1" in warning.message and "unreadable date 'sometime soonish'" in warning.message
    assert (first.text, first.date) == ("The bridge opened.", None)
    assert second.date == "2021-03-04"


def test_unreadable_date_in_csv_is_a_warning(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text,date\nThe pool reopened.,next-ish\n")
    warning, article = read_inputs([str(path)])
    assert isinstance(warning, Failure) and "unreadable date 'next-ish'" in warning.message
    assert article.text == "The pool reopened." and article.date is None


def test_a_number_in_the_text_field_is_not_an_article(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": 5}\n{"text": {"nested": "x"}}\n{"text": "Real words."}\n')
    number, nested, article = read_inputs([str(path)])
    assert isinstance(number, Failure) and not number.warning
    assert number.message.startswith("line 1: the text field holds a number")
    assert isinstance(nested, Failure) and "a JSON object" in nested.message
    assert article.text == "Real words."


def test_a_list_of_paragraphs_in_the_text_field_is_joined(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"text": ["First paragraph.", "Second paragraph."]}')
    (article,) = read_inputs([str(path)])
    assert article.text == "First paragraph.\n\nSecond paragraph."
