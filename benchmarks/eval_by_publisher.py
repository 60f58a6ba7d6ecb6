"""Per-publisher scores on PolNeAR, and the direct tier without NYT.

    python benchmarks/eval_by_publisher.py [dev|train|PATH.jsonl ...]

NYT texts use doubled apostrophes (''like this'') as quotation marks and the
gold labels every one of those quotes indirect, a conversion artefact. We keep
calling them direct, so the "all but nyt" row shows the direct tier without it.
Matching and speaker checks are the shared scorer's own functions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict

from eval_polnear import SHARED, SPLITS, quote_record

from quotebook.extract import extract_quotes


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TIERS = {
    "direct": (lambda g: g["kind"] in ("direct", "mixed"), lambda p: p["kind"] in ("direct", "mixed")),
    "all": (lambda g: True, lambda p: True),
}


def tally(score, docs) -> dict[str, dict[str, list[int]]]:
    """{group: {tier: [tp, e2e, npred, ngold, speaker_ok, speaker_total]}}"""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {t: [0] * 6 for t in TIERS})
    for doc in docs:
        preds = [quote_record(q) for q in extract_quotes(doc["text"], title=doc.get("title"))]
        groups = [doc["publisher"], "all"] + (["all but nyt"] if doc["publisher"] != "nyt" else [])
        for tier, (gsel, psel) in TIERS.items():
            golds = [g for g in doc["quotes"] if gsel(g)]
            chosen = [p for p in preds if psel(p)]
            pairs = score.match(doc["text"], chosen, golds)
            row = [len(pairs), 0, len(chosen), len(golds), 0, 0]
            for i, j in pairs:
                ok = score.speaker_ok(chosen[i], golds[j])
                row[1] += ok
                if golds[j].get("speaker"):
                    row[4] += ok
                    row[5] += 1
            for group in groups:
                counts[group][tier] = [a + b for a, b in zip(counts[group][tier], row)]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="*", default=["dev"])
    args = parser.parse_args()
    score = _scorer()
    for split in args.splits:
        path = SPLITS.get(split)
        docs = [json.loads(line) for line in open(path if path else split, encoding="utf-8") if line.strip()]
        counts = tally(score, docs)
        print(f"== {split}")
        print(f"{'publisher':12} {'tier':7} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6} {'e2e':>6}")
        order = sorted(k for k in counts if k not in ("all", "all but nyt")) + ["all but nyt", "all"]
        for group in order:
            for tier in TIERS:
                tp, e2e, npred, ngold, sok, stot = counts[group][tier]
                p, r, f = score.prf(tp, npred, ngold)
                fe = score.prf(e2e, npred, ngold)[2]
                acc = sok / stot if stot else 0.0
                print(f"{group:12} {tier:7} {ngold:>5} {npred:>5} {p:6.3f} {r:6.3f} {f:6.3f} {acc:6.3f} {fe:6.3f}")


if __name__ == "__main__":
    main()
