"""Small made-up news articles for tests that need many of them."""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ["Anna", "Marek", "Lucia", "Tomas", "Irene", "Pavel", "Greta", "Omar", "Sofia", "Victor"]
LAST = ["Holm", "Varga", "Castell", "Nyberg", "Adeyemi", "Lindqvist", "Moreau", "Tanaka", "Ruiz", "Kowal"]
ROLES = ["Mayor", "Finance Minister", "Senator", "Harbour Commissioner", "Governor"]
TOPICS = ["the new bridge", "water prices", "the school budget", "ferry timetables", "road tolls"]
SAYINGS = ["We cannot wait another year for {t}", "Nobody in this town asked for {t}",
           "I am confident that {t} will be settled this spring", "Our plan for {t} is fully funded"]


def article_text(i: int) -> str:
    rng = random.Random(i)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    role, topic = rng.choice(ROLES), rng.choice(TOPICS)
    saying = rng.choice(SAYINGS).format(t=topic)
    return (f"Debate number {i} on {topic}\n\n"
            f"{role} {first} {last} spoke to the council on Tuesday about {topic}, item {i}.\n\n"
            f"“{saying},” {last} said.\n\n"
            f"Residents have followed the debate on {topic} closely since report {i} came out.\n")


def write_articles(directory: Path, count: int, start: int = 0) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = directory / f"article-{i:05d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths
