"""What the commands share: the database named by --db, and the filter options."""

from __future__ import annotations

import click

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
