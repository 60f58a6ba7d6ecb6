"""Print the instructions one extraction pass over the dev split costs, counted by callgrind.

    python benchmarks/extract_instructions.py

Seconds on a shared virtual machine move with its clock; instructions do not, so this is the
figure to compare two versions by. Two runs under valgrind's callgrind: one loads the lexicons
and reads five articles, the other does the same and then one pass over every text; the
difference is the pass. Takes a minute or two. Prints a note and exits 0 when valgrind is not
installed. Uses the PolNeAR dev texts when ../shared is there, otherwise generated text.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Run inside callgrind; argv[1] == "1" adds the measured pass.
_PASS = """
import sys
sys.path.insert(0, {here!r})
from extract_speed import corpus
from quotebook.extract import extract_quotes
texts, source = corpus()
for text in texts[:5]:
    extract_quotes(text)
if sys.argv[1] == "1":
    for text in texts:
        extract_quotes(text)
print(source, sum(len(t.encode("utf-8")) for t in texts))
"""


def instructions(measured: bool) -> tuple[int, str, int]:
    """Instructions callgrind counted for the script, with the corpus name and size in bytes."""
    with tempfile.TemporaryDirectory() as folder:
        # A fixed hash seed: set and dict order, and so the work done, are the same in every run.
        env = dict(os.environ, PYTHONHASHSEED="0")
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out",
             sys.executable, "-c", _PASS.format(here=str(HERE)), "1" if measured else "0"],
            env=env, capture_output=True, text=True, cwd=HERE.parent)
    count = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or count is None:
        sys.exit(f"callgrind failed:\n{done.stderr[-2000:]}")
    source, size = done.stdout.strip().rsplit(" ", 1)
    return int(count.group(1)), source, int(size)


def main() -> None:
    if shutil.which("valgrind") is None:
        print("extraction instructions: valgrind is not installed, so not counted")
        return
    base, _, _ = instructions(False)
    full, source, size = instructions(True)
    spent = full - base
    print(f"extraction instructions: {source}, one pass: {spent / 1e9:.3f} G instructions, "
          f"{spent / size:,.0f} per byte of text (callgrind)")


if __name__ == "__main__":
    main()
