#!/usr/bin/python3
"""A two-member ensemble that runs its second member only on the rows the first is unsure of, in ONE ONNX graph.

    /usr/bin/python3 tools/moderation-classifier/cascade.py --first models/moderation --ensemble /tmp/v2.43 \
        --out /tmp/cascade [--fraction F | --coverage 0.99] [--work /tmp/warden-modcls-cascade]

`--ensemble` is a mean-prob ensemble built by ensemble.py whose first member is `--first`. Its graph runs both members
on every row, so it costs about twice the first member. The cascade's graph computes the first member's logits l0 for
every row; a row is *in the band* when, in some category, sigmoid(l0) >= band = F x min(first's threshold, ensemble's
threshold). Only in-band rows (gathered into a smaller batch inside an `If`) go through the second member, and get the
ensemble's score, logit((sigmoid(l0) + sigmoid(l1)) / 2); the other rows keep l0. Out-of-band rows are below every
ensemble threshold, so the cascade flags exactly the ensemble's flags among in-band rows, and nothing else: its false
positives are at most the ensemble's, its recall is the ensemble's less what the first member scores below the band.
Thresholds are the ensemble's (no recalibration). Ordinary text, which the first member scores far below its
thresholds, costs one member plus a comparison.

`--coverage C` picks F as the largest of 1, 1/2, 1/4, 1/8, 1/16, 1/32 that keeps at least C of the ensemble's flags on
the training sources' validation split (never the evaluation or test splits), and reports which share of those rows
runs the second member; `--coverage-source S` (repeatable) counts only those sources' validation rows, e.g. a source
the first member never trained on, where its misses look like those on text written by strangers (candidate v2.56).
`--first-only CATEGORY` (repeatable) keeps the first member's logit in that category on every row (the second read
adult sexual text as involving a child: candidates v2.44, v2.56).
"""
import argparse
import json
import os
import shutil
import time

import numpy as np
import onnx
from onnx import helper, TensorProto

import common
import ensemble
import train
from calibrate import node_logits
from common import LABELS

FRACTIONS = (1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125)


def logit(p):
    p = np.asarray(p, dtype=np.float64)
    return np.log(p) - np.log1p(-p)


def constant(name, array, dtype):
    array = np.asarray(array)
    return helper.make_node("Constant", [], [name], value=helper.make_tensor(
        name + "_value", dtype, list(array.shape), array.flatten().tolist()))


