"""`make bench`: run every benchmark and write benchmarks/RESULTS.md.

Each benchmark runs in its own process, so its peak memory (max RSS, from
wait4) is its own. The Markdown each one prints is gathered under a heading,
with the machine and the date.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS = [
    ("Extraction speed", "extract_speed.py", []),
    ("Extraction cost in instructions", "extract_instructions.py", []),
    ("Ingest layer throughput (parsing only)", "ingest_speed.py", []),
    ("Import throughput (end to end, into SQLite)", "import_speed.py", []),
    ("Search at scale", "search_bench.py", []),
    ("Start-up", "startup.py", []),
]

NOISE = """\
## What is noisy
- Wall-clock figures move by 5–15 % between runs on this shared 2-core machine; start-up
  medians by a few ms. Search percentiles at 1M rows depend on the page cache: the first
  query of each class is the slowest, and p95 over a small sample is sensitive to one stall.
- Extraction MB/s is CPU time, so other load counts less, but this virtual machine's CPU speed
  itself drifts: the same code measured 246–490 ms per dev pass (0.85–1.7 MB/s) within one
  hour on an idle machine. Compare versions by instructions (the callgrind count above, the
  same in every run) or in paired, alternating runs. Import articles/s depends on both
  cores being free: it uses one worker process beside the writer (272/s with the other core
  busy, 362/s quiet).
- The "phrases of very common words" p95 was 38–60 ms across runs with a window budget of
  40,000 position checks; with 25,000 it measured 35–40 ms, same results.
- Peak RSS is the process's maximum resident set, measured by the kernel (wait4), and is
  stable to a few MB.
"""


def run_one(script: str, args: list[str]) -> tuple[str, float, float, int]:
    """Run one benchmark; return its output, seconds, peak RSS in MB and exit code."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, str(HERE / script), *args], stdout=out,
                                   stderr=err, text=True, cwd=HERE.parent)
        # wait4 rather than wait: it also gives the child's own resource usage.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - started
        out.seek(0), err.seek(0)
        text, errors = out.read(), err.read()
    if process.returncode:
        text += f"\n**failed** (exit {process.returncode}):\n\n```\n{errors[-2000:]}\n```\n"
    return text, elapsed, usage.ru_maxrss / 1024, process.returncode


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, SQLite " \
           f"{__import__('sqlite3').sqlite_version}, {platform.system()} {platform.release()}"


def main() -> None:
    sections, memory = [], []
    failed = False
    for title, script, args in BENCHMARKS:
        if not (HERE / script).exists():
            sections.append(f"## {title}\n\n(missing: benchmarks/{script})\n")
            continue
        print(f"running {script} …", file=sys.stderr, flush=True)
        out, elapsed, peak_mb, code = run_one(script, args)
        failed |= bool(code)
        memory.append((title, peak_mb, elapsed))
        sections.append(f"## {title}\n\n{out.strip()}\n")
        print(out, flush=True)
    table = ["## Peak memory and run time", "", "| benchmark | peak RSS MB | seconds |", "|---|---|---|"]
    table += [f"| {t} | {m:.0f} | {s:.0f} |" for t, m, s in memory]
    report = "\n".join([
        "# quotebook benchmarks", "",
        f"- Date: {datetime.datetime.now().isoformat(timespec='minutes')}",
        f"- Machine: {machine()}", "",
        *sections, "\n".join(table) + "\n", NOISE,
    ])
    (HERE / "RESULTS.md").write_text(report, encoding="utf-8")
    print("\n".join(table))
    print(f"\nwrote {HERE / 'RESULTS.md'}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
