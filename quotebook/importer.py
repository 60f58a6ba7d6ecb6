"""Import a stream of inputs into a Quotebook, one transaction per article."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace

import click

from quotebook.data import Article, Failure

PROGRESS_AFTER = 5  # a handful of files import silently


@dataclass
class ImportSummary:
    imported: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0
    quotes: int = 0
    interrupted: bool = False

    def line(self) -> str:
        text = (f"{self.imported} imported, {self.skipped} skipped (already present), "
                f"{self.failed} failed, {self.quotes} quotes found")
        if self.warnings:
            text += f", {self.warnings} warnings"
        if self.interrupted:
            text = "Interrupted: " + text
        return text

    def print(self) -> None:
        click.echo(self.line(), err=True)


def apply_overrides(article: Article, overrides: dict, topics: Iterable[str]) -> Article:
    changes = {k: v for k, v in overrides.items() if v is not None}
    if topics:
        changes["topics"] = tuple(dict.fromkeys([*article.topics, *topics]))
    return replace(article, **changes) if changes else article


def import_inputs(book, inputs: Iterable[str], *, fmt: str | None = None, fetch: bool = False,
                  overrides: dict | None = None, topics: Iterable[str] = (),
                  taxonomy: str | None = None, progress: bool = False) -> ImportSummary:
    """Read every input and import each article; bad inputs are reported and skipped.

    A quotebook export (``quotebook export --format json|jsonl``) is restored as it
    stands, without extracting again, so curation it carries is kept.
    """
    from quotebook.export import is_export

    summary = ImportSummary()
    inputs = list(inputs)
    if fmt in (None, "json", "jsonl"):
        for path in [p for p in inputs if is_export(p)]:
            inputs.remove(path)
            restore_into(book, path, summary)
    if not inputs:
        return summary
    from quotebook.ingest import read_inputs

    overrides = overrides or {}
    topics = tuple(topics)
    bar = None
    try:
        for n, item in enumerate(read_inputs(inputs, fmt=fmt, fetch=fetch), 1):
            if isinstance(item, Failure):
                label = "warning" if item.warning else "error"
                click.echo(f"{label}: {item.origin}: {item.message}", err=True)
                if item.warning:
                    summary.warnings += 1
                else:
                    summary.failed += 1
                continue
            try:
                result = book.import_article(apply_overrides(item, overrides, topics),
                                             taxonomy=taxonomy)
            except Exception as ex:  # one bad article must not stop the batch
                click.echo(f"error: {item.origin}: could not import: {type(ex).__name__}: {ex}", err=True)
                summary.failed += 1
                continue
            if result.status == "imported":
                summary.imported += 1
                summary.quotes += result.quotes
            else:
                summary.skipped += 1
            if progress and bar is None and n > PROGRESS_AFTER:
                bar = _start_progress()
            if bar is not None:
                bar[0].update(bar[1], advance=1 if n > PROGRESS_AFTER + 1 else n,
                              description=_short(item.origin or ""))
    except KeyboardInterrupt:
        # The article in hand was rolled back whole; everything before it is committed.
        summary.interrupted = True
    finally:
        if bar is not None:
            bar[0].stop()
    return summary


def restore_into(book, path: str, summary: ImportSummary) -> None:
    """Restore one export file, counting it into the summary; a bad file is one error line."""
    from quotebook.export import read_export, restore
    from quotebook.store import QuotebookError

    try:
        counts = restore(book, read_export(path))
    except QuotebookError as ex:
        message = str(ex)
        click.echo(f"error: {message if message.startswith(path) else f'{path}: {message}'}", err=True)
        summary.failed += 1
        return
    summary.imported += counts["articles"]
    summary.skipped += counts["skipped"]
    summary.quotes += counts["quotes"]


def _short(origin: str, width: int = 40) -> str:
    return origin if len(origin) <= width else "…" + origin[-(width - 1):]


def _start_progress():
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(file=sys.stderr), transient=True)
    progress.start()
    task = progress.add_task("importing", total=None)
    return progress, task
