"""Import a stream of inputs into a Quotebook, one transaction per article."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
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
        """A table on a terminal, one line otherwise (logs, pipes, tests)."""
        if not sys.stderr.isatty():
            click.echo(self.line(), err=True)
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Interrupted" if self.interrupted else None)
        for header in ("imported", "skipped (already present)", "failed", "warnings", "quotes found"):
            table.add_column(header, justify="right")
        table.add_row(*(str(n) for n in (self.imported, self.skipped, self.failed, self.warnings,
                                          self.quotes)))
        Console(stderr=True).print(table)


class GracefulInterrupt:
    """The first Ctrl-C asks the import to stop after the article in hand; a second stops now."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def __enter__(self) -> GracefulInterrupt:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        click.echo("Stopping after the current article (Ctrl-C again to stop at once)…", err=True)


def apply_overrides(article: Article, overrides: dict, topics: Iterable[str]) -> Article:
    changes = {k: v for k, v in overrides.items() if v is not None}
    if topics:
        changes["topics"] = tuple(dict.fromkeys([*article.topics, *topics]))
    return replace(article, **changes) if changes else article


def import_inputs(book, inputs: Iterable[str], *, fmt: str | None = None, fetch: bool = False,
                  overrides: dict | None = None, topics: Iterable[str] = (),
                  taxonomy: str | None = None, progress: bool = False, jobs: int = 0) -> ImportSummary:
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
    articles = (item if isinstance(item, Failure) else apply_overrides(item, overrides, topics)
                for item in read_inputs(inputs, fmt=fmt, fetch=fetch, exclude=database_files(book)))
    bar = None
    interrupt = GracefulInterrupt()
    try:
        interrupt.__enter__()
        for n, (item, quotes, error) in enumerate(extracted(book, articles, taxonomy=taxonomy, jobs=jobs), 1):
            if interrupt.requested:
                summary.interrupted = True
                break
            if isinstance(item, Failure):
                label = "warning" if item.warning else "error"
                click.echo(f"{label}: {item.origin}: {item.message}", err=True)
                if item.warning:
                    summary.warnings += 1
                else:
                    summary.failed += 1
                continue
            try:
                if error is not None:
                    raise error
                result = book.add_article(item, quotes) if quotes is not None else None
            except Exception as ex:  # one bad article must not stop the batch
                click.echo(f"error: {item.origin}: could not import: {type(ex).__name__}: {ex}", err=True)
                summary.failed += 1
                continue
            if result is not None and result.status == "imported":
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
        # A second Ctrl-C: the article in hand was rolled back whole, and
        # everything before it is committed.
        summary.interrupted = True
    finally:
        interrupt.__exit__()
        if bar is not None:
            bar[0].stop()
    return summary


# Extraction runs in worker processes once a batch has more articles than this,
# at most WINDOW articles ahead of the writer, so memory stays bounded. Articles
# travel to the workers CHUNK at a time: one message per article costs the
# writer more in pipe and lock traffic than the extraction it hands off.
POOL_AFTER = 30
WINDOW = 64
CHUNK = 8


def database_files(book) -> list[str]:
    """The database file and the journals SQLite keeps beside it: never articles to import."""
    path = str(book.path)
    return [path] + [path + suffix for suffix in ("-wal", "-shm", "-journal")]


def default_jobs() -> int:
    """Worker processes for extraction: leave one core to reading and writing."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(4, cores - 1))


def process_many(articles: list[Article], taxonomy: str | None = None) -> list:
    """Quotes (or the exception) for each article: what a worker does with a chunk."""
    from quotebook.pipeline import process_article

    results = []
    for article in articles:
        try:
            results.append(process_article(article, taxonomy=taxonomy))
        except Exception as ex:
            results.append(ex)
    return results


def extracted(book, items: Iterable[Article | Failure], *, taxonomy: str | None = None,
              jobs: int = 0) -> Iterator[tuple[Article | Failure, list | None, Exception | None]]:
    """(item, quotes, error) for each input, in order; quotes is None for an article already stored.

    With ``jobs`` > 0, a batch of more than POOL_AFTER articles is extracted in that
    many worker processes running ahead of the writer, so extraction and SQLite use
    different cores. Workers are started with spawn, which imports the caller's
    __main__ again: only a program whose __main__ is guarded (the quotebook
    command is) should ask for them. Should the pool fail, extraction goes on here.
    """
    from concurrent.futures.process import BrokenProcessPool

    pool, window, chunk, fresh = None, deque(), [], 0

    def settle(chunk, pending):
        """Yield each item of a chunk with its quotes, in order."""
        articles = [item for item, stored in chunk if not stored]
        try:
            results = pending.result() if pending is not None else []
        except BrokenProcessPool:
            results = process_many(articles, taxonomy)
        results = iter(results)
        for item, stored in chunk:
            outcome = None if stored else next(results)
            if isinstance(outcome, Exception):
                yield item, None, outcome
            else:
                yield item, outcome, None

    def submit(chunk):
        nonlocal pool
        articles = [item for item, stored in chunk if not stored]
        if articles and pool is not None:
            try:
                return pool.submit(process_many, articles, taxonomy)
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
        return _Done(process_many(articles, taxonomy)) if articles else None

    try:
        for item in items:
            stored = isinstance(item, Failure) or book.find_article(item) is not None
            fresh += not stored
            if pool is None and jobs and fresh > POOL_AFTER:
                pool = _start_pool(jobs)
            chunk.append((item, stored))
            if pool is None or len(chunk) >= CHUNK:
                window.append((chunk, submit(chunk)))
                chunk = []
            while window and (len(window) * CHUNK > WINDOW or isinstance(window[0][1], (_Done, type(None)))):
                yield from settle(*window.popleft())
        if chunk:
            window.append((chunk, submit(chunk)))
        while window:
            yield from settle(*window.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


class _Done:
    """A result computed here, shaped like a finished future."""

    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the writer decides when to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_pool(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: a forked child must not inherit the open SQLite connection.
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_ignore_interrupts)


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
