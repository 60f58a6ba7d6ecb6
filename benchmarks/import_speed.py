"""End-to-end import throughput: generated articles → ingest → extract → SQLite.

Prints articles/s for plain text and for HTML pages, through the same code path
as `quotebook import DIR`. Run by `make bench`; figures only, no asserts.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Anna", "Marek", "Lucia", "Tomas", "Irene", "Pavel", "Greta", "Omar", "Sofia", "Victor", "Hana", "Luis"]
LAST = ["Holm", "Varga", "Castell", "Nyberg", "Adeyemi", "Lindqvist", "Moreau", "Tanaka", "Ruiz", "Kowal"]
ROLES = ["Mayor", "Finance Minister", "Senator", "Harbour Commissioner", "Governor", "union leader"]
SUBJECTS = ["the new bridge", "water prices", "the school budget", "ferry timetables", "road tolls",
            "the hospital merger", "energy subsidies", "border checks", "the trade agreement"]
FILLER = ("The council met for three hours and heard from residents, engineers and business owners. "
          "Several members asked for more detail on costs before the vote planned for next month. ")


def article(i: int) -> tuple[str, list[str]]:
    """A title and paragraphs of a plausible ~2.5 KB news story with four quotations."""
    rng = random.Random(i)
    people = [(rng.choice(ROLES), rng.choice(FIRST), rng.choice(LAST)) for _ in range(2)]
    subject = rng.choice(SUBJECTS)
    (role1, first1, last1), (role2, first2, last2) = people
    paragraphs = [
        f"{role1} {first1} {last1} defended the plan for {subject} on Tuesday, report {i}.",
        f"“We cannot wait another year for {subject},” {last1} said. “The money is there.”",
        FILLER * 2,
        f"{role2} {first2} {last2} disagreed. “Nobody asked for this,” she told reporters.",
        f"{last2} said the council had ignored three earlier reports on {subject}.",
        FILLER,
        f"“We will keep talking,” {last1} added, “but not for ever.”",
    ]
    return f"Council debate {i}: {subject}", paragraphs


def write_corpus(directory: Path, count: int, html: bool) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(count):
        title, paragraphs = article(i)
        if html:
            body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
            content = (f"<!doctype html><html><head><title>{title}</title>"
                       f'<meta property="og:site_name" content="Island Post">'
                       f'<meta name="date" content="2024-03-{1 + i % 28:02d}"></head><body>'
                       f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                       f"<article><h1>{title}</h1>{body}</article><footer>© Island Post</footer>"
                       f"</body></html>")
            path = directory / f"a{i:05d}.html"
        else:
            content = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
            path = directory / f"a{i:05d}.txt"
        path.write_text(content, encoding="utf-8")
        size += len(content.encode())
    return size


def measure(count: int, html: bool) -> dict:
    from quotebook.importer import default_jobs, import_inputs
    from quotebook.store import Quotebook

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        size = write_corpus(corpus, count, html)
        book = Quotebook(Path(tmp) / "bench.db")
        started = time.perf_counter()
        # As `quotebook import` runs it: extraction in worker processes beside the writer.
        summary = import_inputs(book, [str(corpus)], jobs=default_jobs())
        elapsed = time.perf_counter() - started
        book.close()
    return {"kind": "HTML" if html else "text", "articles": summary.imported, "failed": summary.failed,
            "quotes": summary.quotes, "seconds": elapsed, "rate": summary.imported / elapsed,
            "mb_per_s": size / elapsed / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text", type=int, default=10_000, help="plain-text articles")
    parser.add_argument("--html", type=int, default=2_000, help="HTML articles")
    args = parser.parse_args()
    rows = [measure(args.text, html=False), measure(args.html, html=True)]
    print("| input | articles | quotes | failed | seconds | articles/s | MB/s |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['kind']} | {r['articles']:,} | {r['quotes']:,} | {r['failed']} | {r['seconds']:.1f} "
              f"| {r['rate']:,.0f} | {r['mb_per_s']:.2f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
