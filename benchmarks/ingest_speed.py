"""Throughput of the ingest layer alone: files in, Article records out.

Generates N plain-text and M HTML articles in a temporary directory, reads
them through ``quotebook.ingest.read_inputs`` and prints articles/s, then the
peak memory of reading a 50 MB text file and a 50 MB JSON Lines export, each
in a fresh process so the figure is that input's own.  Prints Markdown; no
assertions (timings are for people, not tests).

    .venv/bin/python benchmarks/ingest_speed.py [--text N] [--html M]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "council harbour minister budget river school election union market winter "
    "report plan vote town bridge road hospital station water farmers court"
).split()
NAMES = ["Alma Ferreira", "Oskar Lind", "Ines Maro", "Ben Aalto", "Dana Falk", "Karl Wendt"]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def paragraphs(rng: random.Random, n: int) -> list[str]:
    out = []
    for i in range(n):
        if i % 3 == 2:
            out.append(f"“{sentence(rng)} {sentence(rng)}” {rng.choice(NAMES)} said on Tuesday.")
        else:
            out.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))))
    return out


def write_text(folder: Path, count: int, rng: random.Random) -> None:
    for i in range(count):
        body = "\n\n".join(paragraphs(rng, 8))
        (folder / f"{i:05d}.txt").write_text(f"Story number {i}\n\n{body}\n", encoding="utf-8")


def write_html(folder: Path, count: int, rng: random.Random) -> None:
    for i in range(count):
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs(rng, 8))
        page = (
            f"<!doctype html><html><head><title>Story {i} | Bench Herald</title>"
            f'<link rel="canonical" href="https://bench.example/{i}">'
            '<meta property="article:published_time" content="2024-03-09T08:00:00Z"></head>'
            '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>Story {i}</h1>\n{body}</article><footer>© Bench Herald</footer></body></html>"
        )
        (folder / f"{i:05d}.html").write_text(page, encoding="utf-8")


def throughput(folder: Path) -> tuple[int, int, float]:
    from quotebook.data import Article
    from quotebook.ingest import read_inputs

    started = time.perf_counter()
    ok = failed = 0
    for item in read_inputs([str(folder)]):
        if isinstance(item, Article):
            ok += 1
        else:
            failed += 1
    return ok, failed, time.perf_counter() - started


def quote_date_rate(rng: random.Random, count: int) -> float:
    from quotebook.dates import quote_date

    texts = ["\n\n".join(paragraphs(rng, 8)) for _ in range(count)]
    started = time.perf_counter()
    for text in texts:
        # About five quotes per article, as in news.
        for _ in range(5):
            start = rng.randrange(len(text) - 20)
            quote_date(text, start, start + 20, "2024-03-09")
    return count / (time.perf_counter() - started)


def peak_rss_reading(path: Path) -> tuple[float, str]:
    """Peak RSS (MB) of a fresh process that reads ``path`` through read_inputs."""
    code = (
        "import sys; from quotebook.ingest import read_inputs; from quotebook.data import Failure;"
        "items = [0, 0, '']\n"
        "for item in read_inputs([sys.argv[1]]):\n"
        "    if isinstance(item, Failure): items[1] += 1; items[2] = item.message\n"
        "    else: items[0] += 1\n"
        "print(f'{items[0]} article(s), {items[1]} failure(s) {items[2]}')"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the max over all of them; each run is larger
    # than the interpreter alone, so the max is this child's when it grows.
    return max(after, before) / 1024, out.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=int, default=3000, help="plain-text articles to generate")
    parser.add_argument("--html", type=int, default=500, help="HTML articles to generate")
    args = parser.parse_args()
    rng = random.Random(7)

    print("| input | articles | failed | seconds | articles/s |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kind, count, writer in (("plain text", args.text, write_text), ("HTML (trafilatura)", args.html, write_html)):
            folder = root / kind.split()[0].lower()
            folder.mkdir()
            writer(folder, count, rng)
            ok, failed, seconds = throughput(folder)
            print(f"| {kind} | {ok} | {failed} | {seconds:.2f} | {ok / seconds:,.0f} |")
        print(f"\nquote_date: {quote_date_rate(rng, 1000):,.0f} articles/s (5 quotes each, publication date known)\n")

        big_text = root / "huge.txt"
        with open(big_text, "w", encoding="utf-8") as out:
            while out.tell() < 50 << 20:
                out.write("\n\n".join(paragraphs(rng, 50)) + "\n\n")
        big_jsonl = root / "huge.jsonl"
        with open(big_jsonl, "w", encoding="utf-8") as out:
            while out.tell() < 50 << 20:
                out.write(json.dumps({"title": "T", "text": "\n\n".join(paragraphs(rng, 8))}) + "\n")
        print("| 50 MB input | peak RSS | result |")
        print("|---|---:|---|")
        for path in (big_text, big_jsonl):
            rss, result = peak_rss_reading(path)
            print(f"| {path.name} ({os.path.getsize(path) / 2**20:.0f} MB) | {rss:.0f} MB | {result[:90]} |")


if __name__ == "__main__":
    main()
