"""The quotebook command line: parse options, call the library, hand results to render."""

from __future__ import annotations

import json
import os
import sys

import click

from quotebook import __version__
from quotebook.render import emit, output_options, write_machine
from quotebook.errors import QuotebookError, resolve_db_path


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
@click.option("--taxonomy", type=click.Path(dir_okay=False), envvar="QUOTEBOOK_TAXONOMY",
              help="Your own topic taxonomy (TOML), added to the shipped one [$QUOTEBOOK_TAXONOMY].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@pass_state
def import_(state: State, inputs, title, date, url, source, topics, fmt, fetch, taxonomy, quiet) -> None:
    """Import articles from files, directories, URLs, feeds or stdin.

    \b
    Examples:
      quotebook import article.txt saved-page.html
      quotebook import ~/archive/ --source Reuters --taxonomy my-topics.toml
      quotebook import https://example.com/feed.xml --fetch
      cat story.md | quotebook import - --title "Budget talks" --date 2024-03-01
      quotebook import backup.jsonl        # an export: restored as it was, no re-extraction
    """
    if taxonomy:
        from quotebook.topics import load_taxonomy

        load_taxonomy(taxonomy)  # a bad file is one error line before anything is imported
    from quotebook.importer import import_inputs

    overrides = {"title": title, "url": url, "source": source}
    if date:
        from quotebook.dates import normalise_date

        iso, precision = normalise_date(date)
        if not iso:
            raise click.BadParameter(f"cannot read date {date!r}", param_hint="--date")
        overrides.update(date=iso, date_precision=precision)
    summary = import_inputs(state.book, inputs, fmt=fmt, fetch=fetch, overrides=overrides,
                            topics=topics, taxonomy=taxonomy,
                            progress=not quiet and sys.stderr.isatty())
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
    emit(quote_rows(found, highlighted=not fmt), fmt, QUOTE_COLUMNS, styles=QUOTE_STYLES,
         empty="No quotes found.")


@cli.group(invoke_without_command=True)
@click.option("--duplicates", is_flag=True, help="List pairs of speakers who are probably one person.")
@click.option("--topic", help="Only speakers quoted on this topic.")
@click.option("--since", help="Only quotes from this date.")
@click.option("--until", help="Only quotes up to this date.")
@click.option("--source", help="Only quotes from this publisher.")
@click.option("-n", "--limit", default=0, type=click.IntRange(0), help="How many (0: all).")
@output_options
@click.pass_context
def speakers(ctx: click.Context, duplicates, topic, since, until, source, limit, fmt) -> None:
    """List speakers; merge, rename, alias and show them.

    \b
    Examples:
      quotebook speakers --topic sanctions --json
      quotebook speakers --duplicates
      quotebook speakers show pompeo
      quotebook speakers merge "Michael Pompeo" "Mike Pompeo"
    """
    if ctx.invoked_subcommand is not None:
        return
    state = ctx.find_object(State)
    if duplicates:
        from quotebook.speakers import likely_duplicates

        rows = [d.to_json() for d in likely_duplicates(state.book)][: limit or None]
        emit(rows, fmt, [("first", "Speaker"), ("second", "Probably the same as"), ("reason", "Why"),
                         ("score", "Score")], styles={"first": "cyan", "second": "cyan"},
             empty="No likely duplicates.")
        return
    filters = resolve_filters(state, None, since, until)
    rows = state.book.speakers(limit=limit or None, topic=topic, source=source, **filters)
    emit(rows, fmt, [("name", "Speaker"), ("quotes", "Quotes"), ("first", "First"), ("last", "Last")],
         styles={"name": "cyan"}, empty="No speakers yet.")


@speakers.command(name="show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the speaker as a JSON object.")
@pass_state
def speakers_show(state: State, name: str, as_json: bool) -> None:
    """Show a speaker's aliases, dated roles, quotes and topics.

    \b
    Example:
      quotebook speakers show "Michael Pompeo"
    """
    from quotebook.speakers import speaker_profile

    profile = speaker_profile(state.book, name)
    if as_json:
        write_machine([profile], "nl")
        return
    from rich.table import Table

    from quotebook.render import console

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    span = f" ({profile['first']} to {profile['last']})" if profile["first"] else ""
    grid.add_row("Speaker", f"[cyan]{profile['name']}[/] ({profile['kind']})")
    grid.add_row("Quotes", f"{profile['quotes']}{span}")
    if profile["aliases"]:
        grid.add_row("Also", ", ".join(profile["aliases"]))
    for role in profile["roles"]:
        grid.add_row("Role", f"{role['role']}, {role['date'] or 'undated'}"
                     + (f" ({role['article_title']})" if role["article_title"] else ""))
    if profile["topics"]:
        grid.add_row("Topics", ", ".join(f"{t['topic']} ({t['quotes']})" for t in profile["topics"]))
    console().print(grid)


@speakers.command(name="merge")
@click.argument("keep")
@click.argument("other")
@pass_state
def speakers_merge(state: State, keep: str, other: str) -> None:
    """Merge speaker OTHER into KEEP; OTHER's name becomes an alias.

    \b
    Example:
      quotebook speakers merge "Michael Pompeo" "Mike Pompeo"
    """
    from quotebook.speakers import merge_speakers

    name = merge_speakers(state.book, keep, other)
    click.echo(f"Merged {other!r} into {name}", err=True)


@speakers.command(name="rename")
@click.argument("name")
@click.argument("new_name")
@pass_state
def speakers_rename(state: State, name: str, new_name: str) -> None:
    """Give a speaker a new name; the old one is kept as an alias.

    \b
    Example:
      quotebook speakers rename "Mike Pompeo" "Michael R. Pompeo"
    """
    from quotebook.speakers import rename_speaker

    click.echo(f"Renamed to {rename_speaker(state.book, name, new_name)}", err=True)


@speakers.command(name="alias")
@click.argument("name")
@click.argument("alias")
@pass_state
def speakers_alias(state: State, name: str, alias: str) -> None:
    """Record another name a speaker goes by.

    \b
    Example:
      quotebook speakers alias "Michael Pompeo" "Mike Pompeo"
    """
    from quotebook.speakers import alias_speaker

    click.echo(f"{alias!r} is now an alias of {alias_speaker(state.book, name, alias)}", err=True)


@cli.command()
@click.argument("quote_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the quote as a JSON object.")
@pass_state
def show(state: State, quote_id: int, as_json: bool) -> None:
    """Show one quote with its context, reports and history.

    \b
    Example:
      quotebook show 4
    """
    book = state.book
    quote = book.get_quote(quote_id)
    if quote is None:
        raise QuotebookError(f"no quote with id {quote_id}")
    context = book.paragraph_around(quote)
    from quotebook.curate import audit_log

    reports = book.reports(quote_id)
    history = audit_log(book, quote_id)
    data = quote.to_json() | {"context": context, "reported_in": reports, "history": history}
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
                 "user": "set by hand", "dateline": "the day the article names at its top", "none": "unknown"}.get(quote.date_source or "none", quote.date_source)
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
    if len(reports) > 1:
        table = Table(title=f"Reported in {quote.reports} articles", title_justify="left")
        for header in ("ID", "Date", "Article", "Source", "Wording"):
            table.add_column(header, overflow="fold")
        for r in reports:
            table.add_row(str(r["id"]), r["published"] or r["date"] or "", r["article_title"] or "",
                          r["source"] or "", r["quote"])
        out.print(table)
    if history:
        table = Table(title="History", title_justify="left")
        for header in ("When", "Change", "Old", "New"):
            table.add_column(header, overflow="fold")
        for h in reversed(history):
            table.add_row(h["at"], f"{h['action']} {h['field'] or ''}".strip(), h["old"] or "", h["new"] or "")
        out.print(table)


