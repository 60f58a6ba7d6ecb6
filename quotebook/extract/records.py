"""The records the attribution stages pass along: a source, and a quotation before its speaker is resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from quotebook.extract.marks import SegmentList


@dataclass
class Source:
    start: int
    end: int
    text: str
    kind: str  # pronoun | name | np


@dataclass
class Candidate:
    """A quotation found in one sentence, before its speaker is resolved."""

    spans: list[tuple[int, int]]
    kind: str
    source: Source | None
    cue: str | None
    layout: str  # pre | post | according | colon | context
    paragraph: int
    segments: set[int] = field(default_factory=set)
    confidence: float = 0.8


def _segments_in(segments: SegmentList, start: int, end: int) -> list[int]:
    return list(segments.overlapping(start, end))