def build_graph(first_onnx, second_onnx, band_logits, first_only=()):
    """Main graph: first member, band test, If(any row in band) → second member on the gathered rows."""
    first = ensemble.member_graph(first_onnx, "m0_")
    second = ensemble.member_graph(second_onnx, "m1_")
    gathered = {"input_ids": "cas_ids_k", "attention_mask": "cas_mask_k"}
    second_nodes = list(second.graph.node)
    for node in second_nodes:
        node.input[:] = [gathered.get(name, name) for name in node.input]

    combined = ensemble.combine_nodes("cas_l0_k", "m1_logits", "mean-prob")
    for node in combined:
        node.output[:] = ["cas_mean_k" if name == "logits" else name for name in node.output]
    keep_first = np.array([label in first_only for label in LABELS])
    combined += [
        constant("cas_keep_first", keep_first, TensorProto.BOOL),
        helper.make_node("Where", ["cas_keep_first", "cas_l0_k", "cas_mean_k"], ["cas_combined_k"]),
    ]
    then_nodes = [
        helper.make_node("NonZero", ["cas_in_band"], ["cas_nonzero"]),
        constant("cas_axis0", [0], TensorProto.INT64),
        helper.make_node("Squeeze", ["cas_nonzero", "cas_axis0"], ["cas_rows"]),
        helper.make_node("Gather", ["input_ids", "cas_rows"], ["cas_ids_k"], axis=0),
        helper.make_node("Gather", ["attention_mask", "cas_rows"], ["cas_mask_k"], axis=0),
        *second_nodes,
        helper.make_node("Gather", ["m0_logits", "cas_rows"], ["cas_l0_k"], axis=0),
        *combined,
        constant("cas_axis1", [1], TensorProto.INT64),
        helper.make_node("Unsqueeze", ["cas_rows", "cas_axis1"], ["cas_row_index"]),
        helper.make_node("ScatterND", ["m0_logits", "cas_row_index", "cas_combined_k"], ["cas_then_logits"]),
    ]
    logits_info = lambda name: helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", len(LABELS)])
    then_branch = helper.make_graph(then_nodes, "second_member", [], [logits_info("cas_then_logits")])
    else_branch = helper.make_graph([helper.make_node("Identity", ["m0_logits"], ["cas_else_logits"])],
                                    "first_member_only", [], [logits_info("cas_else_logits")])
    nodes = list(first.graph.node) + [
        constant("cas_band", np.asarray(band_logits, dtype=np.float32), TensorProto.FLOAT),
        helper.make_node("Sub", ["m0_logits", "cas_band"], ["cas_over_band"]),
        helper.make_node("ReduceMax", ["cas_over_band"], ["cas_row_max"], axes=[1], keepdims=0),
        constant("cas_zero", np.float32(0), TensorProto.FLOAT),
        helper.make_node("GreaterOrEqual", ["cas_row_max", "cas_zero"], ["cas_in_band"]),
        helper.make_node("Cast", ["cas_in_band"], ["cas_in_band_f"], to=TensorProto.FLOAT),
        helper.make_node("ReduceMax", ["cas_in_band_f"], ["cas_any_f"], keepdims=0),
        helper.make_node("Greater", ["cas_any_f", "cas_zero"], ["cas_any"]),
        helper.make_node("If", ["cas_any"], ["logits"], then_branch=then_branch, else_branch=else_branch),
    ]
    graph = helper.make_graph(nodes, "warden_moderation_cascade", list(first.graph.input), [logits_info("logits")],
                              initializer=list(first.graph.initializer) + list(second.graph.initializer))
    opset = max(o.version for o in list(first.opset_import) + list(second.opset_import)
                if o.domain in ("", "ai.onnx"))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", max(opset, 14))],
                              producer_name="warden-cascade")
    model.ir_version = first.ir_version
    onnx.checker.check_model(model)
    return model


def cascade_numpy(l0, l1, band_logits, first_only=()):
    """The graph's combination in float64 (parity reference), and which rows were in the band."""
    in_band = (l0 - band_logits >= 0).any(axis=1)
    keep_first = np.array([label in first_only for label in LABELS])
    combined = np.where(keep_first[None, :], l0, ensemble.combine_numpy(l0, l1, "mean-prob"))
    return np.where(in_band[:, None], combined, l0), in_band


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", required=True, help="the member every row goes through (the ensemble's first)")
    ap.add_argument("--ensemble", required=True, help="a mean-prob ensemble (ensemble.py) of --first and another")
    ap.add_argument("--out", required=True)
    ap.add_argument("--fraction", type=float, help="band = fraction x min(first's, ensemble's threshold)")
    ap.add_argument("--coverage", type=float, default=0.99,
                    help="without --fraction: keep at least this share of the ensemble's flags on the validation split")
    ap.add_argument("--coverage-source", action="append", default=[], metavar="SOURCE",
                    help="count only this training source's validation rows for --coverage (repeatable)")
    ap.add_argument("--first-only", action="append", default=[], choices=LABELS, metavar="CATEGORY",
                    help="keep the first member's logit in this category on every row (repeatable)")
    ap.add_argument("--work", default="/tmp/warden-modcls-cascade")
    args = ap.parse_args()
    t_start = time.time()
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(os.path.join(args.out, "onnx"), exist_ok=True)
    first_dir, ensemble_dir = os.path.abspath(args.first), os.path.abspath(args.ensemble)
    load = lambda d: json.load(open(os.path.join(d, "config.json"), encoding="utf-8"))
    first_cfg, ensemble_cfg = load(first_dir), load(ensemble_dir)
    assert ensemble_cfg.get("ensemble", {}).get("combine") == "mean-prob", "--ensemble must be a mean-prob ensemble"
    members = [os.path.join(os.path.dirname(os.path.dirname(train.HERE)), m["directory"])
               for m in ensemble_cfg["ensemble"]["members"]]
    assert os.path.realpath(members[0]) == os.path.realpath(first_dir), f"the ensemble's first member is {members[0]}"
    second_dir = members[1]
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copyfile(os.path.join(first_dir, name), os.path.join(args.out, name))
    thresholds = np.array([ensemble_cfg["thresholds"][lab] for lab in LABELS])
    ceiling = np.minimum(thresholds, np.array([first_cfg["thresholds"][lab] for lab in LABELS]))

    # ---- the band: chosen on the validation split of the training sources (never evaluation data)
    # The request sets are where the second member differs most (it was trained on them); their validation rows count.
    data = train.prepare_data(with_requests=True, with_written=True)
    val = [e["text"] for e in data if e["split"] == "val" and not e["meta"].get("augmented")
           and (not args.coverage_source or e["source"] in args.coverage_source)]
    l0 = node_logits(first_dir, val, args.work, "val_first")
    l1 = node_logits(second_dir, val, args.work, "val_second")
    flagged = train.sigmoid(cascade_numpy(l0, l1, np.full(len(LABELS), -np.inf), args.first_only)[0]) >= thresholds
    flagged_rows = flagged.any(axis=1)
    report = []
    for fraction in FRACTIONS:
        scores, in_band = cascade_numpy(l0, l1, logit(fraction * ceiling), args.first_only)
        kept = (train.sigmoid(scores) >= thresholds).any(axis=1)
        coverage = kept.sum() / max(1, flagged_rows.sum())
        report.append({"fraction": fraction, "coverage": round(float(coverage), 4),
                       "rows_in_band": round(float(in_band.mean()), 4)})
        print(f"band {fraction:g} x threshold: keeps {kept.sum()} of the ensemble's {flagged_rows.sum()} flagged "
              f"validation rows ({coverage:.2%}); {in_band.mean():.1%} of {len(val)} rows run the second member",
              flush=True)
    if args.fraction is None:
        chosen = next((r for r in report if r["coverage"] >= args.coverage), report[-1])
        fraction = chosen["fraction"]
    else:
        fraction = args.fraction
    band_logits = logit(fraction * ceiling)
    print(f"band: {fraction:g} x min(thresholds)", flush=True)

    onnx_path = os.path.join(args.out, "onnx", "model.onnx")
    onnx.save(build_graph(os.path.join(first_dir, "onnx", "model.onnx"), os.path.join(second_dir, "onnx", "model.onnx"),
                          band_logits, args.first_only), onnx_path)
    config = dict(ensemble_cfg)
    config.update({
        "model_type": "warden-cnn-moderation-cascade",
        "architectures": ["ConvClassifierCascade"],
        "description": (
            "Warden default moderation classifier: two GloVe-initialised WordPiece CNNs that share one tokenizer, in "
            "one ONNX graph. Every row goes through the first; a row that the first scores at or above the band in "
            "some category also goes through the second and gets logit of the mean of the two probabilities; other "
            "rows keep the first's logits. Multi-label, OpenAI's 13 moderation categories; apply sigmoid to logits "
            "and compare with thresholds."),
        "cascade": {
            "first": ensemble_cfg["ensemble"]["members"][0]["directory"],
            "second": ensemble_cfg["ensemble"]["members"][1]["directory"],
            "band": {lab: round(float(fraction * c), 6) for lab, c in zip(LABELS, ceiling)},
            "band_fraction": fraction,
            "first_only": sorted(args.first_only),
            "coverage_sources": sorted(args.coverage_source) or "every training source",
            "validation": report,
        },
    })
    with open(os.path.join(args.out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")

    # ---- parity: the graph against the same combination of the members' own ONNX logits, held-out texts
    sample = [e for e in data if e["split"] in ("test", "eval") and not e["meta"].get("augmented")]
    sample = [e["text"] for e in sorted(sample, key=lambda e: common.h(e["text"], "parity"))[:1000]]
    s0 = node_logits(first_dir, sample, args.work, "parity_first")
    s1 = node_logits(second_dir, sample, args.work, "parity_second")
    reference, in_band = cascade_numpy(s0, s1, band_logits, args.first_only)
    diff = float(np.abs(node_logits(args.out, sample, args.work, "parity_cascade") - reference).max())
    print(f"parity on {len(sample)} held-out texts ({in_band.sum()} in the band): max |logit_graph - reference| = "
          f"{diff:.2e}", flush=True)
    assert diff < 1e-3
    size = os.path.getsize(onnx_path)
    print(f"wrote {args.out} (model.onnx {size / 1e6:.2f} MB) in {time.time() - t_start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
