"""Search at scale: build N generated quotations, time in-process searches per query class.

    python benchmarks/search_bench.py [--quotes 1000000] [--per-class 60]

Builds a temporary database through the real schema the way a bulk restore
would: quotes inserted with executemany without their secondary indexes or the
FTS5 trigger, the indexes created afterwards, then the FTS5 index built in one
'rebuild' with a 64 MB term buffer (FTS5's 'hashsize', put back to its 1 MB
default afterwards).  The build rate covers those three steps; generating the
text, and the vocabulary counts (taken while generating), are not timed.  Then
it times quotebook.search.search for each query class and prints a Markdown table.
Targets (issue 5): p95 <= 50 ms for every class, <= 250 ms for the words in
more than 10 % of rows, index build >= 50,000 quotes/s.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_corpus import Corpus, make_corpus, quotes, zipf_cumulative  # noqa: E402

from quotebook.search import resolve_speaker, search  # noqa: E402
from quotebook.store import Quotebook, name_key  # noqa: E402

TOPICS = ["Politics", "Economy", "Health", "Climate", "Technology", "Security", "Trade",
          "Europe", "Asia", "Energy", "Courts", "Elections"]
SOURCES = ["Reuters", "AP", "BBC", "AFP", "Guardian", "Bloomberg"]
QUOTES_PER_ARTICLE = 10
TARGET_MS = {"most frequent words (>10% of rows)": 250.0}
DEFAULT_TARGET_MS = 50.0
BULK_FTS_HASHSIZE = 64 * 1024 * 1024
DEFAULT_FTS_HASHSIZE = 1024 * 1024


def build(path: Path, n: int, corpus: Corpus) -> dict:
    """Create the database at path with n quotations; returns build figures."""
    Quotebook(path).close()  # the real schema, migrated
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    rng = random.Random(3)

    started = time.perf_counter()
    documents: dict[int, int] = {}
    rows, samples = [], []
    articles = (n + QUOTES_PER_ARTICLE - 1) // QUOTES_PER_ARTICLE
    days = 10 * 365
    for i, (text, speaker, ranks) in enumerate(quotes(corpus, n)):
        for rank in set(ranks):
            documents[rank] = documents.get(rank, 0) + 1
        article = i // QUOTES_PER_ARTICLE + 1
        # Import order roughly follows publication date, as a news archive does.
        day = min(days - 1, max(0, article * days // articles + rng.randint(-30, 30)))
        published = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))
        topics = " | ".join(rng.sample(TOPICS, rng.randint(0, 2)))
        canonical = i if (i % 50 == 49) else None  # 2 % are further reports of the previous
        rows.append((i + 1, article, speaker + 1, canonical, text, "direct", 0, len(text),
                     f"[[0, {len(text)}]]", corpus.speakers[speaker], published, "day",
                     corpus.speakers[speaker], topics, f"Report {article}"))
        if i % 997 == 0:
            samples.append(text)
    generated = time.perf_counter() - started

    conn.execute("BEGIN")
    conn.executemany("INSERT INTO speakers (id, name, key) VALUES (?, ?, ?)",
                     [(i + 1, s, name_key(s)) for i, s in enumerate(corpus.speakers)])
    conn.executemany(
        "INSERT INTO articles (id, content_hash, title, source, published, text, imported_at) "
        "VALUES (?, ?, ?, ?, ?, '', '2024-01-01')",
        [(a, f"h{a}", f"Report {a}", SOURCES[a % len(SOURCES)], None) for a in range(1, articles + 1)])
    conn.execute("COMMIT")

    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_ai'").fetchone()[0]
    # A bulk load: indexes are built once at the end, sorted, not row by row.
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND tbl_name = 'quotes' AND sql IS NOT NULL").fetchall()
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER quotes_ai")
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    conn.executemany(
        "INSERT INTO quotes (id, article_id, speaker_id, canonical_id, text, kind, start, end, "
        "spans, mention, date, date_precision, speaker_name, topics_text, article_title) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    loaded = time.perf_counter()
    for _, sql in indexes:
        conn.execute(sql)
    inserted = time.perf_counter()
    # FTS5 gathers terms in memory up to 'hashsize' bytes (1 MB by default) before
    # writing a segment, so a rebuild of a million rows writes hundreds of small
    # segments and spends much of its time merging them.  A bulk build gets a
    # bigger buffer; the default goes back afterwards, as the app runs with it.
    conn.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', ?)",
                 (BULK_FTS_HASHSIZE,))
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', ?)",
                 (DEFAULT_FTS_HASHSIZE,))
    conn.execute(trigger)
    conn.executemany("INSERT INTO search_terms (term, documents) VALUES (?, ?)",
                     [(corpus.words[r], c) for r, c in documents.items()])
    conn.execute("COMMIT")
    built = time.perf_counter()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return {
        "quotes": n, "generate_s": generated, "insert_s": inserted - started,
        "load_s": loaded - started, "indexes_s": inserted - loaded, "fts_s": built - inserted, "build_s": built - started,
        "build_rate": n / (built - started), "fts_rate": n / (built - inserted),
        "documents": documents, "samples": samples,
        "db_mb": path.stat().st_size / 1e6,
    }


def reuse(path: Path, corpus: Corpus) -> dict:
    """Figures for a database kept by an earlier --keep run (no build timings)."""
    conn = sqlite3.connect(path)
    rank = {w: r for r, w in enumerate(corpus.words)}
    documents = {rank[t]: d for t, d in conn.execute("SELECT term, documents FROM search_terms")
                 if t in rank}
    samples = [r[0] for r in conn.execute("SELECT text FROM quotes WHERE id % 997 = 1")]
    n = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    conn.close()
    nan = float("nan")
    return {"quotes": n, "generate_s": nan, "insert_s": nan, "load_s": nan, "indexes_s": nan,
            "fts_s": nan, "build_s": nan,
            "build_rate": nan, "fts_rate": nan, "documents": documents, "samples": samples,
            "db_mb": path.stat().st_size / 1e6}


def typo(word: str, rng: random.Random) -> str:
    at = rng.randint(2, len(word) - 2)
    edit = rng.choice(("delete", "transpose", "substitute", "insert"))
    if edit == "delete":
        return word[:at] + word[at + 1:]
    if edit == "transpose":
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    letter = rng.choice("abcdefghilmnoprstu")
    if edit == "substitute":
        return word[:at] + letter + word[at + 1:]
    return word[:at] + letter + word[at:]


def query_classes(corpus: Corpus, figures: dict, per_class: int) -> dict[str, list[tuple[str, dict]]]:
    rng = random.Random(5)
    words, n = corpus.words, figures["quotes"]
    documents = figures["documents"]
    very = [words[r] for r in sorted(documents, key=documents.get, reverse=True)
            if documents[r] > n / 10]
    common = words[10:400]
    rare = [w for r, w in enumerate(words) if r >= 20_000 and documents.get(r)]
    middle = [w for w in words[300:20_000] if len(w) >= 6]
    speaker_weights = zipf_cumulative(len(corpus.speakers), 0.7)
    classes: dict[str, list[tuple[str, dict]]] = {
        "common words": [(f"{rng.choice(common)} {rng.choice(common)}", {})
                         for _ in range(per_class)],
        "rare words": [(rng.choice(rare), {}) for _ in range(per_class)],
        "phrases": [],
        # Phrases made only of the 30 commonest words ("in a", "and a to"): FTS5 must
        # check positions on a large share of the rows, and many never occur at all.
        "phrases of very common words": [
            ('"' + " ".join(rng.sample(words[:30], rng.choice((2, 3)))) + '"', {})
            for _ in range(per_class)],
        "typo queries": [(typo(rng.choice(middle), rng), {}) for _ in range(per_class)],
        "speaker-filtered": [
            (rng.choice(common), {"speaker": corpus.speakers[s]})
            for s in rng.choices(range(len(corpus.speakers)), cum_weights=speaker_weights,
                                 k=per_class)],
        "most frequent words (>10% of rows)": [
            (very[i % min(len(very), 12)], {}) for i in range(per_class)],
        "sort by date, common word": [(rng.choice(common), {"sort": "date"})
                                      for _ in range(per_class)],
    }
    for text in rng.sample(figures["samples"], min(per_class, len(figures["samples"]))):
        tokens = text.rstrip(".").lower().split()
        at = rng.randrange(0, len(tokens) - 2)
        classes["phrases"].append(('"' + " ".join(tokens[at:at + rng.choice((2, 3))]) + '"', {}))
    return classes


def time_queries(conn: sqlite3.Connection, classes: dict) -> dict[str, dict]:
    results = {}
    for name, queries in classes.items():
        for query, options in queries[:3]:  # warm the page cache for this class
            run_query(conn, query, options)
        timings, found, corrected = [], [], 0
        for query, options in queries:
            started = time.perf_counter()
            result = run_query(conn, query, options)
            timings.append((time.perf_counter() - started) * 1000)
            found.append(len(result.quotes))
            corrected += result.corrected is not None
        timings.sort()
        results[name] = {
            "queries": len(timings), "median_ms": statistics.median(timings),
            "p95_ms": timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)],
            "max_ms": timings[-1], "mean_results": statistics.mean(found),
            "corrected": corrected, "example": queries[0][0],
            "target_ms": TARGET_MS.get(name, DEFAULT_TARGET_MS),
        }
    return results


def run_query(conn: sqlite3.Connection, query: str, options: dict):
    options = dict(options)
    speaker = options.pop("speaker", None)
    if speaker:
        options["speaker_ids"] = resolve_speaker(conn, speaker).ids
    return search(conn, query, **options)


def run(n: int = 1_000_000, per_class: int = 60, keep: Path | None = None) -> dict:
    """Build n quotations, time every query class; returns the figures."""
    corpus = make_corpus()
    folder = Path(tempfile.mkdtemp(prefix="quotebook-search-bench-"))
    path = keep or folder / "bench.db"
    try:
        if keep and keep.exists():
            figures = reuse(keep, corpus)
        else:
            figures = build(path, n, corpus)
        with Quotebook(path) as book:
            classes = query_classes(corpus, figures, per_class)
            timings = time_queries(book.conn, classes)
        figures.pop("documents"), figures.pop("samples")
        return {"build": figures, "classes": timings}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def markdown(result: dict) -> str:
    build = result["build"]
    lines = [
        f"{build['quotes']:,} generated quotations, 5,000 speakers, Zipf word frequencies; "
        f"database {build['db_mb']:.0f} MB.", "",
        f"- Index build: {build['build_rate']:,.0f} quotes/s "
        f"(insert {build['load_s']:.1f} s + secondary indexes {build['indexes_s']:.1f} s + "
        f"FTS5 rebuild {build['fts_s']:.1f} s = "
        f"{build['build_s']:.1f} s; FTS5 alone {build['fts_rate']:,.0f} quotes/s; "
        f"generating the text took {build['generate_s']:.1f} s more)", "",
        "| query class | example | queries | median ms | p95 ms | max ms | target p95 | "
        "mean results |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, c in result["classes"].items():
        ok = "ok" if c["p95_ms"] <= c["target_ms"] else "**missed**"
        lines.append(
            f"| {name} | `{c['example']}` | {c['queries']} | {c['median_ms']:.1f} | "
            f"{c['p95_ms']:.1f} | {c['max_ms']:.1f} | ≤ {c['target_ms']:.0f} ({ok}) | "
            f"{c['mean_results']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--per-class", type=int, default=60)
    parser.add_argument("--keep", type=Path, help="build the database here and keep it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    result = run(args.quotes, args.per_class, args.keep)
    print(markdown(result))
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
