"""Web pages: trafilatura finds the article body and its metadata.

trafilatura's XML output is used rather than its plain text because the XML
keeps paragraphs apart (plain text joins them with single newlines) and marks
blockquotes, which is what lets pull-quotes be recognised and dropped.
"""

from __future__ import annotations

import re

from quotebook.data import Article
from quotebook.dates import normalise_date

_BLOCKS = {"p", "head", "quote", "item", "code", "row"}
_WORD = re.compile(r"[^\w]+")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Below this much body text a "page" is navigation left over by the extractor.
MIN_ARTICLE_CHARS = 40
# Shorter paragraphs ("Read more.", "He declined.") may honestly recur.
_MIN_DUPLICATE_CHARS = 25


class NoArticleText(ValueError):
    """The page has no main text trafilatura can find."""


def parse_html(html: str | bytes, origin: str, *, url: str | None = None, fmt: str = "html") -> Article:
    """One article from a page; raises NoArticleText when it has no body text."""
    import trafilatura
    from lxml import etree

    if isinstance(html, bytes):
        html = decode_html(html)
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if not xml:
        raise NoArticleText("no article text found in the page")
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    paragraphs = drop_repeated_paragraphs(_block_texts(main if main is not None else doc))
    if sum(len(p) for p in paragraphs) < MIN_ARTICLE_CHARS:
        raise NoArticleText("no article text found in the page")
    date, precision = normalise_date(doc.get("date"))
    return Article(
        text="\n\n".join(paragraphs),
        title=_clean(doc.get("title")),
        date=date,
        date_precision=precision,
        url=doc.get("url") or url,
        source=_clean(doc.get("sitename")) or _clean(doc.get("hostname")),
        author=_clean(doc.get("author")),
        origin=origin,
        fmt=fmt,
    )


def decode_html(data: bytes) -> str:
    """Page bytes to text: a BOM, then the page's own <meta charset>, then a guess."""
    import codecs

    from quotebook.ingest.detect import bom_encoding, decode

    if not bom_encoding(data):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                name = codecs.lookup(declared.group(1).decode("ascii")).name
                # Pages that declare latin-1 are, in practice, cp1252 (as browsers assume).
                return data.decode("cp1252" if name in ("latin-1", "iso8859-1") else name, errors="replace")
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data)


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _block_texts(root) -> list[tuple[str, str]]:
    """(tag, text) of each block element in document order; nested blocks stand alone."""
    found: list[tuple[str, str]] = []
    for element in root.iter():
        if element.tag not in _BLOCKS:
            continue
        if any(child.tag in _BLOCKS for child in element.iter() if child is not element):
            # A quote holding paragraphs: its paragraphs are visited themselves,
            # but text sitting directly in the quote must not be lost.
            own = (element.text or "").strip()
            if own:
                found.append((element.tag, " ".join(own.split())))
            continue
        text = _element_text(element)
        if text:
            found.append((element.tag, text))
    return found


def _element_text(element) -> str:
    parts: list[str] = []
    for node in element.iter():
        if node is not element and node.tag == "lb":
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _normalised(text: str) -> str:
    return _WORD.sub(" ", text.casefold()).strip()


def drop_repeated_paragraphs(blocks: list[tuple[str, str]]) -> list[str]:
    """Drop blockquotes and paragraphs whose words already appear elsewhere in the body.

    A pull-quote repeats a sentence of the body in large type; keeping both
    would make the extractor find the same quotation twice.  The copy is
    dropped wherever it sits, and the fuller paragraph is kept.
    """
    normal = [_normalised(text) for _, text in blocks]
    kept: list[str] = []
    seen_exact: set[str] = set()
    for i, (tag, text) in enumerate(blocks):
        key = normal[i]
        if not key:
            continue
        if key in seen_exact and len(key) >= _MIN_DUPLICATE_CHARS:
            continue
        contained = len(key) >= _MIN_DUPLICATE_CHARS and any(
            j != i and len(normal[j]) > len(key) and key in normal[j] for j in range(len(blocks))
        )
        if contained or (tag == "quote" and key in seen_exact):
            continue
        seen_exact.add(key)
        kept.append(text)
    return kept


_FRAGMENT_BLOCKS = {
    "p", "div", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "article", "section", "figure", "figcaption", "table", "tr", "ul", "ol", "header", "footer",
}


def fragment_text(fragment: str) -> str:
    """Paragraph text of an HTML fragment such as a feed entry's content.

    trafilatura is built for whole pages and discards short fragments as
    boilerplate, so fragments are flattened directly with lxml.
    """
    from lxml import html as lxml_html

    from quotebook.ingest.text import clean_text

    if "<" not in fragment:
        return clean_text(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several unrelated types on junk markup
        return clean_text(re.sub(r"<[^>]+>", " ", fragment))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _FRAGMENT_BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    # Inside a paragraph, source line wrapping is not a line break.
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
