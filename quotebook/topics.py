"""Topics for quotes: the section heading a quote stands under, and a keyword taxonomy.

The taxonomy is a TOML data file (quotebook/data/topics.toml). A user file given
by $QUOTEBOOK_TAXONOMY or the ``extra`` argument adds topics, and replaces a
shipped topic of the same name.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

HEADING_MAX_WORDS = 10


@dataclass(frozen=True)
class Taxonomy:
    names: tuple[str, ...]
    pattern: re.Pattern  # one alternation; group name t<i> says which topic matched

    def topics_for(self, text: str) -> list[str]:
        found = []
        for match in self.pattern.finditer(text):
            name = self.names[int(match.lastgroup[1:])]
            if name not in found:
                found.append(name)
        return found


def _keyword_regex(keyword: str) -> str:
    stem = keyword.rstrip("*")
    body = r"\s+".join(re.escape(w) for w in stem.split())
    return body + (r"\w*" if keyword.endswith("*") else "")


def build_taxonomy(table: dict[str, dict]) -> Taxonomy:
    names, alternatives = [], []
    for i, (name, entry) in enumerate(table.items()):
        keywords = entry.get("keywords", []) if isinstance(entry, dict) else []
        names.append(name)
        if keywords:
            alternatives.append(f"(?P<t{i}>" + "|".join(_keyword_regex(k) for k in keywords) + ")")
    pattern = r"\b(?:" + "|".join(alternatives) + r")\b" if alternatives else r"(?!x)x"
    return Taxonomy(tuple(names), re.compile(pattern, re.IGNORECASE))


def read_taxonomy_file(path: str | os.PathLike) -> dict[str, dict]:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as ex:
        from quotebook.store import QuotebookError

        raise QuotebookError(f"{path}: cannot read taxonomy: {ex}") from None


@lru_cache(maxsize=8)
def load_taxonomy(extra: str | None = None) -> Taxonomy:
    shipped = resources.files("quotebook").joinpath("data/topics.toml").read_text(encoding="utf-8")
    table = tomllib.loads(shipped)
    extra = extra or os.environ.get("QUOTEBOOK_TAXONOMY")
    if extra:
        table.update(read_taxonomy_file(Path(extra)))
    return build_taxonomy(table)


def is_heading(paragraph: str) -> bool:
    """A short capitalised line with no closing punctuation: a section heading."""
    line = paragraph.strip()
    if not line or "\n" in line or len(line) > 80:
        return False
    words = line.split()
    if len(words) > HEADING_MAX_WORDS or not line[0].isupper():
        return False
    if line[-1] in ".!?,;:\"”’'»)" or any(ch in line for ch in "“”\""):
        return False
    return True


def section_headings(text: str) -> list[tuple[int, str]]:
    """(offset, heading) of each section heading, skipping the article's title line."""
    headings, offset = [], 0
    for i, paragraph in enumerate(re.split(r"(\n\s*\n)", text)):
        if i % 2 == 0 and offset > 0 and is_heading(paragraph):
            headings.append((offset + len(paragraph) - len(paragraph.lstrip()), paragraph.strip()))
        offset += len(paragraph)
    return headings


def heading_at(headings: list[tuple[int, str]], position: int) -> str | None:
    current = None
    for offset, heading in headings:
        if offset > position:
            break
        current = heading
    return current
