"""Downloads, served by a local http.server on 127.0.0.1 that each test starts."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quotebook.data import Article, Failure
from quotebook.ingest import read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

SUMMARY_FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local Wire</title>
<item><title>Library story</title><link>{base}/library</link>
<pubDate>Sat, 04 Jun 2022 08:00:00 +0000</pubDate>
<description>Library reopens.</description></item>
<item><title>Gone story</title><link>{base}/missing</link>
<description>This page has been removed.</description></item>
</channel></rss>
"""


@pytest.fixture
def server() -> Iterator[str]:
    """A local web server; returns its base URL."""
    routes: dict[str, tuple[int, str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/slow":
                time.sleep(1.5)
            status, ctype, body = routes.get(self.path, (404, "text/plain", b"not found"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    page = (FIXTURES / "page.html").read_bytes()
    routes.update({
        "/library": (200, "text/html; charset=utf-8", page),
        "/slow": (200, "text/html", page),
        "/feed": (200, "application/rss+xml", SUMMARY_FEED.format(base=base).encode()),
        "/rss.xml": (200, "text/xml", (FIXTURES / "rss.xml").read_bytes()),
        "/export.jsonl": (200, "application/octet-stream", (FIXTURES / "articles.jsonl").read_bytes()),
    })
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def test_url_page_is_downloaded_and_extracted(server):
    (article,) = read_inputs([f"{server}/library"])
    assert isinstance(article, Article)
    assert article.origin == f"{server}/library"
    assert article.title == "Library reopens after flood"
    # The page's canonical URL identifies the article, wherever it was fetched from.
    assert article.url == "https://herald.example/news/library-reopens"


def test_url_http_404_is_one_line_failure(server):
    (failure,) = read_inputs([f"{server}/nothing-here"])
    assert isinstance(failure, Failure)
    assert failure.origin == f"{server}/nothing-here"
    assert failure.message == "HTTP 404 Not Found"


def test_url_timeout_is_one_line_failure(server):
    started = time.monotonic()
    (failure,) = read_inputs([f"{server}/slow"], timeout=0.3)
    assert isinstance(failure, Failure)
    assert "timed out" in failure.message
    assert time.monotonic() - started < 1.4


def test_url_with_nothing_listening_is_one_line_failure():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (failure,) = read_inputs([f"http://127.0.0.1:{port}/x"], timeout=2)
    assert isinstance(failure, Failure)
    assert failure.message.startswith("cannot connect") and "\n" not in failure.message


def test_url_feed_is_detected_and_read(server):
    items = list(read_inputs([f"{server}/rss.xml"]))
    assert [a.title for a in items] == ["Ferry timetable changes", "Lighthouse open day"]


def test_url_jsonl_is_detected_by_content(server):
    items = list(read_inputs([f"{server}/export.jsonl"]))
    assert [a.fmt for a in items] == ["jsonl", "jsonl"]


def test_feed_without_fetch_keeps_the_summary(server):
    first, second = read_inputs([f"{server}/feed"])
    assert first.text == "Library reopens."
    assert second.text == "This page has been removed."


def test_feed_with_fetch_downloads_linked_page(server):
    first, second = read_inputs([f"{server}/feed"], fetch=True)
    assert isinstance(first, Article)
    assert first.fmt == "feed"
    assert first.title == "Library story"  # the feed's own title wins
    assert first.source == "Local Wire"
    assert first.date == "2022-06-04T08:00:00+00:00"
    assert "head librarian Oskar Lind said" in first.text
    assert first.url == "https://herald.example/news/library-reopens"
    # A link that 404s falls back to the entry's summary.
    assert isinstance(second, Article) and second.text == "This page has been removed."
