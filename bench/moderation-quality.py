#!/usr/bin/python3
"""Moderation quality benchmark: the default classifier (models/moderation) against the previously landed one
(read from git history at BASELINE_COMMIT), in the same run, on held-out data only. Prints tables; no
assertions.

    /usr/bin/python3 bench/moderation-quality.py [--model DIR] [--baseline-commit SHA] [--extra-commit SHA]...
                                                 [--extra-model DIR]... [--markdown OUT.md]

Every score comes from the exported ONNX model through onnxruntime-node and the Node tokenizer
(tools/moderation-classifier/predict.js): the serving path. Held-out sets (never trained on, never used for
thresholds; see tools/moderation-classifier/common.py):
  - openai-moderation-dev 'eval' half: per-category AUPRC and any-category AUPRC (out-of-fold: neither model
    trained on it). Any-category score = max over categories of logit(p) - logit(threshold), so it ranks by the
    margin the decision rule uses.
  - advbench harmful_behaviors: 520 harmful requests from a source held out from training (any-category recall,
    and recall per category for the rows the documented mapping rules label).
  - the request probe (data/moderation/request-probe, when present): 360 harmful requests in seven forms, written
    independently of the training generators (recall overall, per form and per category listed), and 360 benign
    look-alikes (false-positive rate).
  - the hand-written requests' test split (data/moderation/written-requests, when present): the same table for the
    15 % of the training writers' rows no model trains or calibrates on (in-distribution for candidates from v2.20).
  - benign, any-category false-positive rate: generated stories (eval.jsonl: other seeds and prompts than
    training), benign instructions (test split), everyday advice (SafeText safe, test scenarios), hard contrasts for
    self-harm/illicit words (benign_contrast.py's evaluation generator: other frames and words than its calibration
    generator), everyday conversational messages (benign_conversation.py's evaluation pool: greetings, thanks,
    plans, "I'm on my way", "take care of yourself", idioms such as "break a leg"; other frames and words than its
    training and calibration pools, which v2.15 trained and calibrated on and v2.3 never saw), single words and
    1-6-word fragments of benign text (benign_fragments.py's evaluation pool: words and text no pool trains or
    calibrates on, with 43 short messages written for it; new with v2.16).
  - the test splits of the other labelled sets (AUPRC per labelled category).
  - identity-term false-positive rate: an eval-only probe (neutral frames x 50 identity terms), bias-madlibs
    NOT_BAD test rows, ToxiGen neutral test rows.
Live = the model's thresholds; sandbox = thresholds x 0.8 (the default sandbox policy's classifierThresholdScale).
Benign live cells give the rate and the count of flagged texts.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TOOL = os.path.join(REPO, "tools", "moderation-classifier")
sys.dont_write_bytecode = True
sys.path.insert(0, TOOL)
import augment  # noqa: E402
import common  # noqa: E402
import seeds  # noqa: E402

# The previous default to compare with: v2.15 (models/moderation from 6d04526 until v2.16); v2.3 is at
# b39cc769c07bc7751de698b0b0bdc3f8fb7c03a8. v2 is at
# daf7b992df9f835fb048881fc4ba680947370805, the v1 classifier (8 heads) at 3176230e782646813d630416e961527fb8b5d5db
# (--baseline-commit / --extra-commit).
BASELINE_COMMIT = "6d04526adced58d26622f83404d0f0b63cb12c5e"
SANDBOX_SCALE = 0.8
# Shares of the benign look-alikes at which models are compared in section 6.
LOOKALIKE_TARGETS = (0.02, 0.05, 0.08, 0.12)
MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"]


def checkout_model(commit, target):
    for name in MODEL_FILES:
        path = os.path.join(target, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(subprocess.run(["git", "-C", REPO, "show", f"{commit}:models/moderation/{name}"], check=True,
                                   capture_output=True).stdout)


class Model:
    def __init__(self, name, directory):
        self.name = name
        self.directory = directory
        with open(os.path.join(directory, "config.json"), encoding="utf-8") as f:
            cfg = json.load(f)
        self.labels = [cfg["id2label"][str(i)] for i in range(len(cfg["id2label"]))]
        self.thresholds = np.array([cfg["thresholds"].get(lab, 0.5) for lab in self.labels])

    def scores(self, texts):
        """Probabilities [n, 13] in common.LABELS order; NaN for categories the model does not have."""
        with tempfile.TemporaryDirectory() as d:
            inp, out = os.path.join(d, "in.jsonl"), os.path.join(d, "out.jsonl")
            with open(inp, "w", encoding="utf-8") as f:
                for t in texts:
                    f.write(json.dumps(t, ensure_ascii=False) + "\n")
            subprocess.run(["node", os.path.join(TOOL, "predict.js"), "--model", self.directory, "--in", inp,
                            "--out", out], check=True)
            with open(out, encoding="utf-8") as f:
                raw = np.array([json.loads(l)["probs"] for l in f], dtype=np.float64).reshape(len(texts), -1)
        full = np.full((len(texts), len(common.LABELS)), np.nan)
        for j, lab in enumerate(self.labels):
            full[:, common.L[lab]] = raw[:, j]
        return full

    def thresholds13(self, scale=1.0):
        t = np.full(len(common.LABELS), np.inf)
        for j, lab in enumerate(self.labels):
            t[common.L[lab]] = self.thresholds[j] * scale
        return t


def flagged(P, thr):
    with np.errstate(invalid="ignore"):
        return np.nan_to_num(P, nan=-1.0) >= thr


def average_precision(scores, y):
    order = np.argsort(-scores, kind="mergesort")
    y = y[order]
    if y.sum() == 0:
        return float("nan")
    tp = np.cumsum(y)
    return float((tp / np.arange(1, len(y) + 1) * y).sum() / y.sum())


def paired_bootstrap_interval(a, b, y, resamples=2000, seed=17):
    """AP(a) - AP(b) on the same resampled rows: both models see the same draw, so the row sample's own luck cancels
    and what is left is the difference between the models. A 95 % interval containing 0 cannot tell them apart."""
    rng = np.random.default_rng(seed)
    n = len(y)
    diffs = []
    for _ in range(resamples):
        rows = rng.integers(0, n, n)
        if y[rows].any():
            diffs.append(average_precision(a[rows], y[rows]) - average_precision(b[rows], y[rows]))
    low, high = np.percentile(diffs, [2.5, 97.5])
    return f"{average_precision(a, y) - average_precision(b, y):+.3f} [{low:+.3f}, {high:+.3f}]"


def sign_test_cell(first, other):
    """Is the first model's false-positive count significantly above the other's on the same rows? Only the rows the
    two disagree on carry information: b flagged by the first alone, c by the other alone; under "no difference" each
    is a fair coin, so p = P(X >= b) for X ~ Binomial(b + c, 1/2) (an exact one-sided McNemar test)."""
    b, c = int((first & ~other).sum()), int((~first & other).sum())
    n = b + c
    p = sum(math.comb(n, k) for k in range(b, n + 1)) / 2 ** n if n else 1.0
    return f"{b} / {c}, p {p:.3f}"


def margin(P, thr):
    eps = 1e-7
    p = np.clip(np.nan_to_num(P, nan=eps), eps, 1 - eps)
    t = np.clip(np.where(np.isfinite(thr), thr, 1 - eps), eps, 1 - eps)
    return (np.log(p / (1 - p)) - np.log(t / (1 - t))).max(axis=1)


def pct(x):
    return "—" if x is None or np.isnan(x) else f"{100 * x:.1f}%"


def num(x):
    return "—" if x is None or np.isnan(x) else f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(REPO, "models", "moderation"))
    ap.add_argument("--baseline-commit", default=BASELINE_COMMIT)
    ap.add_argument("--extra-commit", action="append", default=[],
                    help="also score the model at this commit (repeatable), e.g. the previous swap")
    ap.add_argument("--extra-model", action="append", default=[], metavar="DIR",
                    help="also score the model in DIR (repeatable), e.g. an ensemble's member alone")
    ap.add_argument("--markdown")
    args = ap.parse_args()

    data = common.load_all(include_seeds=False, include_conversation=True, include_fragments=True, include_written=True,
                           include_threats=True, include_sexual=True)
    openai_eval = [e for e in data if e["source"] == "openai-moderation-dev" and e["split"] == "eval"]
    advbench = [e for e in data if e["source"] == "advbench-behaviors"]
    benign = {
        "generated stories (held-out seeds/prompts)": [e for e in data if e["source"] == "generated-stories"
                                                        and e["split"] == "test"],
        "benign instructions (test split)": [e for e in data if e["source"] == "benign-instructions"
                                             and e["split"] == "test"],
        "everyday advice (SafeText safe, test scenarios)": [e for e in data if e["source"] == "safetext"
                                                            and e["split"] == "test" and e["meta"].get("safe")],
        "short/numeric/code/nonsense text (evaluation generator)": [e for e in data if e["source"] == "benign-short"
                                                                    and e["split"] == "test"],
        "hard contrasts: dev/DIY/\"myself\"/chemical-safety (evaluation generator)": [
            e for e in data if e["source"] == "benign-contrast" and e["split"] == "test"],
        "everyday conversation (evaluation generator)": [e for e in data if e["source"] == "benign-conversation"
                                                         and e["split"] == "test"],
        "single words and short fragments (evaluation pool)": [e for e in data if e["source"] == "benign-fragments"
                                                                and e["split"] == "test"],
        '"load 0" … "load 2999" (the e2e regression prompts)': [
            common.ex(f"load {n}", common.make_y(all_known=True), "load-n", "test") for n in range(3000)],
    }
    madlibs = common.madlibs_lists()
    identity = {
        "identity probe (eval-only frames x 50 terms)": seeds.identity_probe_eval(madlibs["identity"]),
        "bias-madlibs NOT_BAD (test)": [e for e in data if e["source"] == "bias-madlibs" and e["split"] == "test"
                                        and not e["meta"].get("bad")],
        "ToxiGen neutral (test)": [e for e in data if e["source"] == "toxigen" and e["split"] == "test"
                                   and not e["meta"].get("hate")],
    }

    with tempfile.TemporaryDirectory() as base_dir:
        checkout_model(args.baseline_commit, base_dir)
        models = [Model("this tree", args.model), Model(f"landed ({args.baseline_commit[:7]})", base_dir)]
        for commit in args.extra_commit:
            extra_dir = os.path.join(base_dir, "extra", commit)
            checkout_model(commit, extra_dir)
            models.append(Model(f"at {commit[:7]}", extra_dir))
        for directory in args.extra_model:
            models.append(Model(os.path.basename(os.path.normpath(directory)), directory))
        out = []

        def emit(line=""):
            out.append(line)
            print(line, flush=True)

        emit("## Moderation quality: held-out evaluation, both models in the same run")
        emit()
        emit(f"Reproduce: `/usr/bin/python3 bench/moderation-quality.py` (scores via onnxruntime-node). "
             f"Live = each model's own thresholds; sandbox = thresholds x {SANDBOX_SCALE}.")
        emit()

        # 1. OpenAI dev eval half
        emit(f"### OpenAI moderation dev, held-out half ({len(openai_eval)} rows): AUPRC")
        emit()
        emit("| category | n known | positives | " + " | ".join(m.name for m in models) + " |")
        emit("|---|---:|---:|" + "---:|" * len(models))
        P = {m.name: m.scores([e["text"] for e in openai_eval]) for m in models}
        Y = np.array([e["y"] for e in openai_eval])
        for j, lab in enumerate(common.LABELS):
            known = Y[:, j] >= 0
            npos = int((Y[known, j] == 1).sum())
            if npos == 0:
                continue
            cells = []
            for m in models:
                s = P[m.name][known, j]
                cells.append("—" if np.isnan(s).all() else num(average_precision(s, Y[known, j] == 1)))
            emit(f"| {lab} | {int(known.sum())} | {npos} | " + " | ".join(cells) + " |")
        any_y = (Y == 1).any(axis=1)
        cells = [num(average_precision(margin(P[m.name], m.thresholds13()), any_y)) for m in models]
        emit(f"| **any category** | {len(Y)} | {int(any_y.sum())} | " + " | ".join(f"**{c}**" for c in cells) + " |")
        margins = [margin(P[m.name], m.thresholds13()) for m in models]
        cells = ["—"] + [paired_bootstrap_interval(margins[0], other, any_y) for other in margins[1:]]
        emit(f"| any category, {models[0].name} minus each, paired bootstrap 95 % interval | | | "
             + " | ".join(cells) + " |")
        cells = []
        for m in models:
            f = flagged(P[m.name], m.thresholds13()).any(axis=1)
            tp, fp = int((f & any_y).sum()), int((f & ~any_y).sum())
            cells.append(f"P {tp / max(1, tp + fp):.2f} / R {tp / max(1, any_y.sum()):.2f}")
        emit("| any category, precision / recall at live thresholds | | | " + " | ".join(cells) + " |")
        emit()

        # 2. held-out harmful requests
        emit(f"### Harmful requests from a held-out source: AdvBench harmful_behaviors ({len(advbench)} requests)")
        emit()
        emit("Recall = share flagged. Per-category rows use the rows the documented mapping rules "
             "(common.ADVBENCH_RULES) label with that category; a model without the category scores —.")
        emit()
        head = " | ".join(f"{m.name} live | {m.name} sandbox" for m in models)
        emit(f"| rows | n | {head} |")
        emit("|---|---:|" + "---:|" * (2 * len(models)))
        P = {m.name: m.scores([e["text"] for e in advbench]) for m in models}
        Y = np.array([e["y"] for e in advbench])
        cells = []
        for m in models:
            for scale in (1.0, SANDBOX_SCALE):
                cells.append(pct(flagged(P[m.name], m.thresholds13(scale)).any(axis=1).mean()))
        emit(f"| **any category, all rows** | {len(advbench)} | " + " | ".join(f"**{c}**" for c in cells) + " |")
        for j, lab in enumerate(common.LABELS):
            rows = Y[:, j] == 1
            if rows.sum() == 0:
                continue
            cells = []
            for m in models:
                for scale in (1.0, SANDBOX_SCALE):
                    s = P[m.name][rows, j]
                    cells.append("—" if np.isnan(s).all() else pct((s >= m.thresholds13(scale)[j]).mean()))
            emit(f"| {lab} (that category) | {int(rows.sum())} | " + " | ".join(cells) + " |")
        emit()

        # 2a. the same requests with their closing mark toggled: a model that reads the mark as evidence of harm
        # (v2.16 learned it: its harmful training requests mostly end without one, their look-alikes with one)
        # flags a request by how it is punctuated, not by what it asks
        closing_sets = [("AdvBench harmful_behaviors", [e["text"] for e in advbench], True)]
        for name, rows in (("request probe", common.load_request_probe()),
                           ("second request probe", common.load_request_probe("request-probe-2"))):
            closing_sets.append((f"{name}, harmful", [e["text"] for e in rows if e["meta"]["harmful"]], True))
            closing_sets.append((f"{name}, benign", [e["text"] for e in rows if not e["meta"]["harmful"]], False))
        emit("### Closing punctuation: held-out requests as written and with their closing mark toggled")
        emit()
        emit("Toggled: a closing `.`, `?` or `!` dropped, or one typed where there was none (`augment."
             "toggled_closing_mark`). Share flagged at live thresholds: as written / toggled / mean of the two. "
             "A model that reads requests, not their punctuation, gives the same share both ways.")
        emit()
        emit("| set | n | " + " | ".join(f"{m.name}: written / toggled / mean" for m in models) + " |")
        emit("|---|---:|" + "---:|" * len(models))
        for name, texts, harmful_set in closing_sets:
            if not texts:
                continue
            toggled = [augment.toggled_closing_mark(t) for t in texts]
            cells = []
            for m in models:
                written_share = flagged(m.scores(texts), m.thresholds13()).any(axis=1).mean()
                toggled_share = flagged(m.scores(toggled), m.thresholds13()).any(axis=1).mean()
                cells.append(f"{pct(written_share)} / {pct(toggled_share)} / "
                             f"{pct((written_share + toggled_share) / 2)}")
            emit(f"| {name} ({'harmful: recall' if harmful_set else 'benign: false positives'}) | {len(texts)} | "
                 + " | ".join(cells) + " |")
        emit()

        # 2b. harmful requests in many forms, with benign look-alikes: the request probe (independent writer), then
        # the hand-written training set's test split (same writers as its training rows)
        def request_section(title, description, rows, benign_forms=False, own_category=()):
            harmful = [e for e in rows if e["meta"]["harmful"]]
            lookalike = [e for e in rows if not e["meta"]["harmful"]]
            emit(f"### {title} ({len(harmful)} harmful, {len(lookalike)} benign)")
            emit()
            emit(description)
            emit()
            emit(f"| rows | n | {head} |")
            emit("|---|---:|" + "---:|" * (2 * len(models)))
            PH = {m.name: m.scores([e["text"] for e in harmful]) for m in models}
            PB = {m.name: m.scores([e["text"] for e in lookalike]) for m in models}

            def recall_row(label, mask, P_, bold=False, category=None):
                """Share flagged in any category, or in `category` (an index) alone."""
                cells = []
                for m in models:
                    for scale in (1.0, SANDBOX_SCALE):
                        hits = flagged(P_[m.name][mask], m.thresholds13(scale))
                        f = hits.any(axis=1) if category is None else hits[:, category]
                        cells.append(pct(f.mean()) + (f" ({int(f.sum())})" if scale == 1.0 else ""))
                if bold:
                    cells = [f"**{c}**" for c in cells]
                emit(f"| {label} | {int(mask.sum())} | " + " | ".join(cells) + " |")

            recall_row("**harmful, any category (recall)**", np.ones(len(harmful), bool), PH, bold=True)
            forms = sorted({e["meta"]["form"] for e in harmful})
            for form in forms:
                recall_row(f"harmful, form {form}", np.array([e["meta"]["form"] == form for e in harmful]), PH)
            for lab in common.LABELS:
                mask = np.array([lab in e["meta"]["categories"] for e in harmful])
                if mask.any():
                    recall_row(f"harmful, listing {lab}", mask, PH)

            # A policy acts per category (the default live policy refuses sexual/minors and only flags sexual), so
            # a category's own rows are counted on that category alone, and so are the harmful rows that lack it.
            for lab in own_category:
                j = common.LABELS.index(lab)
                listing = np.array([lab in e["meta"]["categories"] for e in harmful])
                recall_row(f"harmful, listing {lab}: flagged {lab} itself", listing, PH, category=j)
                recall_row(f"harmful, not listing {lab}: flagged {lab} (confused)", ~listing, PH, category=j)
            recall_row("**benign look-alikes and everyday requests (false positives)**",
                       np.ones(len(lookalike), bool), PB, bold=True)
            first = flagged(PB[models[0].name], models[0].thresholds13()).any(axis=1)
            cells = ["—", ""]
            for m in models[1:]:
                other = flagged(PB[m.name], m.thresholds13()).any(axis=1)
                cells += [sign_test_cell(first, other), ""]
            emit(f"| benign, flagged by {models[0].name} only / by each only, one-sided sign test | "
                 f"{len(lookalike)} | " + " | ".join(cells) + " |")
            if benign_forms:
                for form in sorted({e["meta"]["form"] for e in lookalike}):
                    recall_row(f"benign, form {form}", np.array([e["meta"]["form"] == form for e in lookalike]), PB)
            emit()

        probe = probe_rows = common.load_request_probe()
        if probe:
            request_section(
                "Harmful requests in many forms: request probe", "Hand-written for Warden by an independent writer "
                "without access to the training generators (data/moderation/request-probe). Harmful rows: share "
                "flagged (any category), per form and per category the row lists; benign rows (look-alikes sharing "
                "the words, and everyday requests): share flagged, i.e. the false-positive rate.", probe)
        probe_2 = common.load_request_probe("request-probe-2")
        if probe_2:
            request_section(
                "Harmful requests in many forms: second request probe", "Written for Warden on 5 December 2026 by "
                "four writers (one per category group) from a brief alone, without access to the project, the first "
                "probe, any training data or any model (data/moderation/request-probe-2): new evaluation data for "
                "decisions from v2.36 on. Same rows as the first probe.", probe_2)
        written = [e for e in data if e["source"] == "written-requests" and e["split"] == "test"]
        if written:
            request_section(
                "Hand-written requests, test split", "data/moderation/written-requests, the 15 % test split by text "
                "hash: written by the same four writers as the 70 % that candidates from v2.20 train on, so it "
                "measures in-distribution recall (the request probe above is the independent yardstick).", written)
        threat_rows = [e for e in data if e["source"] == "threats" and e["split"] == "test"]
        if threat_rows:
            request_section(
                "Direct threats and their look-alikes (evaluation pool)", "tools/moderation-classifier/threats.py's "
                "evaluation pool: first-person threats of violence (its own frames, targets and verbs beside four "
                "shared core verbs; six messages verbatim as a tester typed them) and benign texts sharing their "
                "words (harmless verbs, games, idioms, machines, people asking for help about a threat). Harmful rows "
                "are labelled harassment, harassment/threatening and violence.", threat_rows, benign_forms=True)
        sexual_rows = [e for e in data if e["source"] == "sexual-content" and e["split"] == "test"]
        if sexual_rows:
            request_section(
                "Sexual content and its look-alikes (evaluation pool)", "tools/moderation-classifier/sexual.py's "
                "evaluation pool: sexual acts described, explicit content asked for, solicitation, and sexual content "
                "involving a child described or asked for (its own frames, names, acts, ages and children; nine "
                "messages verbatim as a probe typed them), with benign texts sharing their words (sex education, "
                "clinics, romance, children's everyday lives, child safety, words with a sexual reading used "
                "otherwise). Harmful rows are labelled sexual, and sexual/minors where a child is involved.",
                sexual_rows, benign_forms=True, own_category=("sexual/minors",))

        # 3. benign FPR
        emit("### Benign held-out text: any-category false-positive rate")
        emit()
        emit(f"| set | n | {head} |")
        emit("|---|---:|" + "---:|" * (2 * len(models)))
        worst_examples = []
        for name, rows in list(benign.items()) + list(identity.items()):
            if name == next(iter(identity)):
                emit("| *identity statements* | | " + " | ".join([""] * (2 * len(models))) + " |")
            texts = [e["text"] for e in rows]
            cells = []
            for m in models:
                Pm = m.scores(texts)
                for scale in (1.0, SANDBOX_SCALE):
                    f = flagged(Pm, m.thresholds13(scale))
                    # live cells also give the count: rules compare candidates text by text
                    cells.append(pct(f.any(axis=1).mean()) + (f" ({int(f.any(axis=1).sum())})" if scale == 1.0 else ""))
                    if scale == 1.0 and m is models[0]:
                        for i in np.nonzero(f.any(axis=1))[0][:3]:
                            cats = [common.LABELS[j] for j in np.nonzero(f[i])[0]]
                            worst_examples.append((name, texts[i][:100].replace("\n", " "), cats))
            emit(f"| {name} | {len(rows)} | " + " | ".join(cells) + " |")
        emit()
        if worst_examples:
            emit(f"False positives of {models[0].name} at live thresholds (first 3 per set):")
            emit()
            for name, text, cats in worst_examples:
                emit(f"- {name}: \"{text}\" -> {', '.join(cats)}")
            emit()

        # 4. the other labelled test splits
        emit("### Other held-out test splits: AUPRC per labelled category")
        emit()
        emit("| source (test split) | category | n known | positives | " + " | ".join(m.name for m in models) + " |")
        emit("|---|---|---:|---:|" + "---:|" * len(models))
        for source in ("davidson-hate-offensive", "toxic-spans", "toxigen", "latent-hatred", "stormfront"):
            rows = [e for e in data if e["source"] == source and e["split"] == "test"]
            P = {m.name: m.scores([e["text"] for e in rows]) for m in models}
            Y = np.array([e["y"] for e in rows])
            for j, lab in enumerate(common.LABELS):
                known = Y[:, j] >= 0
                npos = int((Y[known, j] == 1).sum())
                if npos < 10 or npos == int(known.sum()):
                    continue
                cells = [num(average_precision(P[m.name][known, j], Y[known, j] == 1))
                         if not np.isnan(P[m.name][known, j]).all() else "—" for m in models]
                emit(f"| {source} | {lab} | {int(known.sum())} | {npos} | " + " | ".join(cells) + " |")
        emit()

        # 5. identity FPR per term on the probe
        probe = identity[next(iter(identity))]
        emit("### Identity-term false-positive rate per term (eval-only probe, live thresholds)")
        emit()
        emit("| model | overall | mean per term | max per term (term) |")
        emit("|---|---:|---:|---|")
        for m in models:
            f = flagged(m.scores([e["text"] for e in probe]), m.thresholds13()).any(axis=1)
            terms = sorted({e["meta"]["identity"] for e in probe})
            rates = {t: f[[i for i, e in enumerate(probe) if e["meta"]["identity"] == t]].mean() for t in terms}
            worst = max(rates, key=rates.get)
            emit(f"| {m.name} | {pct(f.mean())} | {pct(np.mean(list(rates.values())))} | "
                 f"{pct(rates[worst])} ({worst}) |")
        emit()

        # 6. every model at the same false-positive rate on the look-alikes: ranking, not calibration
        lookalikes = [e for e in (probe_rows or []) + written if not e["meta"]["harmful"]]
        if lookalikes:
            harmful_sets = {
                "AdvBench": advbench,
                "request probe, harmful": [e for e in (probe_rows or []) if e["meta"]["harmful"]],
                "written test split, harmful": [e for e in written if e["meta"]["harmful"]],
            }
            everyday_sets = {name: benign[name] for name in list(benign)[:3] + list(benign)[5:6]}
            everyday_sets["ToxiGen neutral (test)"] = identity["ToxiGen neutral (test)"]
            emit(f"### Operating points matched on the look-alikes ({len(lookalikes)} benign requests)")
            emit()
            emit("Each model's thresholds all moved by one logit offset, chosen so that it flags the same share of the "
                 "benign look-alikes (request probe and written test split): the rows then compare how well the models "
                 "rank, whatever their calibration. An analysis, never a way to set a shipped threshold: the offsets "
                 "are read off evaluation rows.")
            emit()
            margins = {m.name: margin(m.scores([e["text"] for e in lookalikes]), m.thresholds13()) for m in models}
            set_margins = {m.name: {name: margin(m.scores([e["text"] for e in rows]), m.thresholds13())
                                    for name, rows in {**harmful_sets, **everyday_sets}.items()} for m in models}
            names = list(harmful_sets) + list(everyday_sets)
            emit("| look-alikes flagged | model | offset | " + " | ".join(names) + " |")
            emit("|---:|---|---:|" + "---:|" * len(names))
            for target in LOOKALIKE_TARGETS:
                for m in models:
                    offset = float(np.quantile(margins[m.name], 1 - target))
                    cells = [pct((set_margins[m.name][name] >= offset).mean()) for name in names]
                    emit(f"| {pct(target)} | {m.name} | {offset:+.2f} | " + " | ".join(cells) + " |")
            emit()
            emit("At live thresholds (offset 0) the models flag: " + ", ".join(
                f"{m.name} {pct((margins[m.name] >= 0).mean())}" for m in models) + " of the look-alikes.")
            emit()

    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
