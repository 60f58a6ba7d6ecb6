"""Reading articles from files, directories, stdin and URLs.

``read_inputs`` is the one entry point: it streams ``Article`` records, one at
a time, and turns every problem with an input into a ``Failure`` naming it, so
one bad file never stops an import.  Each format lives in its own module and
the heavy parsers (trafilatura, feedparser, warcio, dateparser,
charset-normalizer) are imported only when a file of that kind turns up.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from quotebook.data import Article, Failure
from quotebook.ingest.detect import FORMATS, SNIFF_BYTES, NotText, binary_reason, decode, guess_encoding, sniff_format

__all__ = ["FORMATS", "MAX_TEXT_BYTES", "MAX_DOCUMENT_BYTES", "read_inputs", "iter_files"]

# One article of plain text is at most this big; a book is ~1 MB, a long
# feature 100 KB.  Larger files are refused rather than guessed at.
MAX_TEXT_BYTES = 5 << 20
# Whole documents parsed in one piece (pages, feeds); lxml needs ~10x in memory.
MAX_DOCUMENT_BYTES = 10 << 20


def read_inputs(
    inputs: Iterable[str],
    *,
    fmt: str | None = None,
    fetch: bool = False,
    timeout: float = 20.0,
    exclude: Iterable[str] = (),
) -> Iterator[Article | Failure]:
    """Articles from paths, directories, ``-`` (stdin) and http(s) URLs, lazily.

    ``fmt`` forces a format (one of FORMATS) instead of detecting it.
    ``fetch`` downloads the linked page of feed entries that carry only a
    summary.  ``exclude`` names files never to read (the database being
    written and its journals): a directory walk passes over them, and one
    named on its own gives a warning.  Bad inputs yield a Failure naming
    them; nothing raises.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return _read_all(inputs, fmt, fetch, timeout, {os.path.realpath(path) for path in exclude})


def _read_all(inputs: Iterable[str], fmt: str | None, fetch: bool, timeout: float,
              exclude: set[str]) -> Iterator[Article | Failure]:
    reader = _Reader(fmt, fetch, timeout)
    for value in inputs:
        if value == "-":
            yield from reader.guarded("-", lambda: reader.read_stdin())
        elif value.lower().startswith(("http://", "https://")):
            yield from reader.guarded(value, lambda: reader.read_url(value))
        elif os.path.isdir(value):
            for path in iter_files(value):
                if isinstance(path, Failure):
                    yield path
                elif os.path.realpath(path) not in exclude:
                    yield from reader.guarded(path, lambda: reader.read_path(path))
        elif os.path.realpath(value) in exclude:
            yield Failure(value, "is the quotebook database in use, not an article; skipped", warning=True)
        else:
            yield from reader.guarded(value, lambda: reader.read_path(value))


