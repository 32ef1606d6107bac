#!/usr/bin/python3
"""Evaluate the exported model (models/moderation) on every held-out split.

    /usr/bin/python3 tools/moderation-classifier/evaluate.py [--model DIR] [--markdown OUT.md]

Scores come from onnxruntime-node (predict.js): the exported ONNX model, the Node tokenizer and
the calibrated thresholds in config.json -- i.e. the serving path, not PyTorch.
Held-out splits: openai-moderation-dev 'eval' half (never trained on, never used for
thresholds), davidson test (10%), toxic-spans tsd_test (sentence level), bias-madlibs test
(15 held-out person names for name_adj + 20% of the other templates), toxigen test (15%),
an eval-only identity probe (new neutral sentence frames x the 50 madlibs identity terms), and
evasion-perturbed copies of the held-out positives.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.dont_write_bytecode = True  # keep the source folder clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import augment  # noqa: E402
import common  # noqa: E402
import seeds  # noqa: E402
from common import HERE, LABELS, MODEL_DIR  # noqa: E402


def average_precision(scores, y):
    order = np.argsort(-scores, kind="mergesort")
    y = y[order]
    npos = y.sum()
    if npos == 0:
        return float("nan")
    tp = np.cumsum(y)
    prec = tp / np.arange(1, len(y) + 1)
    return float((prec * y).sum() / npos)


def fmt(x, pct=False):
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return "—"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def run_node(model_dir, texts):
    with tempfile.TemporaryDirectory() as d:
        inp, out = os.path.join(d, "in.jsonl"), os.path.join(d, "out.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(json.dumps(t, ensure_ascii=False) + "\n")
        subprocess.run(["node", os.path.join(HERE, "predict.js"), "--model", model_dir, "--in", inp, "--out", out],
                       check=True)
        with open(out, encoding="utf-8") as f:
            return np.array([json.loads(l)["probs"] for l in f], dtype=np.float64)


def metric_rows(items, P, thr):
    rows = []
    for j, lab in enumerate(LABELS):
        idx = [i for i, e in enumerate(items) if e["y"][j] >= 0]
        if not idx:
            continue
        y = np.array([items[i]["y"][j] for i in idx])
        p = P[idx, j]
        pred = p >= thr[lab]
        tp, fp = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())
        fn, tn = int((~pred & (y == 1)).sum()), int((~pred & (y == 0)).sum())
        npos = int(y.sum())
        prec = tp / (tp + fp) if tp + fp else (float("nan") if npos == 0 else 0.0)
        rec = tp / npos if npos else float("nan")
        f1 = 2 * tp / (2 * tp + fp + fn) if npos else float("nan")
        fpr = fp / (fp + tn) if fp + tn else float("nan")
        rows.append((lab, len(idx), npos, prec, rec, f1, average_precision(p, y) if npos else float("nan"), fpr))
    return rows


def table(title, rows, out):
    out.append(f"\n### {title}\n")
    out.append("| category | n (label known) | positives | precision | recall | F1 | AUPRC | FPR |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for lab, n, npos, prec, rec, f1, ap, fpr in rows:
        out.append(f"| {lab} | {n} | {npos} | {fmt(prec)} | {fmt(rec)} | {fmt(f1)} | {fmt(ap)} | {fmt(fpr, True)} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=MODEL_DIR)
    ap.add_argument("--markdown", help="also write the report to this file")
    args = ap.parse_args()
    with open(os.path.join(args.model, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    thr = cfg["thresholds"]

    data = common.load_all(include_seeds=False)
    splits = {
        "openai-moderation-dev — held-out eval half": [e for e in data if e["split"] == "eval"],
        "davidson-hate-offensive — test (10%)": [e for e in data if e["source"] == "davidson-hate-offensive" and e["split"] == "test"],
        "toxic-spans — tsd_test, sentence level": [e for e in data if e["source"] == "toxic-spans" and e["split"] == "test"],
        "bias-madlibs — test (held-out names / 20% of other templates)": [e for e in data if e["source"] == "bias-madlibs" and e["split"] == "test"],
        "toxigen — test (15%)": [e for e in data if e["source"] == "toxigen" and e["split"] == "test"],
    }
    identities = common.madlibs_lists()["identity"]
    probe = seeds.identity_probe_eval(identities)
    # evasion: perturbed copies of every held-out positive (openai eval, davidson, toxigen, madlibs BAD sample)
    evasion_src = [e for k, v in splits.items() for e in v if max(e["y"]) == 1.0 and e["source"] != "bias-madlibs"]
    evasion_src += [e for e in splits["bias-madlibs — test (held-out names / 20% of other templates)"]
                    if max(e["y"]) == 1.0 and common.h(e["text"], "evasion") % 20 == 0]
    evasion = [dict(e, text=augment.perturb(e["text"], "eval:" + e["text"], n_words=2)) for e in evasion_src]

    all_items = [e for v in splits.values() for e in v] + probe + evasion_src + evasion
    P_all = run_node(args.model, [e["text"] for e in all_items])
    pos = 0
    preds = {}
    for name, items in list(splits.items()) + [("probe", probe), ("evasion_clean", evasion_src), ("evasion", evasion)]:
        preds[name] = P_all[pos: pos + len(items)]
        pos += len(items)

    out = ["## Evaluation (exported ONNX model via onnxruntime-node, calibrated thresholds)",
           "", "Thresholds: " + ", ".join(f"{k} {v:.2f}" for k, v in thr.items()),
           "", "FPR = share of label-known negatives that are flagged. '—' = no positives for that label in the split."]
    for name, items in splits.items():
        table(name, metric_rows(items, preds[name], thr), out)

    # any-category view on the openai eval half
    oe = splits["openai-moderation-dev — held-out eval half"]
    P = preds["openai-moderation-dev — held-out eval half"]
    flagged = np.array([any(P[i, j] >= thr[l] for j, l in enumerate(LABELS)) for i in range(len(oe))])
    unsafe = np.array([max(e["y"]) == 1.0 for e in oe])
    tp, fp, fn = int((flagged & unsafe).sum()), int((flagged & ~unsafe).sum()), int((~flagged & unsafe).sum())
    out.append(f"\nopenai-moderation-dev eval half, 'any category' (flagged vs any label positive): n={len(oe)}, "
               f"positives={int(unsafe.sum())}, precision {fmt(tp / max(tp + fp, 1))}, recall {fmt(tp / max(tp + fn, 1))}, "
               f"F1 {fmt(2 * tp / max(2 * tp + fp + fn, 1))}, AUPRC(max prob) {fmt(average_precision(P.max(1), unsafe.astype(float)))}")

    # evasion robustness
    out.append("\n### Evasion robustness (held-out positives, 2 words perturbed: leetspeak, separators, repeats, "
               "dropped/swapped letters, casing, fullwidth)\n")
    out.append("| category | positives | recall clean | recall perturbed |")
    out.append("|---|---:|---:|---:|")
    for j, lab in enumerate(LABELS):
        idx = [i for i, e in enumerate(evasion_src) if e["y"][j] == 1.0]
        if not idx:
            continue
        rc = float((preds["evasion_clean"][idx, j] >= thr[lab]).mean())
        rp = float((preds["evasion"][idx, j] >= thr[lab]).mean())
        out.append(f"| {lab} | {len(idx)} | {fmt(rc)} | {fmt(rp)} |")

    # fairness: madlibs NOT_BAD by identity term
    def fpr_table(title, items, P, key):
        groups = {}
        for i, e in enumerate(items):
            g = e["meta"].get(key)
            if g is None:
                continue
            groups.setdefault(g, []).append(i)
        out.append(f"\n### {title}\n")
        out.append("| identity | n | FPR any category | FPR hate | FPR harassment |")
        out.append("|---|---:|---:|---:|---:|")
        anys = []
        for g in sorted(groups):
            idx = groups[g]
            fa = float(np.mean([any(P[i, j] >= thr[l] for j, l in enumerate(LABELS)) for i in idx]))
            fh = float(np.mean(P[idx, LABELS.index("hate")] >= thr["hate"]))
            fr = float(np.mean(P[idx, LABELS.index("harassment")] >= thr["harassment"]))
            anys.append(fa)
            out.append(f"| {g} | {len(idx)} | {fmt(fa, True)} | {fmt(fh, True)} | {fmt(fr, True)} |")
        allidx = [i for v in groups.values() for i in v]
        overall = float(np.mean([any(P[i, j] >= thr[l] for j, l in enumerate(LABELS)) for i in allidx]))
        out.append(f"\nSummary ({len(groups)} groups, {len(allidx)} sentences): overall FPR(any) {fmt(overall, True)}, "
                   f"mean {fmt(float(np.mean(anys)), True)}, max {fmt(float(np.max(anys)), True)} "
                   f"({sorted(groups)[int(np.argmax(anys))]}), min {fmt(float(np.min(anys)), True)}, "
                   f"std {fmt(float(np.std(anys)), True)}")

    ml = splits["bias-madlibs — test (held-out names / 20% of other templates)"]
    Pm = preds["bias-madlibs — test (held-out names / 20% of other templates)"]
    nb = [i for i, e in enumerate(ml) if e["meta"]["bad"] == 0 and e["meta"].get("identity")]
    fpr_table("Identity-term FPR — bias-madlibs held-out NOT_BAD sentences", [ml[i] for i in nb], Pm[nb], "identity")
    fpr_table("Identity-term FPR — eval-only neutral probe (8 unseen sentence frames)", probe, preds["probe"], "identity")
    tg = splits["toxigen — test (15%)"]
    Pt = preds["toxigen — test (15%)"]
    nt = [i for i, e in enumerate(tg) if e["meta"]["hate"] == 0]
    fpr_table("Target-group FPR — toxigen held-out neutral statements (small counts)", [tg[i] for i in nt], Pt[nt], "group")

    report = "\n".join(out) + "\n"
    print(report)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(report)


if __name__ == "__main__":
    main()
