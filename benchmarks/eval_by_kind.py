"""Recall per gold kind, and the missed indirect attributions grouped by their gold cue.

    python benchmarks/eval_by_kind.py [dev|train|PATH.jsonl] [--top 40] [--show CUE] [--samples N]

Matching is the shared scorer's (all tier: every gold against every prediction).
A miss is "boundary" when some prediction overlaps the gold content but below
the Jaccard threshold, and "unseen" when nothing overlaps it at all.
--show CUE prints sample misses for one gold cue ("said", "according to", …),
with the nearest prediction, to study where gold content starts and ends.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import tempfile
from pathlib import Path

from eval_polnear import SHARED, SPLITS, predict


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default="dev")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--show", help="print sample misses whose gold cue is this")
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--spurious", help="print sample spurious predictions with this cue ('*' for any)")
    parser.add_argument("--by-cue", type=int, default=0, help="precision of the N most frequent predicted cues")
    args = parser.parse_args()
    score = _scorer()
    gold_path = SPLITS.get(args.split, Path(args.split))
    pred_path = Path(tempfile.mkdtemp(prefix="quotebook-kind-")) / "pred.jsonl"
    predict(gold_path, pred_path)
    preds = {}
    for line in pred_path.open(encoding="utf-8"):
        d = json.loads(line)
        preds[d["id"]] = d["quotes"]
    total, found, speaker_ok = collections.Counter(), collections.Counter(), collections.Counter()
    missed, boundary = collections.Counter(), collections.Counter()
    spurious_cues, samples, spurious_samples = collections.Counter(), [], []
    predicted_cues = collections.Counter()
    npred = nmatched = 0
    for line in gold_path.open(encoding="utf-8"):
        doc = json.loads(line)
        text, golds, pq = doc["text"], doc["quotes"], preds.get(doc["doc_id"], [])
        pairs = score.match(text, pq, golds)
        npred, nmatched = npred + len(pq), nmatched + len(pairs)
        matched = {j: i for i, j in pairs}
        for j, g in enumerate(golds):
            total[g["kind"]] += 1
            if j in matched:
                found[g["kind"]] += 1
                speaker_ok[g["kind"]] += score.speaker_ok(pq[matched[j]], g)
                continue
            if g["kind"] != "indirect":
                continue
            cue = (g.get("cue") or "").lower()
            missed[cue] += 1
            near = [p for p in pq if score.overlaps(score.pred_spans(p), g["quote_spans"])]
            if near:
                boundary[cue] += 1
            if args.show is not None and cue == args.show.lower() and len(samples) < args.samples:
                b, e = g["quote_spans"][0][0], g["quote_spans"][-1][1]
                ctx = text[max(0, b - 120):b] + "[[" + text[b:e] + "]]" + text[e:e + 60]
                nearest = None
                if near:
                    s = score.pred_spans(near[0])
                    nearest = text[s[0][0]:s[-1][1]]
                samples.append((g.get("speaker"), ctx.replace("\n", " / "), nearest))
        matched_p = {i for i, _ in pairs}
        for i, p in enumerate(pq):
            predicted_cues[(p.get("cue") or "").lower()] += 1
            if i not in matched_p:
                cue = (p.get("cue") or "").lower()
                spurious_cues[cue] += 1
                if args.spurious in ("*", cue) and len(spurious_samples) < args.samples:
                    s = score.pred_spans(p)
                    spurious_samples.append((p.get("cue"), p.get("speaker"), text[s[0][0]:s[-1][1]][:160]))
    print(f"{args.split}: predicted {npred}, matched {nmatched} (P {nmatched / max(npred, 1):.3f})")
    print(f"{'kind':10} {'gold':>6} {'found':>6} {'recall':>7} {'spk ok':>7}")
    for kind in ("direct", "mixed", "indirect"):
        n = total[kind]
        print(f"{kind:10} {n:>6} {found[kind]:>6} {found[kind] / max(n, 1):>7.3f} {speaker_ok[kind] / max(found[kind], 1):>7.3f}")
    print(f"\nmissed indirect by gold cue (top {args.top}; boundary = overlapped but below threshold)")
    print(f"{'cue':24} {'missed':>6} {'boundary':>8}")
    for cue, n in missed.most_common(args.top):
        print(f"{cue[:24]:24} {n:>6} {boundary[cue]:>8}")
    print(f"{'(all)':24} {sum(missed.values()):>6} {sum(boundary.values()):>8}")
    print("\nspurious predictions by cue (top 15):", ", ".join(f"{c}={n}" for c, n in spurious_cues.most_common(15)))
    if args.by_cue:
        print(f"\n{'predicted cue':24} {'pred':>6} {'P':>6}")
        for cue, n in predicted_cues.most_common(args.by_cue):
            print(f"{cue[:24]:24} {n:>6} {1 - spurious_cues[cue] / n:>6.2f}")
    for speaker, ctx, nearest in samples:
        print(f"\n- speaker={speaker!r}\n  {ctx}\n  nearest pred: {nearest!r}")
    for cue, speaker, quote in spurious_samples:
        print(f"\n* spurious cue={cue!r} speaker={speaker!r}: {quote}")


if __name__ == "__main__":
    main()