# -- topics -----------------------------------------------------------------------

@cli.command()
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


@cli.command()
@click.argument("quote_id", type=int)
@click.argument("topic")
@pass_state
def tag(state: State, quote_id: int, topic: str) -> None:
    """Give a quote a topic of your own.

    \b
    Example:
      quotebook tag 4 belarus
    """
    from quotebook.curate import tag_quote

    added = tag_quote(state.book, quote_id, topic)
    click.echo(f"Tagged quote {quote_id} with {topic!r}" if added
               else f"Quote {quote_id} already has the topic {topic!r}", err=True)


@cli.command()
@click.argument("quote_id", type=int)
@click.argument("topic")
@pass_state
def untag(state: State, quote_id: int, topic: str) -> None:
    """Take a topic off a quote, whichever source gave it.

    \b
    Example:
      quotebook untag 4 energy
    """
    from quotebook.curate import untag_quote

    if not untag_quote(state.book, quote_id, topic):
        raise QuotebookError(f"quote {quote_id} does not have the topic {topic!r}")
    click.echo(f"Removed {topic!r} from quote {quote_id}", err=True)


@cli.command()
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


# -- curation ---------------------------------------------------------------------

@cli.command()
@click.argument("quote_id", type=int)
@click.option("--speaker", help="Who said it (applies to every report of the quotation).")
@click.option("--date", "date", help="When it was said: 2020-02-01, 2020-02, 'Feb 1 2020'.")
@click.option("--text", help="The quotation's words.")
@pass_state
def edit(state: State, quote_id: int, speaker, date, text) -> None:
    """Correct a quote's speaker, date or text (audited).

    \b
    Examples:
      quotebook edit 4 --speaker "Vladimir Makei"
      quotebook edit 4 --date 2020-02-01
    """
    if speaker is None and date is None and text is None:
        raise click.UsageError("give at least one of --speaker, --date, --text")
    from quotebook.curate import edit_quote

    changes = edit_quote(state.book, quote_id, speaker=speaker, date=date, text=text)
    for field, old, new in changes:
        click.echo(f"quote {quote_id}: {field} {old!r} -> {new!r}", err=True)
    if not changes:
        click.echo(f"quote {quote_id}: nothing changed", err=True)


