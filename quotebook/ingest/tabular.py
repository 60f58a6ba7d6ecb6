"""CSV and TSV exports: one article per row, text in a text/content/body column."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from quotebook.data import Article, Failure
from quotebook.ingest.jsonl import TEXT_KEYS, record_to_articles

MAX_FIELD_CHARS = 20 << 20


def read_csv_stream(stream: TextIO, origin: str) -> Iterator[Article | Failure]:
    """Articles from a CSV stream, row by row; the delimiter is sniffed from the header."""
    # The default 128 KiB field limit is smaller than a long article.
    csv.field_size_limit(MAX_FIELD_CHARS)
    head = stream.readline(1 << 16)
    if not head.strip():
        yield Failure(origin, "empty CSV file", warning=True)
        return
    delimiter = max(",;\t|", key=head.count)
    header = next(csv.reader([head], delimiter=delimiter))
    if not any(name.strip().lower() in TEXT_KEYS for name in header):
        yield Failure(origin, f"CSV has no text column (expected one of: text, content, body; found: {', '.join(header)[:200]})")
        return
    reader = csv.DictReader(stream, fieldnames=header, delimiter=delimiter)
    count = 0
    try:
        for row in reader:
            count += 1
            # DictReader puts extra cells under the None key; they are not fields.
            row.pop(None, None)
            yield from record_to_articles({k: v for k, v in row.items() if v is not None}, origin, "csv", f"line {reader.line_num + 1}")
    except csv.Error as error:
        yield Failure(origin, f"line {reader.line_num + 1}: malformed CSV ({error})")
    except UnicodeDecodeError as error:
        yield Failure(origin, f"after line {reader.line_num + 1}: undecodable bytes ({error.reason})")
    if count == 0:
        yield Failure(origin, "CSV has a header but no rows", warning=True)
