"""The speakers command group: list, show, merge, rename and alias speakers."""

from __future__ import annotations

import click

from quotebook.cli.options import State, pass_state, resolve_filters
from quotebook.render import emit, output_options, write_machine


@click.group(invoke_without_command=True)
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
    from rich.text import Text

    from quotebook.render import console, label_grid

    span = f" ({profile['first']} to {profile['last']})" if profile["first"] else ""
    rows = [("Speaker", Text.assemble((profile["name"], "cyan"), f" ({profile['kind']})")),
            ("Quotes", f"{profile['quotes']}{span}"), ("Also", ", ".join(profile["aliases"]))]
    rows += [("Role", f"{role['role']}, {role['date'] or 'undated'}"
              + (f" ({role['article_title']})" if role["article_title"] else "")) for role in profile["roles"]]
    rows.append(("Topics", ", ".join(f"{t['topic']} ({t['quotes']})" for t in profile["topics"])))
    console().print(label_grid(rows))


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