@cli.command()
@click.argument("quote_id", type=int)
@click.option("--all-reports", is_flag=True, help="Delete every article's report of this quotation.")
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_state
def delete(state: State, quote_id: int, all_reports: bool, yes: bool) -> None:
    """Delete a quote (it stays in the audit log).

    \b
    Example:
      quotebook delete 4 --yes
    """
    from quotebook.curate import delete_quote

    quote = state.book.get_quote(quote_id)
    if quote is None:
        raise QuotebookError(f"no quote with id {quote_id}")
    if not yes and sys.stdin.isatty():
        click.confirm(f"Delete quote {quote_id} ({quote.speaker or 'unknown'}: {quote.text[:60]!r})?",
                      abort=True, err=True)
    deleted = delete_quote(state.book, quote_id, all_reports=all_reports)
    click.echo(f"Deleted {len(deleted)} quote{'s' if len(deleted) != 1 else ''}: "
               f"{', '.join(map(str, deleted))}", err=True)


@cli.command(name="audit")
@click.argument("quote_id", type=int, required=False)
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(0), help="How many (0: all).")
@output_options
@pass_state
def audit_(state: State, quote_id, limit, fmt) -> None:
    """Show the curation history: edits, deletions, tags, merges.

    \b
    Examples:
      quotebook audit
      quotebook audit 4 --json
    """
    from quotebook.curate import audit_log

    rows = audit_log(state.book, quote_id, limit=limit or None)
    emit(rows, fmt, [("at", "When"), ("quote_id", "Quote"), ("action", "Action"), ("field", "Field"),
                     ("old", "Old"), ("new", "New")], styles={"at": "green"}, empty="No changes recorded.")


# -- export and timeline -------------------------------------------------------

@cli.command()
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


@cli.command()
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
