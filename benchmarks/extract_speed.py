"""Print extraction throughput in MB of article text per second on one core.

    python benchmarks/extract_speed.py [--repeat N]

Uses the PolNeAR dev texts when ../shared is there, otherwise generated
news-like text. CPU time of this process is measured, so other load on the
machine does not count against it. Prints figures only: no assertion on speed.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from quotebook.extract import extract_quotes

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "polnear_dev.jsonl"


def generated_articles(count: int = 200, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    names = ["Ann Lee", "Tom Reyes", "Maria Lopez", "Sen. Ted Cruz", "Gov. Lisa Park", "a spokesman"]
    verbs = ["said", "added", "told reporters", "warned", "argued"]
    filler = "The council met on Tuesday to discuss the budget and the new bridge over the river"
    articles = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(8, 20)):
            name, verb = rng.choice(names), rng.choice(verbs)
            paragraphs.append(rng.choice([
                f"“{filler}, and we will vote soon,” {name} {verb}.",
                f"{name} {verb} that {filler.lower()}.",
                f"{filler}. {filler}, {name} {verb}.",
                f"{filler} for the “third time” this year.",
            ]))
        articles.append("Headline\n\n" + "\n\n".join(paragraphs))
    return articles


def corpus() -> tuple[list[str], str]:
    """The texts to measure on, and what they are."""
    if DEV.exists():
        texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8") if line.strip()]
        return texts, f"PolNeAR dev ({len(texts)} articles)"
    texts = generated_articles()
    return texts, f"generated text ({len(texts)} articles)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts, source = corpus()
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for text in texts[:5]:
        extract_quotes(text)  # load the lexicons before timing
    best = float("inf")
    quotes = 0
    for _ in range(args.repeat):
        began = time.process_time()
        quotes = sum(len(extract_quotes(t)) for t in texts)
        best = min(best, time.process_time() - began)
    print(f"extraction: {source}, {size:.2f} MB, {quotes} quotes")
    print(f"extraction: {size / best:.2f} MB/s on one core (best of {args.repeat}, {best:.2f} s CPU)")


if __name__ == "__main__":
    main()
