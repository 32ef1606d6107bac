#!/usr/bin/python3
"""Ensemble two exported moderation classifiers that share one tokenizer into ONE ONNX graph, calibrated once.

    /usr/bin/python3 tools/moderation-classifier/ensemble.py --member models/moderation --member /tmp/new/out \
        --out /tmp/ensemble [--combine mean-prob|mean-logit|max] [--work /tmp/warden-modcls-ensemble]

The graph takes the usual `input_ids` / `attention_mask` and returns `logits` [batch, 13], so the server and every
script load it by config exactly like a single model (see README, Serving contract). Combination per category:
  mean-prob   logit((sigmoid(a) + sigmoid(b)) / 2), computed in log space (log-sigmoid / log-sum-exp), so a
              confident member is not lost to float rounding;
  mean-logit  (a + b) / 2;
  max         max(a, b): a text is as harmful as the member surest of it (an "or" of members whose errors differ;
              the logit of the larger probability, since sigmoid is monotonic).
The members' own thresholds are not used: the combined scores get the false-positive-budget calibration of train.py
(same held-out benign calibration sets, same budgets), then a parity check: the graph's logits against the
combination of the members' own ONNX logits on 1,000 held-out texts.
"""
import argparse
import json
import os
import shutil
import time

import numpy as np
import onnx
from onnx import helper

import calibrate
import common
import train
from calibrate import node_logits
from common import LABELS

MEMBER_INPUTS = ("input_ids", "attention_mask")


def member_graph(path, prefix):
    """The member's graph with every internal name prefixed; its output renamed to prefix + 'logits'."""
    model = onnx.load(path)
    assert [i.name for i in model.graph.input] == list(MEMBER_INPUTS), path
    assert [o.name for o in model.graph.output] == ["logits"], path

    def rename(name):
        return name if name in MEMBER_INPUTS or name == "" else prefix + name

    g = model.graph
    for node in g.node:
        node.name = prefix + node.name if node.name else ""
        node.input[:] = [rename(n) for n in node.input]
        node.output[:] = [rename(n) for n in node.output]
    for init in g.initializer:
        init.name = prefix + init.name
    for vi in list(g.value_info) + list(g.output):
        vi.name = rename(vi.name)
    return model


def combine_nodes(a, b, mode):
    """ONNX nodes reading member logits a and b, writing 'logits'."""
    c = helper.make_tensor
    if mode == "max":
        return [helper.make_node("Max", [a, b], ["logits"])]
    if mode == "mean-logit":
        return [helper.make_node("Add", [a, b], ["ens_sum"]),
                helper.make_node("Constant", [], ["ens_half"], value=c("ens_half_v", onnx.TensorProto.FLOAT, [], [0.5])),
                helper.make_node("Mul", ["ens_sum", "ens_half"], ["logits"])]
    assert mode == "mean-prob", mode
    # log p = -softplus(-x), log(1 - p) = -softplus(x); logit(mean) = LSE(log pa, log pb) - LSE(log(1-pa), log(1-pb))
    nodes = []

    def log_sum_exp(x, y, out):
        nodes.extend([
            helper.make_node("Max", [x, y], [out + "_max"]),
            helper.make_node("Sub", [x, out + "_max"], [out + "_dx"]),
            helper.make_node("Sub", [y, out + "_max"], [out + "_dy"]),
            helper.make_node("Exp", [out + "_dx"], [out + "_ex"]),
            helper.make_node("Exp", [out + "_dy"], [out + "_ey"]),
            helper.make_node("Add", [out + "_ex", out + "_ey"], [out + "_s"]),
            helper.make_node("Log", [out + "_s"], [out + "_ls"]),
            helper.make_node("Add", [out + "_max", out + "_ls"], [out]),
        ])

    for name in (a, b):
        nodes.extend([
            helper.make_node("Neg", [name], [name + "_neg"]),
            helper.make_node("Softplus", [name + "_neg"], [name + "_sp_neg"]),
            helper.make_node("Neg", [name + "_sp_neg"], [name + "_logp"]),  # log sigmoid(x)
            helper.make_node("Softplus", [name], [name + "_sp"]),
            helper.make_node("Neg", [name + "_sp"], [name + "_log1mp"]),  # log(1 - sigmoid(x))
        ])
    log_sum_exp(a + "_logp", b + "_logp", "ens_logp")
    log_sum_exp(a + "_log1mp", b + "_log1mp", "ens_log1mp")
    nodes.append(helper.make_node("Sub", ["ens_logp", "ens_log1mp"], ["logits"]))
    return nodes


def combine_numpy(a, b, mode):
    """The same combination on member logits in float64 (parity reference)."""
    if mode == "max":
        return np.maximum(a, b)
    if mode == "mean-logit":
        return (a + b) / 2.0
    logp = np.logaddexp(-np.logaddexp(0, -a), -np.logaddexp(0, -b))
    log1mp = np.logaddexp(-np.logaddexp(0, a), -np.logaddexp(0, b))
    return logp - log1mp


