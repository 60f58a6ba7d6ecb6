"""From an Article to the Quotes to store: extract, then date and give topics."""

from __future__ import annotations

from dataclasses import replace

from quotebook.data import Article, Quote
from quotebook.extract import extract_quotes
from quotebook.topics import heading_at, load_taxonomy, section_headings


def process_article(article: Article, *, taxonomy: str | None = None) -> list[Quote]:
    from quotebook.dates import dateline, quote_date

    text = article.text
    quotes = extract_quotes(text, title=article.title)
    if not quotes:
        return []
    headings = section_headings(text)
    topics = load_taxonomy(taxonomy)
    # An undated article's quotes fall back on the day its opening names.
    fallback = None if article.date else dateline(text)
    done = []
    for quote in quotes:
        date, precision, source = quote_date(text, quote.start, quote.end, article.date)
        if source == "none" and fallback:
            (date, precision), source = fallback, "dateline"
        found: list[tuple[str, str]] = []
        heading = heading_at(headings, quote.start)
        if heading:
            found.append((heading.lower(), "heading"))
        found += [(t, "taxonomy") for t in topics.topics_for(quote.text)]
        found += [(t, "user") for t in article.topics]
        seen: set[str] = set()
        unique = [(t, s) for t, s in found if not (t in seen or seen.add(t))]
        done.append(replace(quote, date=date, date_precision=precision, date_source=source,
                            topics=tuple(unique)))
    return done
