"""Commands that list what the database holds: search, quotes, topics, articles, export, timeline."""

from __future__ import annotations

import sys

import click

from quotebook.cli.options import State, filter_options, pass_state, resolve_filters
from quotebook.errors import QuotebookError
from quotebook.render import emit, output_options

QUOTE_COLUMNS = [("id", "ID"), ("quote", "Quote"), ("speaker", "Speaker"), ("date", "Date"),
                 ("article_title", "Article")]
QUOTE_STYLES = {"id": "dim", "speaker": "cyan", "date": "green"}


def quote_rows(quotes, highlighted: bool = False) -> list[dict]:
    """Rows for emit; for a table (highlighted) the article says where else it was reported."""
    rows = []
    for q in quotes:
        row = q.to_json()
        if highlighted and q.highlighted:
            row["quote"] = q.highlighted
        if highlighted and q.reports > 1:
            row["article_title"] = f"{q.article_title or ''}\n({reports_note(q)})".lstrip()
        rows.append(row)
    return rows


def reports_note(q) -> str:
    return f"reported in {q.reports} articles, first on {q.first_reported}" if q.reports > 1 else ""


@click.command()
@click.argument("query")
@filter_options
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@output_options
@pass_state
def search(state: State, query, speaker, topic, since, until, source, kind, limit, sort, fmt) -> None:
    """Full-text search, typo-tolerant, ranked by relevance.

    \b
    Examples:
      quotebook search sanctions
      quotebook search '"sanctions relief" -oil' --since 2020
      quotebook search sanctons --speaker pompeo --json
    """
    filters = resolve_filters(state, speaker, since, until)
    results = state.book.search(query, limit=limit, topic=topic, source=source, kind=kind,
                                sort=sort, **filters)
    if results.corrected:
        click.echo(f"showing results for {results.corrected}", err=True)
    for note in results.notes:
        click.echo(note, err=True)
    emit(quote_rows(results.quotes, highlighted=not fmt), fmt, QUOTE_COLUMNS, styles=QUOTE_STYLES,
         empty="No quotes found.")


@click.command()
@filter_options
@output_options
@pass_state
def quotes(state: State, speaker, topic, since, until, source, kind, limit, fmt) -> None:
    """List quotes, newest first.

    \b
    Examples:
      quotebook quotes --speaker pompeo
      quotebook quotes --topic sanctions --since 2020-01 --csv > sanctions.csv
    """
    filters = resolve_filters(state, speaker, since, until)
    found = state.book.quotes(topic=topic, source=source, kind=kind, limit=limit or None, **filters)
    emit(quote_rows(found, highlighted=not fmt), fmt, QUOTE_COLUMNS, styles=QUOTE_STYLES,
         empty="No quotes found.")


@click.command()
@click.option("--speaker", help="Only quotes by this speaker.")
@click.option("--since", help="Only quotes from this date.")
@click.option("--until", help="Only quotes up to this date.")
@click.option("--source", help="Only articles from this publisher.")
@click.option("-n", "--limit", default=0, type=click.IntRange(0), help="How many (0: all).")
@output_options
@pass_state
def topics(state: State, speaker, since, until, source, limit, fmt) -> None:
    """List topics with their quote counts.

    \b
    Examples:
      quotebook topics
      quotebook topics --speaker pompeo --json
    """
    filters = resolve_filters(state, speaker, since, until)
    rows = state.book.topic_counts(limit=limit or None, source=source, **filters)
    emit(rows, fmt, [("topic", "Topic"), ("quotes", "Quotes"), ("sources", "From")],
         styles={"topic": "magenta"}, empty="No topics yet.")


@click.command()
@click.option("--speaker", help="Only articles quoting this speaker.")
@click.option("--topic", help="Only articles with quotes on this topic.")
@click.option("--since", help="Published from this date.")
@click.option("--until", help="Published up to this date.")
@click.option("--source", help="Only this publisher.")
@click.option("-n", "--limit", default=20, show_default=True, type=click.IntRange(0), help="How many (0: all).")
@output_options
@pass_state
def articles(state: State, speaker, topic, since, until, source, limit, fmt) -> None:
    """List imported articles with their quote counts.

    \b
    Examples:
      quotebook articles
      quotebook articles --speaker pompeo --csv
    """
    filters = resolve_filters(state, speaker, since, until)
    rows = state.book.articles(limit=limit or None, topic=topic, source=source, **filters)
    emit(rows, fmt, [("id", "ID"), ("title", "Title"), ("source", "Source"), ("date", "Date"),
                     ("quotes", "Quotes")], styles={"id": "dim", "date": "green"},
         empty="No articles found.")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv", "markdown"]), default="jsonl",
              show_default=True, help="json/jsonl are complete and can be imported again.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--query", help="Only quotes matching this search.")
@click.option("--speaker", help="Only quotes by this speaker.")
@click.option("--topic", help="Only quotes with this topic.")
@click.option("--since", help="From this date.")
@click.option("--until", help="Up to this date.")
@click.option("--source", help="Only articles from this publisher.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]), help="Only this kind of quote.")
@pass_state
def export(state: State, fmt, output, query, speaker, topic, since, until, source, kind) -> None:
    """Export quotes as JSON lines, JSON, CSV or Markdown.

    \b
    Examples:
      quotebook export -o backup.jsonl
      quotebook --db new.db import backup.jsonl        # restores it, curation included
      quotebook export --format csv --speaker pompeo --topic sanctions > pompeo.csv
    """
    from quotebook.export import write_export

    filters = resolve_filters(state, speaker, since, until)
    filters.update(topic=topic, source=source, kind=kind)
    filters = {k: v for k, v in filters.items() if v is not None}
    if output:
        try:
            handle = open(output, "w", encoding="utf-8", newline="")
        except OSError as ex:
            raise QuotebookError(f"{output}: {ex.strerror or ex}") from None
        with handle:
            count = write_export(state.book, handle, fmt, query=query, **filters)
        click.echo(f"Exported {count} quotes to {output}", err=True)
    else:
        write_export(state.book, sys.stdout, fmt, query=query, **filters)


@click.command()
@click.option("--speaker", help="Only quotes by this speaker.")
@click.option("--topic", help="Only quotes with this topic.")
@click.option("--since", help="From this date.")
@click.option("--until", help="Up to this date.")
@click.option("--source", help="Only articles from this publisher.")
@click.option("--by", type=click.Choice(["month", "year"]), default="month", show_default=True)
@output_options
@pass_state
def timeline(state: State, speaker, topic, since, until, source, by, fmt) -> None:
    """Chart quotes per month or year.

    \b
    Examples:
      quotebook timeline --speaker pompeo --by year
      quotebook timeline --topic sanctions --json
    """
    from quotebook.timeline import timeline as count_by_period

    filters = resolve_filters(state, speaker, since, until)
    rows, undated = count_by_period(state.book, by=by, topic=topic, source=source, **filters)
    if undated and not fmt:
        click.echo(f"{undated} undated quote{'s' if undated != 1 else ''} not shown", err=True)
    from quotebook.render import emit_bars

    emit_bars(rows, fmt, "period", "quotes", title=f"Quotes by {by}", empty="No dated quotes found.")
