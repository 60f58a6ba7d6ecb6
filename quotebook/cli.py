"""The quotebook command line: parse options, call the library, hand results to render."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace

import click

from quotebook import __version__
from quotebook.render import emit, output_options, write_machine
from quotebook.store import QuotebookError, resolve_db_path


class State:
    """The database named by --db / $QUOTEBOOK_DB / the default, opened on first use."""

    def __init__(self, db_option: str | None):
        self.path, self.reason = resolve_db_path(db_option)
        self._book = None

    @property
    def book(self):
        if self._book is None:
            from quotebook.store import Quotebook

            self._book = Quotebook(self.path, create_parent=self.reason == "default")
        return self._book

    def close(self) -> None:
        if self._book is not None:
            self._book.close()


pass_state = click.make_pass_decorator(State)


class QuotebookGroup(click.Group):
    """Turns the library's user errors into one-line click errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except QuotebookError as ex:
            raise click.ClickException(str(ex)) from None


@click.group(cls=QuotebookGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotebook")
@click.option("--db", "db_option", metavar="PATH", help="Database file (else $QUOTEBOOK_DB, else the default).")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """Keep track of who said what: import news, extract quotations, search them."""
    state = State(db_option)
    ctx.obj = state
    ctx.call_on_close(state.close)


@cli.command()
@pass_state
def path(state: State) -> None:
    """Print the path of the database in use."""
    click.echo(str(state.path))


# -- import ---------------------------------------------------------------------

@cli.command(name="import")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL|-...")
@click.option("--title", help="Title for the article (single input).")
@click.option("--date", "date", help="Publication date, overriding what the input says.")
@click.option("--url", help="URL of the article (single input).")
@click.option("--source", help="Publisher, e.g. 'Reuters'.")
@click.option("--topic", "topics", multiple=True, help="Tag every quote with this topic (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html", "feed", "json", "jsonl", "csv", "warc"]),
              help="Force the input format instead of detecting it.")
