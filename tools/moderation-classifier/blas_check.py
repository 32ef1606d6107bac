#!/usr/bin/python3
"""Checks that train.py's OpenBLAS re-exec does not change results beyond float tolerance.

    /usr/bin/python3 tools/moderation-classifier/blas_check.py [--work /tmp/warden-modcls]

Runs the same computation twice, in a child on the reference BLAS (WARDEN_REFERENCE_BLAS=1) and in a child on
Debian's OpenBLAS (train.py's default): 20 seeded AdamW steps of the real model on real token ids from the last
training run's work folder, then a forward pass over 1,000 texts. Prints the largest differences and the time of
each run.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(work, out):
    sys.path.insert(0, HERE)
    import numpy as np
    import torch
    import torch.nn.functional as F

    import train  # noqa: F401  (re-executes on OpenBLAS unless WARDEN_REFERENCE_BLAS is set)

    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    with open(os.path.join(work, "all_ids.jsonl"), encoding="utf-8") as f:
        seqs = [json.loads(next(f)) for _ in range(64 * 20 + 1000)]
    vocab = max(max(s) for s in seqs) + 1
    rng = np.random.RandomState(7)
    torch.manual_seed(7)
    model = train.ConvClassifier(vocab + 1, [0.0] * (vocab + 1), [0.0] * (vocab + 1))
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    started = time.time()
    model.train()
    for step in range(20):
        batch = seqs[step * 64:(step + 1) * 64]
        ids, mask = train.pad_batch([s[:train.TRAIN_TOKENS] for s in batch])
        y = torch.from_numpy((rng.rand(len(batch), train.NL) < 0.2).astype(np.float32))
        loss = F.binary_cross_entropy_with_logits(model(ids, mask), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    logits = train.predict(model, seqs[64 * 20:])
    np.savez(out, logits=logits, loss=np.array([loss.item()]), seconds=np.array([time.time() - started]),
             blas=np.array([os.environ.get("LD_LIBRARY_PATH", "") or "reference"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="/tmp/warden-modcls")
    ap.add_argument("--child-out")
    args = ap.parse_args()
    if args.child_out:
        run(args.work, args.child_out)
        return
    import numpy as np

    results = {}
    for name, reference in (("reference BLAS", True), ("OpenBLAS (pthreads)", False)):
        env = {k: v for k, v in os.environ.items() if k not in ("WARDEN_REFERENCE_BLAS", "LD_LIBRARY_PATH")}
        if reference:
            env["WARDEN_REFERENCE_BLAS"] = "1"
        out = os.path.join(args.work, f"blas_check_{int(reference)}.npz")
        subprocess.run([sys.executable, os.path.abspath(__file__), "--work", args.work, "--child-out", out],
                       env=env, check=True)
        results[name] = np.load(out)
    (a_name, a), (b_name, b) = results.items()
    diff = float(np.abs(a["logits"] - b["logits"]).max())
    print(f"{a_name}: {float(a['seconds'][0]):.1f}s, final loss {float(a['loss'][0]):.6f}")
    print(f"{b_name}: {float(b['seconds'][0]):.1f}s, final loss {float(b['loss'][0]):.6f}")
    print(f"max |logit difference| after 20 training steps, 1,000 texts: {diff:.2e} "
          f"({'within' if diff < 1e-3 else 'OUTSIDE'} float tolerance 1e-3)")


if __name__ == "__main__":
    main()
