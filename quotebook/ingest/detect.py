"""What an input is: binary or text, which encoding, which format.

The format is decided from the content first and the file name second, so a
saved page called ``article.txt`` is still read as HTML and a feed saved as
``feed.dat`` is still a feed.  Only the first ``SNIFF_BYTES`` are looked at.
"""

from __future__ import annotations

import codecs
import re

FORMATS = ("text", "markdown", "html", "feed", "json", "jsonl", "csv", "warc")
SNIFF_BYTES = 64 * 1024

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "feed", ".atom": "feed",
    ".xml": "feed", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv", ".warc": "warc", ".warc.gz": "warc",
}

# Magic numbers of files that are certainly not articles.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF",
    b"SQLite format 3", b"RIFF", b"\x00\x00\x01\x00", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf",
    b"ID3", b"OggS", b"\x1a\x45\xdf\xa3",
)
_GZIP = b"\x1f\x8b"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(r"<!doctype\s+html|<html\b|<head\b|<body\b", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|article|h1|h2|br|span|a\s+href)\b", re.I)
_JSON_START = re.compile(r'^\s*(?:\[\s*)?\{\s*(?:"|\})|^\s*\[\s*\]')
_MARKDOWN = re.compile(r"^(?:#{1,6}\s+\S|---\s*$|\*\*\S|>\s|\[[^\]]+\]\(http)", re.M)
_CSV_HEADER = re.compile(r"^[^\n]*\b(?:text|content|body)\b[^\n]*[,;\t][^\n]*$|^[^\n]*[,;\t][^\n]*\b(?:text|content|body)\b", re.I)


class NotText(ValueError):
    """The bytes are binary or no encoding makes sense of them."""


def extension_format(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "warc"
    dot = lower.rfind(".")
    return _EXTENSIONS.get(lower[dot:]) if dot >= 0 else None


def bom_encoding(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its every-other-byte zeros (ASCII-heavy text)."""
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zeros = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


# Every byte except the control characters that do not occur in text.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


def binary_reason(head: bytes) -> str | None:
    """Why these leading bytes are not text, or None if they may be."""
    if bom_encoding(head) or utf16_without_bom(head):
        return None
    for magic in _BINARY_MAGIC:
        if head.startswith(magic):
            return "binary file (not text)"
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    sample = head[:8192]
    # Deleting every byte but the control characters counts them at C speed.
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls / len(sample) > 0.05:
        return "binary file (control characters)"
    return None


def guess_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes: BOM, then UTF-8, then charset-normalizer."""
    encoding = bom_encoding(head) or utf16_without_bom(head)
    if encoding:
        return encoding
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A multi-byte character cut off by the sniff window is still UTF-8.
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    return _likeliest_encoding(head[:SNIFF_BYTES])


# Legacy encodings that Western news text most often arrives in; preferred
# when charset-normalizer finds them as plausible as its first pick, because
# on short texts it cannot tell cp1252 from cp1250/cp1257/cp775 on its own.
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


def _likeliest_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise NotText("text in an unknown encoding")
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + 0.02]
    for preferred in _PREFERRED_LEGACY:
        for match in plausible:
            if preferred in match.could_be_from_charset:
                return preferred
    return matches[0].encoding


def decode(data: bytes) -> str:
    """Bytes to text; raises NotText for binary data or a hopeless encoding."""
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise NotText(reason)
    encoding = guess_encoding(data[:SNIFF_BYTES])
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        # The sniff window fooled us; let charset-normalizer judge the whole.
        return data.decode(_likeliest_encoding(data), errors="replace")


def sniff_format(head: bytes, name: str = "", content_type: str | None = None) -> str:
    """The format of an input from its first bytes, its name and any HTTP Content-Type."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(_GZIP):
        # Compressed inputs we understand are WARC archives.
        return "warc"
    by_name = extension_format(name)
    try:
        encoding = guess_encoding(head)
        text = head.decode(encoding, errors="replace")
    except NotText:
        text = head.decode("latin-1")
    start = text.lstrip("\ufeff \t\r\n")[:4096]
    if start.startswith("<"):
        if _HTML_START.search(start[:2048]):
            return "html"
        if _FEED_ROOT.search(start):
            return "feed"
        if by_name in ("html", "feed"):
            return by_name
        return "html" if _HTML_TAGS.search(start) else "feed" if start.startswith("<?xml") else "html"
    if _JSON_START.match(start):
        if by_name == "jsonl":
            return "jsonl"
        first_line = start.split("\n", 1)
        if len(first_line) == 2 and first_line[0].rstrip().endswith("}") and first_line[1].lstrip().startswith("{"):
            return "jsonl"
        return "json"
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype in ("application/rss+xml", "application/atom+xml"):
        return "feed"
    if by_name in ("text", "markdown", "csv"):
        return by_name
    if by_name in ("html", "feed", "json", "jsonl", "warc"):
        # The name promises a structure the content does not have; reading it
        # as that format will report the problem clearly.
        return by_name
    if _CSV_HEADER.match(start):
        return "csv"
    if _MARKDOWN.search(start[:4096]) or ctype == "text/markdown":
        return "markdown"
    return "text"
