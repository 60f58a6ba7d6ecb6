"""Web pages: main text, metadata, paragraph breaks and pull-quote duplicates."""

from __future__ import annotations

from pathlib import Path

from quotebook.data import Article, Failure
from quotebook.ingest import read_inputs
from quotebook.ingest.html import drop_repeated_paragraphs, fragment_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def page() -> Article:
    items = list(read_inputs([str(FIXTURES / "page.html")]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_html_metadata_is_extracted():
    article = page()
    assert article.fmt == "html"
    assert article.title == "Library reopens after flood"
    assert article.author == "Priya Nandakumar"
    assert article.source == "Northside Herald"
    assert article.url == "https://herald.example/news/library-reopens"
    assert article.date == "2022-06-04" and article.date_precision == "day"


def test_html_boilerplate_is_left_out():
    text = page().text
    assert "Most read" not in text and "All rights reserved" not in text and "Sport" not in text


def test_html_paragraph_breaks_survive():
    paragraphs = page().text.split("\n\n")
    assert any(p.startswith("The central library reopened") for p in paragraphs)
    assert any(p.startswith("The council paid for new wiring") for p in paragraphs)
    assert all("\n" not in p for p in paragraphs)


def test_pull_quote_repeating_the_body_is_dropped():
    text = page().text
    assert text.count("Every book on these shelves was given by a neighbour") == 1
    assert "head librarian Oskar Lind said" in text


def test_repeated_paragraph_keeps_the_fuller_copy():
    blocks = [
        ("p", "Short lead paragraph about the vote."),
        ("quote", "“We will not back down from this fight,”"),
        ("p", "“We will not back down from this fight,” the mayor said on Tuesday."),
        ("p", "Short lead paragraph about the vote."),
        ("p", "Yes."),
        ("p", "Yes."),
    ]
    assert drop_repeated_paragraphs(blocks) == [
        "Short lead paragraph about the vote.",
        "“We will not back down from this fight,” the mayor said on Tuesday.",
        "Yes.",
        "Yes.",
    ]


def test_html_with_no_article_text_fails_naming_the_file():
    items = list(read_inputs([str(FIXTURES / "empty-page.html")]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "no article text" in items[0].message
    assert items[0].origin.endswith("empty-page.html")


def test_html_is_detected_by_content_despite_txt_extension(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes((FIXTURES / "page.html").read_bytes())
    (article,) = read_inputs([str(path)])
    assert article.fmt == "html"
    assert article.title == "Library reopens after flood"


def test_html_in_cp1252_is_decoded(tmp_path):
    html = (FIXTURES / "page.html").read_text().replace('<meta charset="utf-8">', "")
    html = html.replace("head librarian Oskar Lind", "head librarian Zoë Lind")
    path = tmp_path / "cp.html"
    path.write_bytes(html.encode("cp1252"))
    (article,) = read_inputs([str(path)])
    assert "Zoë Lind" in article.text


def test_feed_fragment_keeps_paragraphs_and_drops_scripts():
    html = "<p>One <b>two</b>\nthree.</p><script>evil()</script><p>Four</p>tail"
    assert fragment_text(html) == "One two three.\n\nFour\n\ntail"
