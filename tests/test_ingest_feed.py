"""RSS and Atom feeds, and WARC archives."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from quotebook.data import Article, Failure
from quotebook.ingest import read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_rss_entries_become_articles_with_metadata():
    ferry, lighthouse = read_inputs([str(FIXTURES / "rss.xml")])
    assert ferry.fmt == "feed"
    assert ferry.title == "Ferry timetable changes"
    assert ferry.url == "https://coastal.example/ferry"
    assert ferry.source == "Coastal Times"
    assert ferry.date == "2023-03-06T09:30:00+00:00"
    # The full content wins over the summary, paragraphs kept.
    assert ferry.text == (
        "The island ferry will run every two hours from April.\n\n"
        '"Passengers asked for earlier boats," operator Ben Aalto said.'
    )


def test_rss_entry_with_only_a_summary_uses_the_summary():
    _, lighthouse = read_inputs([str(FIXTURES / "rss.xml")])
    assert lighthouse.text == "The old lighthouse opens to visitors on Sunday."


def test_atom_entries_become_articles():
    (entry,) = read_inputs([str(FIXTURES / "atom.xml")])
    assert entry.title == "Orchard harvest record"
    assert entry.url == "https://hill.example/orchard"
    assert entry.author == "Lea Moser"
    assert entry.source == "Hill Gazette"
    assert entry.date.startswith("2021-09-09")
    assert entry.text.split("\n\n")[1] == '"The dry summer helped," farmer Karl Wendt said.'


def test_feed_that_is_not_xml_fails_naming_the_file(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text("this is not a feed, just words\n")
    (failure,) = read_inputs([str(path)])
    assert isinstance(failure, Failure) and not failure.warning
    assert failure.origin == str(path)
    assert "not an RSS/Atom feed" in failure.message and "\n" not in failure.message


def test_forced_feed_format_on_json_fails_cleanly(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"text": "hi"}')
    (failure,) = read_inputs([str(path)], fmt="feed")
    assert isinstance(failure, Failure) and "not an RSS/Atom feed" in failure.message


def _warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def test_warc_html_responses_become_articles(tmp_path):
    page = (FIXTURES / "page.html").read_bytes()
    data = _warc_bytes([
        ("https://archive.example/library", "text/html; charset=utf-8", page),
        ("https://archive.example/logo.png", "image/png", b"\x89PNG...."),
    ])
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(data))
    (article,) = read_inputs([str(path)])
    assert article.fmt == "warc"
    assert article.url == "https://archive.example/library"
    assert article.title == "Library reopens after flood"
    assert article.origin == str(path)


def test_warc_detected_by_content(tmp_path):
    path = tmp_path / "crawl.bin"
    path.write_bytes(_warc_bytes([("https://a.example/", "text/html", (FIXTURES / "page.html").read_bytes())]))
    (article,) = read_inputs([str(path)])
    assert article.fmt == "warc"


def test_warc_page_without_text_is_a_warning_naming_the_record(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_bytes([("https://a.example/empty", "text/html", (FIXTURES / "empty-page.html").read_bytes())]))
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Failure) and "https://a.example/empty" in items[0].origin


def test_file_that_is_not_a_warc_fails_when_forced(tmp_path):
    path = tmp_path / "x.warc"
    path.write_text("plain words, no archive\n")
    items = list(read_inputs([str(path)], fmt="warc"))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "WARC" in items[0].message


def test_standard_per_record_gzip_warc_is_read(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "standard.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO((FIXTURES / "page.html").read_bytes())
        writer.write_record(writer.create_warc_record("https://b.example/", "response", payload=payload, http_headers=headers))
    (article,) = read_inputs([str(path)])
    assert article.url == "https://b.example/"


def test_truncated_gzip_warc_keeps_articles_before_the_break(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in (1, 2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO((FIXTURES / "page.html").read_bytes())
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=payload, http_headers=headers))
    data = out.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Failure) and "broken" in items[-1].message