def iter_files(root: str) -> Iterator[str | Failure]:
    """Files under ``root``, depth first, sorted per directory, hidden ones skipped.

    Only one directory listing is held at a time per level, so a tree of any
    size is walked in bounded memory, and the first file comes out at once.
    """
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        yield Failure(root, f"cannot list directory: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            # Symlinked directories are not followed: they can loop.
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from iter_files(entry.path)
        else:
            yield entry.path


class _Reader:
    def __init__(self, fmt: str | None, fetch: bool, timeout: float) -> None:
        self.fmt = fmt
        self.fetch = fetch
        self.timeout = timeout

    def guarded(self, origin: str, produce) -> Iterator[Article | Failure]:
        """Run one input's reader; whatever goes wrong becomes a Failure for it."""
        try:
            yield from produce()
        except OSError as error:
            yield Failure(origin, f"cannot read: {error.strerror or error}")
        except NotText as error:
            yield Failure(origin, str(error))
        except (MemoryError, RecursionError) as error:
            yield Failure(origin, f"too large or deeply nested to read ({type(error).__name__})")
        except Exception as error:  # a parser library choking must not end the import
            yield Failure(origin, f"could not read ({type(error).__name__}: {' '.join(str(error).split())[:200]})")

    # --- sources ---------------------------------------------------------

    def read_path(self, path: str) -> Iterator[Article | Failure]:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            head = stream.read(SNIFF_BYTES)
            stream.seek(0)
            yield from self.read_stream(stream, head, path, name=path, size=size)

    def read_stdin(self) -> Iterator[Article | Failure]:
        raw = sys.stdin.buffer
        head = raw.read(SNIFF_BYTES)
        stream = io.BufferedReader(_Prefixed(head, raw))  # type: ignore[arg-type]
        yield from self.read_stream(stream, head, "-", name="", size=None)

    def read_url(self, url: str) -> Iterator[Article | Failure]:
        from quotebook.ingest.url import FetchError, fetch

        try:
            download = fetch(url, timeout=self.timeout)
        except FetchError as error:
            yield Failure(url, str(error))
            return
        body = download.body
        name = download.url.split("?", 1)[0].split("#", 1)[0]
        yield from self.read_stream(
            io.BytesIO(body), body[:SNIFF_BYTES], url, name=name, size=len(body),
            content_type=download.content_type, page_url=download.url,
        )

    # --- dispatch ----------------------------------------------------------

    def read_stream(
        self,
        stream: BinaryIO,
        head: bytes,
        origin: str,
        *,
        name: str,
        size: int | None,
        content_type: str | None = None,
        page_url: str | None = None,
    ) -> Iterator[Article | Failure]:
        if not head.strip():
            yield Failure(origin, "empty file, nothing to import" if size == 0 or not head else "file holds only whitespace", warning=True)
            return
        fmt = self.fmt or sniff_format(head, name, content_type)
        if fmt != "warc":
            reason = binary_reason(head)
            if reason:
                yield Failure(origin, reason)
                return
        if fmt == "warc":
            from quotebook.ingest.warc import read_warc

            yield from read_warc(stream, origin, gzipped=head.startswith(b"\x1f\x8b"))
        elif fmt in ("json", "jsonl"):
            from quotebook.ingest import jsonl

            text_stream = self._text_stream(stream, head)
            if fmt == "jsonl":
                yield from jsonl.read_json_lines(text_stream, origin)
            else:
                yield from jsonl.read_json_stream(text_stream, origin, "json")
        elif fmt == "csv":
            from quotebook.ingest.tabular import read_csv_stream

            yield from read_csv_stream(self._text_stream(stream, head, newline=""), origin)
        elif fmt == "feed":
            data = self._whole(stream, size, MAX_DOCUMENT_BYTES, origin, "feed")
            if isinstance(data, Failure):
                yield data
                return
            from quotebook.ingest.feed import read_feed

            yield from read_feed(data, origin, fetch_page=self._fetch_page if self.fetch else None)
        elif fmt == "html":
            data = self._whole(stream, size, MAX_DOCUMENT_BYTES, origin, "page")
            if isinstance(data, Failure):
                yield data
                return
            yield self._html_article(data, origin, page_url)
        else:
            data = self._whole(stream, size, MAX_TEXT_BYTES, origin, "text article")
            if isinstance(data, Failure):
                yield data
                return
            from quotebook.ingest.text import parse_text

            article = parse_text(decode(data), origin, fmt=fmt)
            yield article if article else Failure(origin, "no text in file", warning=True)

    @staticmethod
    def _text_stream(stream: BinaryIO, head: bytes, newline: str | None = None) -> io.TextIOWrapper:
        # The encoding is judged from the first 64 KB; a stray bad byte later
        # becomes U+FFFD rather than losing the rest of the file.
        return io.TextIOWrapper(stream, encoding=guess_encoding(head), errors="replace", newline=newline)

    @staticmethod
    def _whole(stream: BinaryIO, size: int | None, limit: int, origin: str, what: str) -> bytes | Failure:
        """The whole input if it is within ``limit``; measured before reading when possible."""
        if size is not None and size > limit:
            return Failure(origin, f"{size / 2**20:.1f} MB is too large for one {what} (limit {limit >> 20} MB); split it into articles")
        data = stream.read(limit + 1)
        if len(data) > limit:
            return Failure(origin, f"more than {limit >> 20} MB is too large for one {what}; split it into articles")
        return data

    @staticmethod
    def _html_article(data: bytes, origin: str, page_url: str | None) -> Article | Failure:
        from quotebook.ingest.html import NoArticleText, parse_html

        try:
            return parse_html(data, origin, url=page_url)
        except NoArticleText as error:
            return Failure(origin, str(error))

    def _fetch_page(self, link: str) -> Article | Failure:
        from quotebook.ingest.url import FetchError, fetch

        try:
            download = fetch(link, timeout=self.timeout)
        except FetchError as error:
            return Failure(link, str(error))
        if binary_reason(download.body[:SNIFF_BYTES]):
            return Failure(link, "linked page is not text")
        return self._html_article(download.body, link, download.url)


class _Prefixed(io.RawIOBase):
    """A raw stream that replays bytes already read (the sniffed head) before the rest."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
