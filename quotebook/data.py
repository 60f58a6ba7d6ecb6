"""The records that travel from ingest through extract to the store.

Every stage passes these frozen dataclasses, never loose dicts, so a field
added here is visible to every stage that needs it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

Span = tuple[int, int]

KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class Quote:
    """One attributed quotation found in an article's text.

    ``spans`` are Python string offsets into the article text; a quotation
    interrupted by its attribution ("…,” he said, “…”) has several.
    ``speaker`` is the resolved full name (or None when too uncertain),
    ``mention`` the words the attribution rests on ("he", "Makei") and
    ``speaker_start``/``speaker_end`` their offsets.
    """

    text: str
    spans: tuple[Span, ...]
    kind: str = "direct"
    speaker: str | None = None
    mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    role: str | None = None
    speaker_type: str | None = None  # person | organization | anonymous
    cue: str | None = None
    confidence: float = 0.5
    date: str | None = None
    date_precision: str | None = None  # day | month | year | none
    date_source: str | None = None  # text | publication | user
    topics: tuple[tuple[str, str], ...] = ()  # (topic, source)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(frozen=True)
class Article:
    """One article ready to be extracted and stored."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 publication date
    date_precision: str | None = None
    url: str | None = None
    source: str | None = None  # the publisher
    author: str | None = None
    origin: str | None = None  # file path, URL or "-" it came from
    topics: tuple[str, ...] = ()  # user tags given at import
    fmt: str | None = None  # the format it was read from

    @cached_property
    def content_hash(self) -> str:
        return content_hash(self.text)


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Case-, space- and Unicode-form-insensitive form, for identity checks."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    import hashlib  # here: reading the database never needs it, and start-up time counts

    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Failure:
    """An input that could not be read; ingest yields these instead of raising."""

    origin: str
    message: str
    warning: bool = False
    details: dict = field(default_factory=dict)
