"""Output for people and for pipes: rich tables, JSON, JSON lines, CSV, Markdown.

Every listing command takes the same ``@output_options`` and hands its rows to
``emit``; results go to stdout, messages to stderr.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import sys
from collections.abc import Callable, Sequence

import click

FORMATS = ("json", "nl", "csv", "markdown")

# search.highlight() marks matches with these private-use characters, so that
# marking survives any text and each renderer shows it its own way.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


def output_options(command: Callable) -> Callable:
    """--json, --nl, --csv and --markdown, passed to the command as ``fmt``."""

    @click.option("--json", "fmt", flag_value="json", help="Output a JSON array.")
    @click.option("--nl", "fmt", flag_value="nl", help="Output JSON lines, one object a line.")
    @click.option("--csv", "fmt", flag_value="csv", help="Output CSV with a header row.")
    @click.option("--markdown", "fmt", flag_value="markdown", help="Output a Markdown table.")
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


def strip_marks(text: str) -> str:
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def _flat(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_machine(rows: Sequence[dict], fmt: str, out=None) -> None:
    """Write rows as json, nl, csv or markdown."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "nl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        keys = list(rows[0].keys()) if rows else []
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(keys)
        for row in rows:
            writer.writerow([_flat(row.get(k)) for k in keys])
        out.write(buffer.getvalue())
    elif fmt == "markdown":
        keys = list(rows[0].keys()) if rows else []
        if not keys:
            return
        cell = lambda v: _flat(v).replace("|", "\\|").replace("\n", " ")  # noqa: E731
        out.write("| " + " | ".join(keys) + " |\n")
        out.write("|" + "|".join("---" for _ in keys) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(cell(row.get(k)) for k in keys) + " |\n")
    out.flush()


def console(stderr: bool = False):
    from rich.console import Console

    # Quotes and titles hold square brackets ("[he] said"); they are text, never rich markup.
    return Console(stderr=stderr, highlight=False, soft_wrap=False, markup=False)


def rich_text(text: str, style: str = "bold yellow"):
    """A rich Text with the match markers turned into a style."""
    from rich.text import Text

    result, styled = Text(), False
    for part in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", text):
        if part == MARK_OPEN:
            styled = True
        elif part == MARK_CLOSE:
            styled = False
        elif part:
            result.append(part, style=style if styled else None)
    return result


def emit_table(rows: Sequence[dict], columns: Sequence[tuple[str, str]], *, title: str | None = None,
               styles: dict[str, str] | None = None, empty: str = "Nothing found.") -> None:
    """A rich table of rows on stdout; ``columns`` are (key, header) pairs."""
    if not rows:
        click.echo(empty, err=True)
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    styles = styles or {}
    for key, header in columns:
        table.add_column(header, style=styles.get(key), overflow="fold")
    for row in rows:
        cells = []
        for key, _ in columns:
            value = row.get(key)
            cells.append(rich_text(value) if isinstance(value, str) and MARK_OPEN in value else _flat(value))
        table.add_row(*cells)
    console().print(table)


def emit(rows: Sequence[dict], fmt: str | None, columns: Sequence[tuple[str, str]], **table_options) -> None:
    if fmt:
        write_machine([{k: (strip_marks(v) if isinstance(v, str) else v) for k, v in r.items()}
                       for r in rows], fmt)
    else:
        emit_table(rows, columns, **table_options)


def emit_bars(rows: Sequence[dict], fmt: str | None, label: str, value: str, *,
              title: str | None = None, width: int = 40, empty: str = "Nothing to chart.") -> None:
    """A horizontal bar chart (rich Table of rich Bars), or the rows in a machine format."""
    if fmt:
        write_machine(rows, fmt)
        return
    if not rows:
        click.echo(empty, err=True)
        return
    from rich.bar import Bar
    from rich.table import Table

    top = max(row[value] for row in rows) or 1
    table = Table(title=title, box=None, show_header=False, padding=(0, 1))
    table.add_column(style="green", no_wrap=True)
    table.add_column(width=width)
    table.add_column(justify="right", style="bold")
    for row in rows:
        table.add_row(str(row[label]), Bar(size=top, begin=0, end=row[value], width=width,
                                           color="cyan"), str(row[value]))
    console().print(table)


def label_grid(rows: Sequence[tuple[str, object]]):
    """A two-column rich grid of (label, value) rows; empty values are left out."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in rows:
        if value:
            grid.add_row(label, value if not isinstance(value, (int, float)) else str(value))
    return grid


def titled_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]):
    """A rich table under a left-aligned title, long cells folded."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table