def build_graph(member_paths, mode):
    a, b = member_graph(member_paths[0], "m0_"), member_graph(member_paths[1], "m1_")
    ga, gb = a.graph, b.graph
    nodes = list(ga.node) + list(gb.node) + combine_nodes("m0_logits", "m1_logits", mode)
    output = helper.make_tensor_value_info("logits", onnx.TensorProto.FLOAT, ["batch", len(LABELS)])
    graph = helper.make_graph(nodes, "warden_moderation_ensemble", list(ga.input), [output],
                              initializer=list(ga.initializer) + list(gb.initializer))
    opset = max(o.version for o in list(a.opset_import) + list(b.opset_import) if o.domain in ("", "ai.onnx"))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="warden-ensemble")
    model.ir_version = a.ir_version
    onnx.checker.check_model(model)
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--member", action="append", required=True, help="model directory (exactly two, same tokenizer)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--combine", choices=["mean-prob", "mean-logit", "max"], default="mean-prob")
    ap.add_argument("--work", default="/tmp/warden-modcls-ensemble")
    ap.add_argument("--calibration-exclude", action="append", default=[], metavar="SOURCE",
                    help="leave this held-out benign set out of the threshold calibration (repeatable), as train.py")
    ap.add_argument("--small-set-rule", action="store_true",
                    help="a budget worth less than one text of a set allows one, as train.py")
    ap.add_argument("--match-lookalikes", metavar="REFERENCE_DIR",
                    help="calibrate on the look-alike sets too (written, threat and sexual contrasts, val splits), "
                         "flagging on each at most as many texts as this model does at its own thresholds")
    args = ap.parse_args()
    assert len(args.member) == 2, "exactly two --member directories"
    t_start = time.time()
    members = [os.path.abspath(m) for m in args.member]
    tokenizers = [open(os.path.join(m, "tokenizer.json"), encoding="utf-8").read() for m in members]
    assert tokenizers[0] == tokenizers[1], "members must share the tokenizer (train.py --tokenizer-from)"
    configs = [json.load(open(os.path.join(m, "config.json"), encoding="utf-8")) for m in members]
    for cfg in configs:
        assert [cfg["id2label"][str(i)] for i in range(len(LABELS))] == LABELS
    os.makedirs(os.path.join(args.out, "onnx"), exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copyfile(os.path.join(members[0], name), os.path.join(args.out, name))
    onnx_path = os.path.join(args.out, "onnx", "model.onnx")
    onnx.save(build_graph([os.path.join(m, "onnx", "model.onnx") for m in members], args.combine), onnx_path)
    config = dict(configs[1])
    config.pop("thresholds", None)
    with open(os.path.join(args.out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(dict(config, thresholds={lab: 0.5 for lab in LABELS}), f)  # provisional, for predict.js

    # ---- thresholds: the same false-positive-budget calibration as train.py, on the combined scores
    thresholds, fp_report, matched, data = calibrate.calibrate(
        args.out, args.work, args.calibration_exclude, args.small_set_rule, args.match_lookalikes)

    # ---- parity: the graph against the combination of the members' own ONNX logits, held-out texts
    sample = [e for e in data if e["split"] in ("test", "eval") and not e["meta"].get("augmented")]
    sample = [e["text"] for e in sorted(sample, key=lambda e: common.h(e["text"], "parity"))[:1000]]
    member_logits = [node_logits(m, sample, args.work, f"parity_member{i}") for i, m in enumerate(members)]
    reference = combine_numpy(member_logits[0], member_logits[1], args.combine)
    diff = float(np.abs(node_logits(args.out, sample, args.work, "parity_ensemble") - reference).max())
    print(f"parity on {len(sample)} held-out texts: max |logit_graph - combine(member logits)| = {diff:.2e}", flush=True)
    assert diff < 1e-3

    def member_summary(directory, cfg):
        return {"directory": os.path.relpath(directory, os.path.dirname(os.path.dirname(train.HERE))),
                "description": cfg.get("description"), "epochs": cfg.get("epochs"), "training": cfg.get("training"),
                "own_thresholds": cfg.get("thresholds")}

    config.update({
        "model_type": "warden-cnn-moderation-ensemble",
        "architectures": ["ConvClassifierEnsemble"],
        "description": (f"Warden default moderation classifier: an ensemble of two GloVe-initialised WordPiece models "
                        f"({' + '.join(c.get('model_type', '?') for c in configs)}) "
                        f"that share one tokenizer, in one ONNX graph; per category {args.combine} of the two "
                        "members (mean-prob: logit of the mean of the members' probabilities; max: the larger logit). Multi-label, OpenAI's "
                        "13 moderation categories; apply sigmoid to logits and compare with thresholds."),
        "thresholds": thresholds,
        "calibration": calibrate.calibration_summary(configs[1]["calibration"], fp_report, args.small_set_rule,
                                                     args.match_lookalikes, matched, args.calibration_exclude),
        "ensemble": {"combine": args.combine, "members": [member_summary(m, c) for m, c in zip(members, configs)]},
    })
    with open(os.path.join(args.out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    size = os.path.getsize(onnx_path)
    print(f"wrote {args.out} (model.onnx {size / 1e6:.2f} MB) in {time.time() - t_start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
