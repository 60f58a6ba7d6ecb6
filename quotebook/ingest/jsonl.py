"""JSON and JSON Lines: one article per object.

Both are read incrementally, one value at a time from a text stream, so an
export of a million articles never sits in memory.  A JSON file may be one
object, an array of objects, ``{"articles": [...]}``, or objects one after
another.  When the input breaks off, every object before the break is still
yielded, then a Failure naming the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import TextIO

from quotebook.data import Article, Failure
from quotebook.dates import normalise_date
from quotebook.ingest.text import clean_text

CHUNK_CHARS = 1 << 20
MAX_OBJECT_CHARS = 20 << 20

TEXT_KEYS = ("text", "content", "body", "article", "full_text", "fulltext", "story")
TITLE_KEYS = ("title", "headline", "name")
DATE_KEYS = ("date", "published", "publication_date", "published_at", "pubdate", "datetime", "created_at")
URL_KEYS = ("url", "link", "canonical_url", "href")
SOURCE_KEYS = ("source", "publisher", "site", "sitename", "site_name", "outlet")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")

_ARTICLES_WRAPPER = re.compile(r'\{\s*"(?:articles|items|data|entries|documents|docs)"\s*:\s*\[')
_SKIP = re.compile(r"[\s,]*")
_WS = re.compile(r"\s*")


def record_to_articles(record: Mapping, origin: str, fmt: str, where: str) -> Iterator[Article | Failure]:
    """Map a loosely named record (JSON object, CSV row) onto an Article.

    A field the record has but that cannot be used is said, not dropped in silence:
    a date that reads as no date gives a warning and the article is imported undated.
    """
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    raw_text = next((lowered[k] for k in TEXT_KEYS if lowered.get(k) not in (None, "")), None)
    if raw_text is None:
        yield Failure(origin, f"{where}: no text field (expected one of: text, content, body)", warning=True)
        return
    if isinstance(raw_text, list) and all(isinstance(part, str) for part in raw_text):
        raw_text = "\n\n".join(raw_text)  # a list of paragraphs
    if not isinstance(raw_text, str):
        kind = "a number" if isinstance(raw_text, (int, float)) else f"a JSON {_json_kind(raw_text)}"
        yield Failure(origin, f"{where}: the text field holds {kind}, not text")
        return
    text = clean_text(raw_text)
    if not text:
        yield Failure(origin, f"{where}: empty text", warning=True)
        return
    source = lowered.get("source")
    if isinstance(source, Mapping):  # NewsAPI-style {"source": {"name": ...}}
        lowered["source"] = source.get("name") or source.get("id")
    given_date = _first(lowered, DATE_KEYS)
    date, precision = normalise_date(given_date)
    if given_date and date is None:
        yield Failure(origin, f"{where}: unreadable date {given_date[:60]!r}, imported without a date", warning=True)
    yield Article(
        text=text,
        title=_first(lowered, TITLE_KEYS),
        date=date,
        date_precision=precision,
        url=_first(lowered, URL_KEYS),
        source=_first(lowered, SOURCE_KEYS),
        author=_first(lowered, AUTHOR_KEYS),
        origin=origin,
        fmt=fmt,
    )


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, Mapping):
        return "object"
    return "array" if isinstance(value, list) else type(value).__name__


def _first(record: Mapping, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):  # authors: ["A", "B"]
            value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_json_stream(stream: TextIO, origin: str, fmt: str) -> Iterator[Article | Failure]:
    """Articles from a JSON or JSON Lines text stream, lazily."""
    reader = _ValueReader(stream)
    count = 0
    try:
        if reader.skip_prefix(_ARTICLES_WRAPPER) or reader.skip_prefix(re.compile(r"\s*\[")):
            values = reader.array_items()
        else:
            values = reader.top_level_values()
        for line, value in values:
            for item in _unwrap(value):
                count += 1
                if isinstance(item, Mapping):
                    yield from record_to_articles(item, origin, fmt, f"line {line}")
                else:
                    yield Failure(origin, f"line {line}: expected a JSON object, found {type(item).__name__}", warning=True)
    except _BrokenJSON as error:
        kind = "truncated" if error.at_end else "invalid"
        yield Failure(origin, f"{kind} JSON at line {error.line}: {error.reason} ({count} article(s) read before it)")
    except UnicodeDecodeError as error:
        yield Failure(origin, f"undecodable bytes after {count} article(s): {error.reason}")
    if count == 0 and not reader.failed:
        yield Failure(origin, "no articles in JSON input", warning=True)


def read_json_lines(stream: TextIO, origin: str) -> Iterator[Article | Failure]:
    """JSON Lines: a bad line is reported and skipped, the rest still read."""
    count = 0
    number = 0
    while True:
        try:
            line = stream.readline(MAX_OBJECT_CHARS)
        except UnicodeDecodeError as error:
            yield Failure(origin, f"line {number + 1}: undecodable bytes ({error.reason})")
            return
        if not line:
            break
        number += 1
        if len(line) >= MAX_OBJECT_CHARS and not line.endswith("\n"):
            while (rest := stream.readline(CHUNK_CHARS)) and not rest.endswith("\n"):
                pass
            yield Failure(origin, f"line {number}: longer than {MAX_OBJECT_CHARS >> 20}M characters, skipped")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            # A last line cut off without its newline is a truncated file.
            kind = "invalid" if line.endswith("\n") else "truncated"
            yield Failure(origin, f"{kind} JSON at line {number}: {error.msg}")
            continue
        for item in _unwrap(value):
            count += 1
            if isinstance(item, Mapping):
                yield from record_to_articles(item, origin, "jsonl", f"line {number}")
            else:
                yield Failure(origin, f"line {number}: expected a JSON object, found {type(item).__name__}", warning=True)
    if count == 0 and number == 0:
        yield Failure(origin, "no articles in JSON Lines input", warning=True)


def _unwrap(value: object) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping):
        for key in ("articles", "items", "data", "entries", "documents", "docs"):
            inner = value.get(key)
            if isinstance(inner, list) and not any(k in value for k in TEXT_KEYS):
                return inner
    return [value]


class _BrokenJSON(Exception):
    def __init__(self, line: int, reason: str, at_end: bool) -> None:
        super().__init__(reason)
        self.line, self.reason, self.at_end = line, reason, at_end


class _ValueReader:
    """Pulls complete JSON values out of a stream with a bounded buffer."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.buffer = ""
        self.pos = 0
        self.line = 1  # line number of self.pos
        self.eof = False
        self.failed = False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK_CHARS)
        if not chunk:
            self.eof = True
            return False
        # Drop what has been consumed so the buffer holds at most one value.
        self.buffer = self.buffer[self.pos:] + chunk
        self.pos = 0
        return True

    def _advance(self, new_pos: int) -> None:
        self.line += self.buffer.count("\n", self.pos, new_pos)
        self.pos = new_pos

    def _skip(self, pattern: re.Pattern[str]) -> None:
        while True:
            self._advance(pattern.match(self.buffer, self.pos).end())
            if self.pos < len(self.buffer) or not self._fill():
                return

    def skip_prefix(self, pattern: re.Pattern[str]) -> bool:
        while len(self.buffer) - self.pos < 256 and self._fill():
            pass
        self._skip(_WS)
        match = pattern.match(self.buffer, self.pos)
        if match:
            self._advance(match.end())
        return bool(match)

    def _decode_next(self) -> tuple[int, object]:
        decoder = json.JSONDecoder()
        while True:
            try:
                value, end = decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                # An error at the very end may just mean the value continues in
                # the next chunk; anywhere else the input is broken.
                near_end = error.pos >= len(self.buffer) - 1 or "Unterminated" in error.msg
                if near_end and len(self.buffer) - self.pos < MAX_OBJECT_CHARS and self._fill():
                    continue
                self.failed = True
                at_end = self.eof and near_end
                line = self.line + self.buffer.count("\n", self.pos, min(error.pos, len(self.buffer)))
                raise _BrokenJSON(line if not at_end else self.line, error.msg, at_end) from None
            line = self.line
            self._advance(end)
            return line, value

    def top_level_values(self) -> Iterator[tuple[int, object]]:
        while True:
            self._skip(_SKIP)
            if self.pos >= len(self.buffer):
                return
            yield self._decode_next()

    def array_items(self) -> Iterator[tuple[int, object]]:
        while True:
            self._skip(_SKIP)
            if self.pos >= len(self.buffer):
                self.failed = True
                raise _BrokenJSON(self.line, "array not closed", True)
            if self.buffer[self.pos] == "]":
                self._advance(self.pos + 1)
                return
            yield self._decode_next()
