"""RSS and Atom feeds: each entry becomes an article.

An entry's full content is used when the feed carries it; otherwise its
summary, or with ``fetch=True`` the page the entry links to.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from quotebook.data import Article, Failure
from quotebook.dates import normalise_date
from quotebook.ingest.html import fragment_text

# Fetches a URL and returns its article (or a Failure); supplied by the caller
# so that this module stays free of network code.
PageFetcher = Callable[[str], "Article | Failure"]


def read_feed(data: bytes, origin: str, *, fetch_page: PageFetcher | None = None) -> Iterator[Article | Failure]:
    """Articles from the bytes of an RSS or Atom document."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") or not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            detail = f": {_one_line(problem)}" if problem else ""
            yield Failure(origin, f"not an RSS/Atom feed{detail}")
        else:
            yield Failure(origin, "feed has no entries", warning=True)
        return
    source = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(entries, 1):
        yield _entry_article(entry, origin, source, number, fetch_page)


def _one_line(value: object) -> str:
    return " ".join(str(value).split())[:200]


def _entry_article(entry, origin: str, source: str | None, number: int, fetch_page: PageFetcher | None) -> Article | Failure:
    title = " ".join((entry.get("title") or "").split()) or None
    link = entry.get("link") or None
    date, precision = _entry_date(entry)
    content = _full_content(entry)
    text = fragment_text(content) if content else ""
    if not content and fetch_page and link:
        page = fetch_page(link)
        if isinstance(page, Article):
            # The feed's own metadata is authoritative; the page fills gaps.
            return Article(
                text=page.text,
                title=title or page.title,
                date=date or page.date,
                date_precision=precision if date else page.date_precision,
                url=page.url or link,
                source=source or page.source,
                author=entry.get("author") or page.author,
                origin=origin,
                fmt="feed",
            )
        # Fall back to the summary, but say the page could not be read.
        text = fragment_text(entry.get("summary") or "")
        if not text:
            return Failure(origin, f"entry {number} ({link}): {page.message}")
    if not text:
        text = fragment_text(entry.get("summary") or "")
    if not text:
        return Failure(origin, f"entry {number} ({title or link or 'untitled'}): no text", warning=True)
    return Article(
        text=text,
        title=title,
        date=date,
        date_precision=precision,
        url=link,
        source=source,
        author=entry.get("author") or None,
        origin=origin,
        fmt="feed",
    )


def _full_content(entry) -> str:
    """The entry's full body (content:encoded, Atom content), or '' if it has only a summary."""
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    # feedparser copies the summary into content for some feeds; that is not a body.
    return best if best and best.strip() != summary.strip() or len(best) > len(summary) else ""


def _entry_date(entry) -> tuple[str | None, str | None]:
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if value:
            date, precision = normalise_date(value)
            if date:
                return date, precision
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed), "day"
    return None, None
