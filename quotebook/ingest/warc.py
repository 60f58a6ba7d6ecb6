"""Web archives (WARC, plain or gzipped): each HTML response becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from quotebook.data import Article, Failure
from quotebook.ingest.html import NoArticleText, parse_html

MAX_RECORD_BYTES = 20 << 20


def read_warc(stream: BinaryIO, origin: str) -> Iterator[Article | Failure]:
    """Articles from the HTML responses of a WARC stream, record by record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            target = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin} [{target}]"
            count += 1
            body = record.content_stream().read(MAX_RECORD_BYTES + 1)
            if len(body) > MAX_RECORD_BYTES:
                yield Failure(where, f"response larger than {MAX_RECORD_BYTES >> 20} MB, skipped")
                continue
            try:
                article = parse_html(body, where, url=target, fmt="warc")
            except NoArticleText as error:
                yield Failure(where, str(error), warning=True)
                continue
            # The archived address is where the page really was; keep it.
            yield replace(article, url=target or article.url, origin=origin)
    except ArchiveLoadFailed as error:
        yield Failure(origin, f"not a readable WARC file: {' '.join(str(error).split())[:200]}")
        return
    except (OSError, EOFError, ValueError) as error:  # truncated gzip member, bad chunking
        yield Failure(origin, f"WARC file broken after {count} response(s): {error}")
        return
    if count == 0:
        yield Failure(origin, "WARC file has no HTML responses", warning=True)
