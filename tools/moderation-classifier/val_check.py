#!/usr/bin/python3
"""Compare exported models on the VAL splits only (never a test/eval split, never the bench's sets): what a training
choice (e.g. a learning rate) may be selected on before the held-out evaluation run.

    /usr/bin/python3 tools/moderation-classifier/val_check.py DIR [DIR ...]

Rows: every val-split row of prepare_data() (labelled sets and the benign calibration sets), augmented copies left
out. Any-category label: positive when a known label is 1, negative when every label is known and 0 (else skipped);
score = max probability over categories, through predict.js (the serving path). Prints pooled any-category AUPRC
and the mean of the per-category AUPRCs over known labels.
"""
import os
import sys

import numpy as np

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402
from common import LABELS  # noqa: E402
from ensemble import node_logits  # noqa: E402  (scores through predict.js: the serving path)


def average_precision(scores, y):
    order = np.argsort(-scores, kind="mergesort")
    y = y[order]
    if y.sum() == 0:
        return float("nan")
    return float((np.cumsum(y) / np.arange(1, len(y) + 1) * y).sum() / y.sum())


def main():
    rows = [e for e in train.prepare_data() if e["split"] == "val" and not e["meta"].get("augmented")]
    Y = np.array([e["y"] for e in rows], dtype=np.float32)
    positive = (Y == 1).any(axis=1)
    negative = (Y == 0).all(axis=1)
    keep = positive | negative
    print(f"{len(rows)} val rows, {int(positive.sum())} positive, {int(negative.sum())} all-known negative")
    work = os.path.join("/tmp", "warden-val-check")
    os.makedirs(work, exist_ok=True)
    for directory in sys.argv[1:]:
        P = train.sigmoid(node_logits(directory, [e["text"] for e in rows], work, "val"))
        pooled = average_precision(P.max(axis=1)[keep], positive[keep].astype(np.float64))
        per = []
        for j, lab in enumerate(LABELS):
            known = Y[:, j] >= 0
            if (Y[known, j] == 1).sum() >= 5:
                per.append(average_precision(P[known, j], Y[known, j].astype(np.float64)))
        print(f"{directory}: pooled any-category AUPRC {pooled:.4f}; mean per-category AUPRC {np.mean(per):.4f} "
              f"({len(per)} categories with >= 5 positives)", flush=True)


if __name__ == "__main__":
    main()