@click.option("--fetch", is_flag=True, help="Download linked pages for feed entries with only a summary.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@pass_state
def import_(state: State, inputs, title, date, url, source, topics, fmt, fetch, quiet) -> None:
    """Import articles from files, directories, URLs, feeds or stdin (-).

    \b
    Examples:
      quotebook import article.txt saved-page.html
      quotebook import ~/archive/ --source Reuters
      quotebook import https://example.com/feed.xml --fetch
      cat story.md | quotebook import - --title "Budget talks" --date 2024-03-01
    """
    from quotebook.importer import import_inputs

    overrides = {"title": title, "url": url, "source": source}
    if date:
        from quotebook.dates import normalise_date

        iso, precision = normalise_date(date)
        if not iso:
            raise click.BadParameter(f"cannot read date {date!r}", param_hint="--date")
        overrides.update(date=iso, date_precision=precision)
    summary = import_inputs(state.book, inputs, fmt=fmt, fetch=fetch, overrides=overrides,
                            topics=topics, progress=not quiet and sys.stderr.isatty())
    summary.print()
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


# -- extract --------------------------------------------------------------------

def quote_json(quote) -> dict:
    return {
        "quote": quote.text, "start": quote.start, "end": quote.end,
        "spans": [list(s) for s in quote.spans], "kind": quote.kind,
        "speaker": quote.speaker, "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end, "mention": quote.mention, "role": quote.role,
        "speaker_type": quote.speaker_type, "cue": quote.cue,
        "confidence": round(quote.confidence, 3),
    }


@cli.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--json", "as_json", is_flag=True, help="Print the quotes as a JSON array.")
@click.option("--jsonl", "as_jsonl", is_flag=True,
              help='Read JSON lines {"id", "text"} and write {"id", "quotes"} lines.')
def extract(source: str, as_json: bool, as_jsonl: bool) -> None:
    """Find quotations in a text without touching the database.

    \b
    Examples:
      quotebook extract examples/pompeo-minsk.txt
      quotebook extract article.txt --json | jq '.[].speaker'
      quotebook extract --jsonl articles.jsonl > quotes.jsonl
    """
    from quotebook.extract import extract_quotes

    if as_jsonl:
        failed = _extract_jsonl(source, extract_quotes)
        sys.exit(1 if failed else 0)
    from quotebook.ingest import read_inputs
    from quotebook.data import Failure

    found = []
    for item in read_inputs([source]):
        if isinstance(item, Failure):
            click.echo(f"error: {item.origin}: {item.message}", err=True)
            sys.exit(1)
        found.append((item, extract_quotes(item.text, title=item.title)))
    if as_json:
        rows = [quote_json(q) for _, quotes in found for q in quotes]
        write_machine(rows, "json")
        return
    rows = [{"n": i + 1, "quote": q.text, "speaker": q.speaker or (q.mention and f"({q.mention})") or "unknown",
             "kind": q.kind, "cue": q.cue, "confidence": f"{q.confidence:.2f}"}
            for _, quotes in found for i, q in enumerate(quotes)]
    emit(rows, None, [("n", "#"), ("quote", "Quote"), ("speaker", "Speaker"), ("kind", "Kind"),
                      ("cue", "Cue"), ("confidence", "Conf.")],
         styles={"speaker": "cyan"}, empty="No quotations found.")


def _extract_jsonl(source: str, extract_quotes) -> int:
    stream = sys.stdin if source == "-" else None
    failed = 0
    try:
        handle = stream or open(source, encoding="utf-8", errors="replace")
    except OSError as ex:
        raise QuotebookError(f"{source}: {ex.strerror or ex}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                doc_id = doc.get("id", doc.get("doc_id"))
                text = doc["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError, AttributeError) as ex:
                click.echo(f"error: {source}:{number}: not an article object ({ex})", err=True)
                failed += 1
                continue
            quotes = extract_quotes(text, title=doc.get("title"))
            sys.stdout.write(json.dumps({"id": doc_id, "quotes": [quote_json(q) for q in quotes]},
                                        ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return failed


# -- search and listings --------------------------------------------------------

QUOTE_COLUMNS = [("id", "ID"), ("quote", "Quote"), ("speaker", "Speaker"), ("date", "Date"),
                 ("article_title", "Article")]
QUOTE_STYLES = {"id": "dim", "speaker": "cyan", "date": "green"}


def filter_options(command):
    for option in reversed([
        click.option("--speaker", help="Only quotes by this speaker (forgiving: surname, nickname, typo)."),
        click.option("--topic", help="Only quotes with this topic."),
        click.option("--since", help="From this date: 2020-02-01, 2020-02, 2020, 'last month'."),
        click.option("--until", help="Up to this date, inclusive."),
        click.option("--source", help="Only articles from this publisher."),
        click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]), help="Only this kind of quote."),
        click.option("-n", "--limit", default=20, show_default=True, type=click.IntRange(0), help="How many results."),
    ]):
        command = option(command)
    return command


def resolve_filters(state: State, speaker, since, until) -> dict:
    from quotebook.search import parse_date_bound, resolve_speaker

    filters: dict = {}
    if speaker:
        match = resolve_speaker(state.book.conn, speaker)
        if match.ambiguous:
            raise QuotebookError(f"{speaker!r} could mean: {', '.join(match.names)}; give the full name")
        if not match.ids:
            hint = f"; did you mean: {', '.join(match.suggestions)}?" if match.suggestions else ""
            raise QuotebookError(f"no speaker matches {speaker!r}{hint}")
        filters["speaker_ids"] = match.ids
    if since:
        filters["since"] = parse_date_bound(since)
    if until:
        filters["until"] = parse_date_bound(until, end=True)
    return filters


def quote_rows(quotes, highlighted: bool = False) -> list[dict]:
    rows = []
    for q in quotes:
        row = q.to_json()
        if highlighted and q.highlighted:
            row["quote"] = q.highlighted
        rows.append(row)
    return rows


def reports_note(q) -> str:
    return f"reported in {q.reports} articles, first on {q.first_reported}" if q.reports > 1 else ""


@cli.command()
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


@cli.command()
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
    emit(quote_rows(found), fmt, QUOTE_COLUMNS, styles=QUOTE_STYLES, empty="No quotes found.")


@cli.command()
@click.option("-n", "--limit", default=0, type=click.IntRange(0), help="How many (0: all).")
@output_options
@pass_state
def speakers(state: State, limit, fmt) -> None:
    """List speakers with their quote counts and first and last dates.

    \b
    Example:
      quotebook speakers --json
    """
    rows = state.book.speakers(limit=limit or None)
    emit(rows, fmt, [("name", "Speaker"), ("quotes", "Quotes"), ("first", "First"), ("last", "Last")],
         styles={"name": "cyan"}, empty="No speakers yet.")


@cli.command()
@click.argument("quote_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the quote as a JSON object.")
@pass_state
def show(state: State, quote_id: int, as_json: bool) -> None:
    """Show one quote with its speaker, date, topics, article and context.

    \b
    Example:
      quotebook show 4
    """
    book = state.book
    quote = book.get_quote(quote_id)
    if quote is None:
        raise QuotebookError(f"no quote with id {quote_id}")
    context = book.paragraph_around(quote)
    data = quote.to_json() | {"context": context}
    if as_json:
        write_machine([data], "nl")
        return
    from rich.panel import Panel
    from rich.table import Table

    from quotebook.render import console

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    speaker = quote.speaker or (f"unknown ({quote.mention})" if quote.mention else "unknown")
    date_note = {"text": "named in the text", "publication": "publication date",
                 "user": "set by hand", "none": "unknown"}.get(quote.date_source or "none", quote.date_source)
    for label, value in [
        ("Speaker", speaker), ("Role", quote.role), ("Said", f"{quote.date or 'unknown'} ({date_note})"),
        ("Kind", f"{quote.kind}, cue {quote.cue!r}, confidence {quote.confidence or 0:.2f}"),
        ("Topics", ", ".join(quote.topics)), ("Article", quote.article_title),
        ("Source", quote.source), ("URL", quote.article_url), ("Reports", reports_note(quote)),
    ]:
        if value:
            grid.add_row(label, str(value))
    out = console()
    out.print(Panel(quote.text, title=f"Quote {quote.id}", border_style="cyan"))
    out.print(grid)
    out.print(Panel(context, title="Context", border_style="dim"))


def main() -> None:
    """Entry point: user errors become one line on stderr; a closed pipe ends quietly."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as ex:
        ex.show()
        sys.exit(ex.exit_code)
    except click.exceptions.Exit as ex:
        sys.exit(ex.exit_code)
    except QuotebookError as ex:
        click.echo(f"Error: {ex}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
