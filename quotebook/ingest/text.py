"""Plain text and Markdown articles.

The title is the first line (or the first Markdown heading) and stays in the
text as its first paragraph, so quote offsets count from the real top of the
file.  Markdown loses its markup (heading hashes, emphasis, link targets) but
keeps its paragraphs; YAML-style front matter supplies metadata.
"""

from __future__ import annotations

import re

from quotebook.data import Article
from quotebook.dates import normalise_date

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEYS = {
    "title": "title", "date": "date", "published": "date", "author": "author",
    "url": "url", "link": "url", "source": "source", "publisher": "source", "site": "source",
}

_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_SETEXT = re.compile(r"^(.+)\n(?:=+|-+)[ \t]*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.M | re.S)
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_MD_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each with its inner lines kept."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def clean_text(text: str) -> str:
    """Unix newlines, no trailing spaces, paragraphs separated by exactly one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return "\n\n".join(paragraphs_of(text))


def parse_text(raw: str, origin: str, *, fmt: str = "text") -> Article | None:
    """One article from plain text or Markdown; None when there is no text."""
    metadata: dict[str, str] = {}
    if fmt == "markdown":
        raw, metadata = _split_front_matter(raw.replace("\r\n", "\n"))
        raw = markdown_to_text(raw)
    text = clean_text(raw)
    if not text:
        return None
    title = metadata.get("title") or _first_line(text)
    date, precision = normalise_date(metadata.get("date"))
    return Article(
        text=text,
        title=title,
        date=date,
        date_precision=precision,
        url=metadata.get("url"),
        source=metadata.get("source"),
        author=metadata.get("author"),
        origin=origin,
        fmt=fmt,
    )


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0].strip()
    return line[:300]


def _split_front_matter(raw: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(raw)
    if not match:
        return raw, {}
    metadata: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        if sep and field and field not in metadata:
            value = value.strip().strip("'\"")
            if value:
                metadata[field] = value
    return raw[match.end():], metadata


def markdown_to_text(raw: str) -> str:
    """Markdown to plain paragraphs; headings stay as their own paragraph."""
    raw = _MD_HTML_COMMENT.sub("", raw)
    raw = _MD_FENCE.sub("", raw)
    # Setext headings ("Title\n=====") become plain heading paragraphs.
    raw = _MD_SETEXT.sub(lambda m: m.group(1) + "\n", raw)
    raw = _MD_RULE.sub("", raw)
    raw = _MD_HEADING.sub(lambda m: "\n" + m.group(1) + "\n", raw)
    raw = _MD_BLOCKQUOTE.sub("", raw)
    raw = _MD_IMAGE.sub("", raw)
    raw = _MD_LINK.sub(r"\1", raw)
    raw = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3), raw)
    return raw
