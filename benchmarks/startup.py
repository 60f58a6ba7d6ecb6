"""Start-up wall time of the CLI against `python -c "import click"`.

Median of repeated runs of each command in a fresh process. Run by `make bench`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 15


def wall(argv: list[str], env: dict | None = None) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QUOTEBOOK_DB=str(Path(tmp) / "q.db"))
        example = Path(__file__).resolve().parent.parent / "examples"
        subprocess.run([python, "-m", "quotebook", "import", str(example)], env=env,
                       capture_output=True, check=True)
        baseline = wall([python, "-c", "import click"])
        rows = [("python -c pass", wall([python, "-c", "pass"])),
                ("python -c 'import click' (baseline)", baseline)]
        script = Path(python).parent / "quotebook"
        command = [str(script)] if script.exists() else [python, "-m", "quotebook"]
        for label, args in [("quotebook --version", ["--version"]), ("quotebook --help", ["--help"]),
                            ("quotebook search sanctions --json", ["search", "sanctions", "--json"]),
                            ("quotebook search sanctions (table)", ["search", "sanctions"])]:
            rows.append((label, wall([*command, *args], env=env)))
    print("| command | median wall ms | × import click |")
    print("|---|---|---|")
    for label, seconds in rows:
        print(f"| {label} | {seconds * 1000:.0f} | {seconds / baseline:.2f} |")
    print()
    print(search_at_100k(command))


def search_at_100k(command: list[str]) -> str:
    """`quotebook search` as a person runs it (new process, start-up included) on 100,000 quotes."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from search_bench import build
    from search_corpus import make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "q100k.db"
        corpus = make_corpus()
        build(db, 100_000, corpus)
        common = corpus.words[5] if hasattr(corpus, "words") else "the"
        lines = ["| `quotebook search` on 100,000 quotes (process wall time) | median ms | target |",
                 "|---|---|---|"]
        for label, args in [("common word, --json", ["search", common, "--json"]),
                            ("typo, --json", ["search", "sanctinos", "--json"]),
                            ("common word, table", ["search", common])]:
            ms = wall([*command, "--db", str(db), *args]) * 1000
            lines.append(f"| {label} | {ms:.0f} | ≤ 300 {'(ok)' if ms <= 300 else '(missed)'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
