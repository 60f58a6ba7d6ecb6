"""Commands that look at or correct one quote: show, edit, delete, tag, untag, audit."""

from __future__ import annotations

import sys

import click

from quotebook.cli.listing import reports_note
from quotebook.cli.options import State, pass_state
from quotebook.errors import QuotebookError
from quotebook.render import emit, output_options, write_machine


@click.command()
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

    from quotebook.render import console, label_grid, titled_table

    speaker = quote.speaker or (f"unknown ({quote.mention})" if quote.mention else "unknown")
    date_note = {"text": "named in the text", "publication": "publication date",
                 "user": "set by hand", "dateline": "the day the article names at its top", "none": "unknown"}.get(quote.date_source or "none", quote.date_source)
    grid = label_grid([
        ("Speaker", speaker), ("Role", quote.role), ("Said", f"{quote.date or 'unknown'} ({date_note})"),
        ("Kind", f"{quote.kind}, cue {quote.cue!r}, confidence {quote.confidence or 0:.2f}"),
        ("Topics", ", ".join(quote.topics)), ("Article", quote.article_title),
        ("Source", quote.source), ("URL", quote.article_url), ("Reports", reports_note(quote)),
    ])
    out = console()
    out.print(Panel(quote.text, title=f"Quote {quote.id}", border_style="cyan"))
    out.print(grid)
    out.print(Panel(context, title="Context", border_style="dim"))
    if len(reports) > 1:
        out.print(titled_table(f"Reported in {quote.reports} articles", ("ID", "Date", "Article", "Source", "Wording"),
                               [(str(r["id"]), r["published"] or r["date"] or "", r["article_title"] or "",
                                 r["source"] or "", r["quote"]) for r in reports]))
    if history:
        out.print(titled_table("History", ("When", "Change", "Old", "New"),
                               [(h["at"], f"{h['action']} {h['field'] or ''}".strip(), h["old"] or "", h["new"] or "")
                                for h in reversed(history)]))


@click.command()
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


@click.command()
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


@click.command()
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


@click.command()
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


@click.command(name="audit")
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
