#!/usr/bin/python3
"""Calibrate an exported moderation classifier's thresholds again, on its ONNX scores (the serving path), with
train.py's false-positive-budget calibration; rewrites the thresholds and calibration of its config.json in place.

    /usr/bin/python3 tools/moderation-classifier/calibrate.py --model /tmp/candidate [--small-set-rule]
        [--match-lookalikes models/moderation] [--calibration-exclude SOURCE]... [--work /tmp/warden-modcls-calibrate]

--match-lookalikes REFERENCE adds the look-alike calibration sets (val splits of the written requests and of the
threat and sexual generators, never trained on) with no per-category budget: on each, the model may flag, any
category, at most as many texts as REFERENCE flags at its own thresholds. Used by ensemble.py for its graph, and on
its own for a model trained elsewhere (candidate v2.38).
"""
import argparse
import json
import os

import numpy as np

import train
from common import LABELS

# train.py's look-alike calibration sets (val splits of the written requests and the threat and sexual generators)
LOOKALIKE_SOURCES = ("written-requests", "threat-contrast", "sexual-contrast")


def node_logits(model_dir, texts, work, tag):
    path_in, path_out = os.path.join(work, f"{tag}_in.jsonl"), os.path.join(work, f"{tag}_out.jsonl")
    train.write_texts(path_in, texts)
    train.node("predict.js", "--model", model_dir, "--in", path_in, "--out", path_out, "--logits")
    with open(path_out, encoding="utf-8") as f:
        return np.array([json.loads(line)["logits"] for line in f], dtype=np.float64).reshape(len(texts), -1)


def lookalike_allowances(reference_dir, sets, work):
    """How many texts of each look-alike set the reference model flags, any category, at its own thresholds."""
    with open(os.path.join(reference_dir, "config.json"), encoding="utf-8") as f:
        reference = json.load(f)
    ref_thresholds = np.array([reference["thresholds"][lab] for lab in LABELS])
    allowed = {}
    for src in LOOKALIKE_SOURCES:
        texts = [e["text"] for e in sets[src]]
        probs = train.sigmoid(node_logits(reference_dir, texts, work, f"reference_{src.replace('/', '_')}"))
        allowed[src] = int((probs >= ref_thresholds).any(axis=1).sum())
    print("look-alikes the reference flags (the allowance):",
          {src: f"{allowed[src]} of {len(sets[src])}" for src in LOOKALIKE_SOURCES}, flush=True)
    return allowed


def calibrate(model_dir, work, calibration_exclude=(), small_set_rule=False, match_lookalikes=None):
    """(thresholds, per-set report, look-alike allowances, the data loaded) for the model's ONNX scores."""
    os.makedirs(work, exist_ok=True)
    matching = bool(match_lookalikes)
    data = train.prepare_data(with_written=matching, with_threats=matching, with_sexual=matching)
    sets = {k: v for k, v in train.benign_cal_sets(data).items() if k not in calibration_exclude}
    matched = lookalike_allowances(match_lookalikes, sets, work) if matching else {}
    cal_texts = [e["text"] for src in sorted(sets) for e in sets[src]]
    cal_logits = node_logits(model_dir, cal_texts, work, "calibration")
    probs, k = {}, 0
    for src in sorted(sets):
        probs[src] = train.sigmoid(cal_logits[k: k + len(sets[src])])
        k += len(sets[src])
    thresholds, report = train.fp_budget_thresholds(sets, probs, small_set_rule, matched=matched)
    print("thresholds", thresholds, flush=True)
    print("calibration FPR", report, flush=True)
    return thresholds, report, matched, data


# --adult-sexual-negatives: adult sexual text is a negative of sexual/minors, which no benign set can show (candidate
# v2.44 scored "a man has sex with a 30 year old woman" sexual/minors 0.17 over the 0.1 floor). The rows are
# sexual.py's training pool, adult groups only: calibrate this way only a model that did not train on that pool
# (`train.py --with-sexual`), and never on its evaluation pool.
ADULT_SEXUAL_BUDGET = 0.01


def adult_sexual_threshold(model_dir, work, threshold, small_set_rule):
    """The sexual/minors threshold, raised (never lowered) until at most ADULT_SEXUAL_BUDGET of the adult sexual rows
    score sexual/minors at or above it; and the report of that set."""
    import sexual  # noqa: E402

    texts = [e["text"] for e in sexual.training_examples()
             if e["source"] == "synthetic-sexual" and e["meta"]["group"] not in sexual.MINOR_GROUPS]
    minors = train.sigmoid(node_logits(model_dir, texts, work, "adult_sexual"))[:, LABELS.index("sexual/minors")]
    allowed = train.allowed_false_positives(ADULT_SEXUAL_BUDGET, len(texts), small_set_rule)
    raised = float(max(threshold, train.lowest_threshold(minors, allowed)))
    report = {"n": len(texts), "allowed": allowed, "flagged_before": int((minors >= threshold).sum()),
              "flagged_after": int((minors >= raised).sum()), "threshold_before": threshold, "threshold": raised}
    print("adult sexual rows, sexual/minors:", report, flush=True)
    return raised, report


def calibration_summary(previous, report, small_set_rule, match_lookalikes, matched, calibration_exclude):
    """The config's `calibration` entry after calibrate()."""
    return dict(previous, benign_sets=report, small_set_rule=small_set_rule,
                **({"lookalikes_matched_to": {"model": os.path.basename(os.path.normpath(match_lookalikes)),
                                              "allowed": matched}} if matched else {}),
                **({"excluded_sets": sorted(calibration_exclude)} if calibration_exclude else {}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="an exported model directory (config.json rewritten in place)")
    ap.add_argument("--work", default="/tmp/warden-modcls-calibrate")
    ap.add_argument("--calibration-exclude", action="append", default=[], metavar="SOURCE")
    ap.add_argument("--small-set-rule", action="store_true")
    ap.add_argument("--match-lookalikes", metavar="REFERENCE_DIR")
    ap.add_argument("--adult-sexual-negatives", action="store_true",
                    help="raise sexual/minors until at most 1 %% of sexual.py's adult training rows reach it")
    args = ap.parse_args()
    config_path = os.path.join(args.model, "config.json")
    with open(config_path, encoding="utf-8") as f:
        config = json.load(f)
    thresholds, report, matched, _ = calibrate(args.model, args.work, args.calibration_exclude, args.small_set_rule,
                                               args.match_lookalikes)
    adult = None
    if args.adult_sexual_negatives:
        thresholds["sexual/minors"], adult = adult_sexual_threshold(args.model, args.work, thresholds["sexual/minors"],
                                                                    args.small_set_rule)
    config["thresholds"] = thresholds
    config["calibration"] = calibration_summary(config.get("calibration", {}), report, args.small_set_rule,
                                                args.match_lookalikes, matched, args.calibration_exclude)
    if adult:
        config["calibration"]["adult_sexual_negatives"] = adult
    with open(config_path, "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    print(f"wrote {config_path}", flush=True)


if __name__ == "__main__":
    main()
