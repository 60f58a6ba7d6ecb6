"""Commands that read articles: import (into the database) and extract (without one)."""

from __future__ import annotations

import json
import sys

import click

from quotebook.cli.options import State, pass_state
from quotebook.errors import QuotebookError
from quotebook.render import emit, write_machine


@click.command(name="import")
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
@click.option("-j", "--jobs", type=click.IntRange(0, 32), metavar="N",
              help="Worker processes extracting beside the writer (default: cores - 1; 0: none).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@pass_state
def import_(state: State, inputs, title, date, url, source, topics, fmt, fetch, taxonomy, jobs, quiet) -> None:
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
    from quotebook.importer import default_jobs, import_inputs

    overrides = {"title": title, "url": url, "source": source}
    if date:
        from quotebook.dates import normalise_date

        iso, precision = normalise_date(date)
        if not iso:
            raise click.BadParameter(f"cannot read date {date!r}", param_hint="--date")
        overrides.update(date=iso, date_precision=precision)
    summary = import_inputs(state.book, inputs, fmt=fmt, fetch=fetch, overrides=overrides,
                            topics=topics, taxonomy=taxonomy, jobs=default_jobs() if jobs is None else jobs,
                            progress=not quiet and sys.stderr.isatty())
    summary.print()
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


def quote_json(quote) -> dict:
    return {
        "quote": quote.text, "start": quote.start, "end": quote.end,
        "spans": [list(s) for s in quote.spans], "kind": quote.kind,
        "speaker": quote.speaker, "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end, "mention": quote.mention, "role": quote.role,
        "speaker_type": quote.speaker_type, "cue": quote.cue,
        "confidence": round(quote.confidence, 3),
    }


@click.command()
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
    if source == "-" and sys.stdin.isatty():
        raise click.UsageError("give a FILE, or pipe the text in: quotebook extract article.txt")
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
