"""Web archives (WARC, plain or gzipped): each HTML response becomes an article."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from quotebook.data import Article, Failure
from quotebook.ingest.html import NoArticleText, parse_html

MAX_RECORD_BYTES = 20 << 20


def read_warc(stream: BinaryIO, origin: str, *, gzipped: bool = False) -> Iterator[Article | Failure]:
    """Articles from the HTML responses of a WARC stream, record by record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if gzipped:
        # Decompress here rather than in warcio, which refuses a whole file
        # gzipped in one piece (common for hand-made archives); GzipFile
        # reads both that and the standard one-member-per-record form.
        stream = _GunzipNoticingTruncation(stream)  # type: ignore[assignment]
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
    if isinstance(stream, _GunzipNoticingTruncation) and stream.truncated:
        yield Failure(origin, f"WARC file broken after {count} response(s): compressed data ends early")
    elif count == 0:
        yield Failure(origin, "WARC file has no HTML responses", warning=True)


class _GunzipNoticingTruncation(io.RawIOBase):
    """Decompressed view of a gzip stream that records, instead of raising, an early end.

    warcio swallows the EOFError of a cut-off gzip stream and simply stops,
    which would hide the damage; this remembers it so it can be reported.
    """

    def __init__(self, raw: BinaryIO) -> None:
        import gzip

        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        try:
            # read1 does one underlying read, so data decoded before the
            # break is returned rather than lost with the exception.
            data = self._gzip.read1(len(buffer))
        except EOFError:
            self.truncated = True
            return 0
        buffer[: len(data)] = data
        return len(data)
