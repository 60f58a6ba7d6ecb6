"""Score extraction on PolNeAR (and the seed article) with the shared scorer.

    python benchmarks/eval_polnear.py [dev|train|seed|PATH.jsonl ...] [--errors N]

Writes predictions in the `quotebook extract --jsonl` format next to a temp
directory and runs ../shared/eval/score.py on them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotebook.extract import extract_quotes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPLITS = {
    "seed": SHARED / "data" / "seed" / "pompeo-minsk.gold.jsonl",
    "dev": SHARED / "data" / "polnear" / "polnear_dev.jsonl",
    "train": SHARED / "data" / "polnear" / "polnear_train.jsonl",
}


def quote_record(q) -> dict:
    return {"quote": q.text, "start": q.start, "end": q.end, "spans": [list(s) for s in q.spans],
            "kind": q.kind, "speaker": q.speaker, "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end, "cue": q.cue, "confidence": q.confidence}


def predict(gold: Path, out: Path) -> tuple[int, float]:
    chars, seconds = 0, 0.0
    with gold.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            doc = json.loads(line)
            began = time.perf_counter()
            quotes = extract_quotes(doc["text"], title=doc.get("title"))
            seconds += time.perf_counter() - began
            chars += len(doc["text"])
            dst.write(json.dumps({"id": doc["doc_id"], "quotes": [quote_record(q) for q in quotes]}) + "\n")
    return chars, seconds


def doubled_apostrophe_quotes(gold: Path, pred: Path, out: Path) -> bool:
    """Write pred with its ''…'' quotations relabelled indirect; whether there were any.

    PolNeAR's conversion took only double quotation marks for quotation marks, so the
    quotations some of its NYT texts write ''like this'' are labelled indirect in its
    gold. quotebook calls them direct, because they are; this rescoring shows how much
    of the direct tier's score that difference accounts for.
    """
    texts = {}
    with gold.open(encoding="utf-8") as src:
        for line in src:
            if line.strip():
                doc = json.loads(line)
                texts[doc["doc_id"]] = doc["text"]
    changed = 0
    with pred.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            doc = json.loads(line)
            text = texts.get(doc["id"], "")
            for quote in doc["quotes"]:
                if quote["kind"] != "indirect" and "''" in text[quote["start"]:quote["end"]]:
                    quote["kind"] = "indirect"
                    changed += 1
            dst.write(json.dumps(doc) + "\n")
    return changed > 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="*", default=["seed", "dev"])
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--keep", help="directory to keep the prediction files in")
    args = parser.parse_args()
    out_dir = Path(args.keep or tempfile.mkdtemp(prefix="quotebook-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    scorer = SHARED / "eval" / "score.py"
    extract_quotes("Warm-up, loading the lexicons: “Fine,” she said.")
    for split in args.splits:
        gold = SPLITS.get(split, Path(split))
        if not gold.exists():
            print(f"{split}: {gold} not found, skipped", file=sys.stderr)
            continue
        pred = out_dir / f"{gold.stem}.pred.jsonl"
        chars, seconds = predict(gold, pred)
        print(f"== {split}: {chars / 1e6:.2f} MB in {seconds:.2f} s, {chars / 1e6 / max(seconds, 1e-9):.2f} MB/s")
        cmd = [sys.executable, str(scorer), str(gold), str(pred)]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        sys.stdout.flush()
        subprocess.run(cmd, check=False)
        if doubled_apostrophe_quotes(gold, pred, out_dir / f"{gold.stem}.as-gold-kinds.jsonl"):
            print("   (reference: the same predictions with quotations marked by doubled apostrophes, ''like this'',")
            print("    labelled indirect as the converted gold labels them; quotebook labels them direct)")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(scorer), str(gold), str(out_dir / f"{gold.stem}.as-gold-kinds.jsonl")],
                           check=False)


if __name__ == "__main__":
    main()
