#!/usr/bin/python3
"""Convert Karpathy's llama2.c "stories260K" checkpoint into a Hugging Face /
Optimum-layout ONNX model directory (models/stories260K/).

Run from the repository root with Debian's interpreter (torch 1.13, onnx 1.12):

    /usr/bin/python3 tools/convert-stories260k/convert.py <stories260K directory>

The directory holds llama2.c's stories260K.bin, tok512.bin and LICENSE; there is no default, so the
repository never reads outside itself unless told to.

Steps (all deterministic, the script can be re-run at any time):
  1. read stories260K.bin (llama2.c v0 layout) and tok512.bin (FORMAT.md)
  2. write config.json, generation_config.json, tokenizer.json, tokenizer_config.json
  3. build a torch module with the Optimum "decoder with past" interface and
     check it against an independent numpy re-implementation of run.c
     (check a: max |diff| < 1e-4, incl. batch-2 left padding and a past cache)
  4. export it to onnx/model.onnx (opset 14, dynamic axes, weights inline)
  5. write reference fixtures for verify.js (tools/convert-stories260k/fixtures/)
  6. copy LICENSE, write README.md
  7. run `node tools/convert-stories260k/verify.js` (skip with --no-verify)

Exit status is non-zero if any check fails.
"""
import argparse
import hashlib
import io
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import warnings

import numpy as np
import onnx
import torch
from onnx import TensorProto, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(REPO, "models", "stories260K")
FIXTURE_DIR = os.path.join(HERE, "fixtures")

NEG = -1e4  # additive mask value: finite, fp16-safe, exp() underflows to exactly 0
TOL = 1e-4
OPSET = 14

# Prompts used by the checks / fixtures (ids come from the llama2.c encoder below).
PROMPT_A = "Once upon a time, there was a big dog"  # row 0 of the padded chain (longer)
PROMPT_B = "Tom and Sue went to the park"  # row 1 (left padded)
TOKENIZER_CASES = [
    "Once upon a time",
    "Once upon a time, there was a little girl named Lily.",
    "Hello world",
    "  two leading spaces and  double  spaces ",
    "Tom said, \"I don't know!\" She smiled.\nThe end.",
    "naïve café, jalapeño – 3.14 % ~ €5 🙂 漢字",
    "x",
]


MODEL_README = """\\
# stories260K (ONNX, Hugging Face / Optimum layout)

A 260K-parameter Llama-architecture language model trained on the
[TinyStories](https://huggingface.co/datasets/roneneldan/TinyStories) dataset
(Eldan & Li, 2023) by **Andrej Karpathy** as the smallest test model of
[llama2.c](https://github.com/karpathy/llama2.c)
(weights: <https://huggingface.co/karpathy/tinyllamas/tree/main/stories260K>).
It writes short, simple children's stories. It is a toy / test model: tiny
vocabulary (512 SentencePiece pieces), 512-token context, no instruction
following.

Licence: MIT, see [LICENSE](LICENSE) (copied from karpathy/llama2.c). The
TinyStories dataset is released by its authors under CDLA-Sharing-1.0.

## Files

| file | content |
| --- | --- |
| `config.json` | Llama config: hidden 64, intermediate 172, 5 layers, 8 heads, 4 KV heads (head_dim 8), vocab 512, context 512, rms_norm_eps 1e-5, rope_theta 10000, tied embeddings |
| `generation_config.json` | bos 1, eos [2, 1] |
| `tokenizer.json`, `tokenizer_config.json` | Hugging Face BPE tokenizer (byte fallback) equivalent to llama2.c `tok512.bin` |
| `onnx/model.onnx` | float32 decoder with KV cache, opset 14, weights inline ({size} bytes, {nodes} nodes, sha256 `{sha}`) |

## ONNX interface (Optimum "decoder with past")

Inputs: `input_ids` int64 [batch, seq]; `attention_mask` int64 [batch, past+seq];
`position_ids` int64 [batch, seq] (use `cumsum(attention_mask) - 1`, values
for pad slots are ignored); `past_key_values.{{i}}.key` / `.value` float32
[batch, 4, past, 8] for i = 0..4 (zero-length `past` on the first call).
Outputs: `logits` float32 [batch, seq, 512]; `present.{{i}}.key` / `.value`
float32 [batch, 4, past+seq, 8]. Left padding is supported (masked key slots
get an additive -1e4, so fully padded rows stay finite).

Notes:
* The model ends a story by emitting BOS (id 1), which starts the next story;
  treat both 1 and 2 as end of text (`eos_token_id: [2, 1]`).
* RoPE uses llama2.c's adjacent-pair (interleaved) convention, computed inside
  the graph from `position_ids` (cos/sin table lookup); cached keys are stored
  after RoPE in that convention. The cache is opaque to callers.
* The graph is hand-shaped for low per-step overhead: q/k/v and the RoPE
  rotated projections are one MatMul per layer (1/sqrt(head_dim) folded into
  q), grouped-query attention stacks the two query heads of each KV head
  instead of repeating K/V, and the mask is built once per call.
* Only the ONNX export exists; no PyTorch/safetensors checkpoint is included.

## How it was produced

`tools/convert-stories260k/convert.py` (in the Warden repository) reads the
original llama2.c files `stories260K.bin` (v0 checkpoint layout) and
`tok512.bin`, builds the tokenizer files, builds a PyTorch module with the
interface above, checks it against an independent numpy port of llama2.c
`run.c` (max |logit diff| < 1e-4, including left padding and a KV cache),
exports it with `torch.onnx.export` (torch 1.13, opset 14) and then runs
`tools/convert-stories260k/verify.js`, which checks with onnxruntime-node the
ONNX logits against the reference, the tokenizer against llama2.c's encoder,
and that greedy decoding from BOS reproduces llama2.c's expected output
("Once upon a time, there was a little girl named Lily. She loved to play
outside in the park. ...").

Regenerate (from the repository root; deterministic):

```sh
/usr/bin/python3 tools/convert-stories260k/convert.py   # also runs verify.js
node tools/convert-stories260k/verify.js                 # verification only
```
"""


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


# --------------------------------------------------------------------------- #
# 1. readers
# --------------------------------------------------------------------------- #
def read_checkpoint(path):
    raw = open(path, "rb").read()
    dim, hidden, n_layers, n_heads, n_kv, vocab, seq_len = struct.unpack_from("<7i", raw, 0)
    shared = vocab > 0
    vocab = abs(vocab)
    hs = dim // n_heads
    kv_dim = n_kv * hs
    w = np.frombuffer(raw, dtype="<f4", offset=28).astype(np.float32)
    off = 0

    def take(*shape):
        nonlocal off
        n = int(np.prod(shape))
        a = w[off:off + n].reshape(shape)
        off += n
        return a

    p = dict(
        dim=dim, hidden=hidden, n_layers=n_layers, n_heads=n_heads, n_kv=n_kv,
        vocab=vocab, seq_len=seq_len, hs=hs, kv_dim=kv_dim,
    )
    p["emb"] = take(vocab, dim)
    p["rms_att"] = take(n_layers, dim)
    p["wq"] = take(n_layers, dim, dim)
    p["wk"] = take(n_layers, kv_dim, dim)
    p["wv"] = take(n_layers, kv_dim, dim)
    p["wo"] = take(n_layers, dim, dim)
    p["rms_ffn"] = take(n_layers, dim)
    p["w1"] = take(n_layers, hidden, dim)
    p["w2"] = take(n_layers, dim, hidden)
    p["w3"] = take(n_layers, hidden, dim)
    p["rms_final"] = take(dim)
    take(seq_len, hs // 2)  # freq_cis_real (unused, run.c skips it)
    take(seq_len, hs // 2)  # freq_cis_imag
    p["wcls"] = p["emb"] if shared else take(vocab, dim)
    if off != w.size:
        fail("checkpoint size mismatch: consumed %d of %d floats" % (off, w.size))
    p["shared"] = shared
    return p


def read_tokenizer(path, vocab_size):
    raw = open(path, "rb").read()
    (max_len,) = struct.unpack_from("<i", raw, 0)
    off = 4
    pieces, scores = [], []
    for _ in range(vocab_size):
        score, n = struct.unpack_from("<fi", raw, off)
        off += 8
        pieces.append(raw[off:off + n])
        off += n
        scores.append(score)
    if off != len(raw):
        fail("tokenizer size mismatch")
    return pieces, scores, max_len


# --------------------------------------------------------------------------- #
# llama2.c (run.c) tokenizer, used as the reference for tokenizer.json
# --------------------------------------------------------------------------- #
def llama2c_encode(text, pieces, scores, bos=True):
    lookup = {}
    for i, p in enumerate(pieces):
        lookup.setdefault(p, i)
    toks = [1] if bos else []
    body = []
    if text:
        body.append(lookup[b" "])  # dummy prefix
    for ch in text:
        b = ch.encode("utf-8")
        if b in lookup:
            body.append(lookup[b])
        else:
            body.extend(x + 3 for x in b)  # byte fallback
    while True:
        best, best_id, best_i = -1e10, -1, -1
        for i in range(len(body) - 1):
            cat = pieces[body[i]] + pieces[body[i + 1]]
            j = lookup.get(cat)
            if j is not None and scores[j] > best:
                best, best_id, best_i = scores[j], j, i
        if best_i < 0:
            break
        body[best_i:best_i + 2] = [best_id]
    return toks + body


def llama2c_decode(ids, pieces):
    out = b""
    prev = None
    for t in ids:
        if t == 1 and prev is None:
            prev = t
            continue
        piece = pieces[t]
        if prev == 1 and piece.startswith(b" "):
            piece = piece[1:]
        if len(piece) == 6 and piece.startswith(b"<0x") and piece.endswith(b">"):
            piece = bytes([int(piece[3:5], 16)])
        out += piece
        prev = t
    return out.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- #
# 2. Hugging Face files
# --------------------------------------------------------------------------- #
SPECIAL = {0: "<unk>", 1: "<s>", 2: "</s>"}


def hf_pieces(pieces):
    out = []
    for i, p in enumerate(pieces):
        if i in SPECIAL:
            out.append(SPECIAL[i])
        else:
            out.append(p.decode("utf-8").replace(" ", "\u2581"))
    if len(set(out)) != len(out):
        fail("duplicate vocabulary pieces")
    return out


def build_tokenizer_json(pieces, scores):
    names = hf_pieces(pieces)
    vocab = {s: i for i, s in enumerate(names)}
    normal = {s: i for i, s in enumerate(names) if i >= 259}  # real SentencePiece pieces
    merges = []
    for piece, pid in normal.items():
        for k in range(1, len(piece)):
            left, right = piece[:k], piece[k:]
            if left in normal and right in normal:
                # higher score first; ties (never happen here: scores are -rank)
                # broken like transformers' SentencePieceExtractor
                merges.append((-scores[pid], pid, normal[left], normal[right], left, right))
    merges.sort()
    for m in merges:
        if " " in m[4] or " " in m[5]:
            fail("piece with a plain space cannot be written in 'a b' merge format")
    added = [
        {"id": i, "content": SPECIAL[i], "single_word": False, "lstrip": False,
         "rstrip": False, "normalized": False, "special": True}
        for i in sorted(SPECIAL)
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Prepend", "prepend": "\u2581"},
                {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"},
            ],
        },
        "pre_tokenizer": None,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "<s>", "type_id": 1}},
                {"Sequence": {"id": "B", "type_id": 1}},
            ],
            "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}},
        },
        "decoder": {
            "type": "Sequence",
            "decoders": [
                {"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "},
                {"type": "ByteFallback"},
                {"type": "Fuse"},
                {"type": "Strip", "content": " ", "start": 1, "stop": 0},
            ],
        },
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": "<unk>",
            "continuing_subword_prefix": None,
            "end_of_word_suffix": None,
            "fuse_unk": True,
            "byte_fallback": True,
            "vocab": vocab,
            "merges": ["%s %s" % (m[4], m[5]) for m in merges],
        },
    }


def build_tokenizer_config():
    dec = {
        str(i): {"content": SPECIAL[i], "lstrip": False, "normalized": False,
                 "rstrip": False, "single_word": False, "special": True}
        for i in sorted(SPECIAL)
    }
    return {
        "add_bos_token": True,
        "add_eos_token": False,
        "added_tokens_decoder": dec,
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "pad_token": None,
        "clean_up_tokenization_spaces": False,
        "legacy": True,
        "model_max_length": 512,
        "padding_side": "left",
        "spaces_between_special_tokens": False,
        "tokenizer_class": "LlamaTokenizerFast",
    }


def build_config(p):
    return {
        "architectures": ["LlamaForCausalLM"],
        "model_type": "llama",
        "hidden_size": p["dim"],
        "intermediate_size": p["hidden"],
        "num_hidden_layers": p["n_layers"],
        "num_attention_heads": p["n_heads"],
        "num_key_value_heads": p["n_kv"],
        "head_dim": p["hs"],
        "vocab_size": p["vocab"],
        "max_position_embeddings": p["seq_len"],
        "rms_norm_eps": 1e-05,
        "rope_theta": 10000.0,
        "rope_scaling": None,
        "hidden_act": "silu",
        "attention_bias": False,
        "attention_dropout": 0.0,
        "mlp_bias": False,
        "initializer_range": 0.02,
        "pretraining_tp": 1,
        "bos_token_id": 1,
        # llama2.c stories end with BOS (1) starting the next story; 2 (</s>) is
        # never produced in practice but is the nominal EOS.
        "eos_token_id": [2, 1],
        "pad_token_id": None,
        "tie_word_embeddings": p["shared"],
        "torch_dtype": "float32",
        "use_cache": True,
    }


def build_generation_config():
    return {"bos_token_id": 1, "eos_token_id": [2, 1], "max_length": 512, "do_sample": False}


# --------------------------------------------------------------------------- #
# 3a. independent reference: straight numpy (float64) port of run.c forward()
# --------------------------------------------------------------------------- #
class RefModel:
    """Straight float64 port of run.c forward(): one token at a time, KV cache."""

    def __init__(self, p):
        self.p = p
        f = np.float64
        L, n, kvd = p["n_layers"], p["seq_len"], p["kv_dim"]
        self.kc = np.zeros((L, n, kvd), f)
        self.vc = np.zeros((L, n, kvd), f)
        self.w = {k: p[k].astype(f) for k in ("emb", "rms_att", "wq", "wk", "wv", "wo",
                                                "rms_ffn", "w1", "w2", "w3", "rms_final", "wcls")}
        self.pos = 0

    @staticmethod
    def rmsnorm(x, w):
        ss = np.sum(x * x) / x.size + 1e-5
        return w * (x * (1.0 / np.sqrt(ss)))

    def step(self, tok):
        p, w, pos = self.p, self.w, self.pos
        dim, hs, kvd = p["dim"], p["hs"], p["kv_dim"]
        kv_mul = p["n_heads"] // p["n_kv"]
        x = w["emb"][tok].copy()
        for l in range(p["n_layers"]):
            xb = self.rmsnorm(x, w["rms_att"][l])
            q = w["wq"][l] @ xb
            k = w["wk"][l] @ xb
            v = w["wv"][l] @ xb
            for i in range(0, dim, 2):
                head_dim = i % hs
                freq = 1.0 / (10000.0 ** (head_dim / hs))
                c, s = math.cos(pos * freq), math.sin(pos * freq)
                for vec in ((q, k) if i < kvd else (q,)):
                    v0, v1 = vec[i], vec[i + 1]
                    vec[i] = v0 * c - v1 * s
                    vec[i + 1] = v0 * s + v1 * c
            self.kc[l, pos] = k
            self.vc[l, pos] = v
            att_out = np.zeros(dim)
            for h in range(p["n_heads"]):
                g = h // kv_mul
                kh = self.kc[l, :pos + 1, g * hs:(g + 1) * hs]
                vh = self.vc[l, :pos + 1, g * hs:(g + 1) * hs]
                a = kh @ q[h * hs:(h + 1) * hs] / math.sqrt(hs)
                a = np.exp(a - a.max())
                att_out[h * hs:(h + 1) * hs] = (a / a.sum()) @ vh
            x = x + w["wo"][l] @ att_out
            xb = self.rmsnorm(x, w["rms_ffn"][l])
            h1 = w["w1"][l] @ xb
            h3 = w["w3"][l] @ xb
            x = x + w["w2"][l] @ (h1 * (1.0 / (1.0 + np.exp(-h1))) * h3)
        x = self.rmsnorm(x, w["rms_final"])
        self.pos += 1
        return w["wcls"] @ x


def ref_logits(p, tokens):
    """Logits [len, vocab] for every position of a single unpadded sequence."""
    m = RefModel(p)
    return np.stack([m.step(t) for t in tokens])


def ref_greedy(p, prompt, steps):
    """run.c-style greedy generation; stops after emitting BOS (1) or EOS (2)."""
    m = RefModel(p)
    toks = list(prompt)
    for t in toks[:-1]:
        m.step(t)
    nxt = toks[-1]
    for _ in range(steps):
        nxt = int(np.argmax(m.step(nxt)))
        toks.append(nxt)
        if nxt in (1, 2):
            break
    return toks


# --------------------------------------------------------------------------- #
# 3b. exported torch module (Optimum decoder-with-past interface)
# --------------------------------------------------------------------------- #
def _const(g, value, dtype=torch.int64):
    return g.op("Constant", value_t=torch.tensor(value, dtype=dtype))


class _Reshape(torch.autograd.Function):
    """Reshape with ONNX semantics (0 = copy dim, -1 = infer) exported as ONE
    Reshape node with a constant shape (torch would emit Shape/Gather/Concat)."""

    @staticmethod
    def forward(ctx, x, shape):
        return x.reshape([x.shape[i] if d == 0 else d for i, d in enumerate(shape)]).clone()

    @staticmethod
    def symbolic(g, x, shape):
        return g.op("Reshape", x, _const(g, list(shape)))


class _Gather(torch.autograd.Function):
    """table[idx] along axis 0 (negative indices allowed), one Gather node."""

    @staticmethod
    def forward(ctx, table, idx):
        return table[idx]

    @staticmethod
    def symbolic(g, table, idx):
        return g.op("Gather", table, idx, axis_i=0)


class _AttnBias(torch.autograd.Function):
    """Additive attention bias [B, 1, 2*S, T] (T = past + S), rows ordered
    (query s, group member g) -> 2*s+g so that the two query heads sharing a KV
    head are stacked along the row axis (GQA without repeating K/V).
    Key slot j is visible to query s iff attention_mask[b, j] == 1 and
    j <= past + s (causal in slot index; left padding works).
    Row r = 2s+g: j <= past+s  <=>  2j <= 2*past + r  (g in {0, 1}; this model
    has exactly 2 query heads per KV head, checked via the header in main())."""

    @staticmethod
    def forward(ctx, input_ids, attention_mask):
        S = input_ids.shape[1]
        T = attention_mask.shape[1]
        kk = torch.arange(0, 2 * T, 2)
        rr = torch.arange(2 * T - 2 * S, 2 * T).unsqueeze(1)
        allowed = (kk <= rr) & (attention_mask != 0)[:, None, None, :]
        return torch.where(allowed, torch.tensor(0.0), torch.tensor(NEG))

    @staticmethod
    def symbolic(g, input_ids, attention_mask):
        S2 = g.op("Mul", g.op("Gather", g.op("Shape", input_ids), _const(g, 1), axis_i=0), _const(g, 2))
        T2 = g.op("Mul", g.op("Gather", g.op("Shape", attention_mask), _const(g, 1), axis_i=0), _const(g, 2))
        rr = g.op("Unsqueeze", g.op("Range", g.op("Sub", T2, S2), T2, _const(g, 1)), _const(g, [1]))
        kk = g.op("Range", _const(g, 0), T2, _const(g, 2))
        causal = g.op("LessOrEqual", kk, rr)
        m = g.op("Unsqueeze", g.op("Cast", attention_mask, to_i=TensorProto.BOOL), _const(g, [1, 2]))
        allowed = g.op("And", causal, m)
        return g.op("Where", allowed, _const(g, 0.0, torch.float32), _const(g, NEG, torch.float32))


def R(x, shape):
    return _Reshape.apply(x, tuple(shape))


def rope_tables(p):
    """cos/sin lookup [seq_len, 1, 1, 9] = (cos f_m, sin f_m for m<4, 1) and the 0/1
    expansion [2, 9, 128] mapping it onto the fused projection columns."""
    hs = p["hs"]
    half = hs // 2
    pos = np.arange(p["seq_len"], dtype=np.float64)[:, None]
    freq = 1.0 / (10000.0 ** (np.arange(0, hs, 2, dtype=np.float64) / hs))
    ang = pos * freq[None, :]
    table = np.concatenate([np.cos(ang), np.sin(ang), np.ones((p["seq_len"], 1))], 1)
    table = table.astype(np.float32)[:, None, None, :]  # [512, 1, 1, 9]
    cols = fused_columns(p)
    E = np.zeros((2, 2 * half + 1, len(cols)), np.float32)
    for c, (kind, r) in enumerate(cols):
        m = (r % hs) // 2  # rotation pair index inside the head
        if kind in ("q", "k"):
            E[0, m, c] = 1.0  # cos
            E[1, half + m, c] = 1.0  # sin
        else:
            E[0, 2 * half, c] = 1.0  # v: *1 on the first half, *0 on the (zero) second half
    return table, E


def fused_columns(p):
    """Column layout of the fused 128-wide projection:
    q heads in llama2.c order (head h = 2*kv + g -> grouped by KV head), then for
    every KV head h: k_h (8) followed by v_h (8). Returns (kind, row) pairs where
    row indexes wq / wk / wv."""
    hs = p["hs"]
    cols = [("q", c) for c in range(p["dim"])]
    for h in range(p["n_kv"]):
        cols += [("k", h * hs + d) for d in range(hs)]
        cols += [("v", h * hs + d) for d in range(hs)]
    return cols


def fused_qkv(p, l):
    """[2, dim, 128]: half 0 = plain projection (RoPE cos part), half 1 = the
    pair-rotated projection (x -> (-x[2m+1], x[2m])) for the sin part, zero for v.
    1/sqrt(head_size) is folded into q. (RMSNorm weights are deliberately NOT folded
    into the MatMuls: the plain Pow/ReduceMean/Add/Sqrt/Div/Mul pattern is fused by
    onnxruntime into one SimplifiedLayerNormalization node.)"""
    hs = p["hs"]
    scale = 1.0 / math.sqrt(hs)
    src = {"q": p["wq"][l].astype(np.float64) * scale,
           "k": p["wk"][l].astype(np.float64),
           "v": p["wv"][l].astype(np.float64)}
    cols = fused_columns(p)
    W = np.zeros((2, p["dim"], len(cols)), np.float64)
    for c, (kind, r) in enumerate(cols):
        W[0, :, c] = src[kind][r]
        if kind != "v":
            W[1, :, c] = -src[kind][r + 1] if r % 2 == 0 else src[kind][r - 1]
    return W.astype(np.float32)


class Stories(torch.nn.Module):
    def __init__(self, p):
        super().__init__()
        self.p = p
        T = lambda a: torch.nn.Parameter(torch.from_numpy(np.ascontiguousarray(a, np.float32)), requires_grad=False)
        table, E = rope_tables(p)
        self.emb = T(p["emb"])
        self.rope_table = T(table)
        self.rope_expand = T(E)
        L = p["n_layers"]
        self.wqkv = torch.nn.ParameterList([T(fused_qkv(p, l)) for l in range(L)])
        self.wo = torch.nn.ParameterList([T(p["wo"][l].T) for l in range(L)])
        self.w13 = torch.nn.ParameterList([T(np.concatenate([p["w1"][l], p["w3"][l]], 0).T) for l in range(L)])
        self.w2 = torch.nn.ParameterList([T(p["w2"][l].T) for l in range(L)])
        self.n1 = torch.nn.ParameterList([T(p["rms_att"][l]) for l in range(L)])
        self.n2 = torch.nn.ParameterList([T(p["rms_ffn"][l]) for l in range(L)])
        self.nf = T(p["rms_final"])

    @staticmethod
    def rmsnorm(x, w):
        return x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5) * w

    def forward(self, input_ids, attention_mask, position_ids, *past):
        p = self.p
        dim, hs, nkv, hid = p["dim"], p["hs"], p["n_kv"], p["hidden"]
        # residual stream is kept as [B,S,1,1,64] so that x @ [2,64,128] broadcasts to
        # [B,S,2,1,128] (plain and pair-rotated projection) without extra Reshapes
        x = R(torch.nn.functional.embedding(input_ids, self.emb), (0, -1, 1, 1, dim))
        cs = torch.matmul(_Gather.apply(self.rope_table, position_ids), self.rope_expand)  # [B,S,2,1,128]
        bias = _AttnBias.apply(input_ids, attention_mask)  # [B,1,2S,T]
        presents = []
        for l in range(p["n_layers"]):
            h = self.rmsnorm(x, self.n1[l])
            y = (torch.matmul(h, self.wqkv[l]) * cs).sum(dim=2)  # [B,S,1,128] (RoPE applied)
            y = R(y, (0, -1, 2 * nkv, 2 * hs)).transpose(1, 2)  # [B,8,S,16]
            q, kv = torch.split(y, [nkv, nkv], dim=1)  # [B,4,S,16] each
            q = R(q, (0, 0, -1, hs))  # [B,4,2S,8]  row 2s+g = query head 2*kv+g
            k, v = torch.split(kv, [hs, hs], dim=3)  # [B,4,S,8]
            k = torch.cat([past[2 * l], k], dim=2)
            v = torch.cat([past[2 * l + 1], v], dim=2)
            presents += [k, v]
            a = torch.softmax(torch.matmul(q, k.transpose(2, 3)) + bias, dim=-1)
            a = torch.matmul(a, v)  # [B,4,2S,8]
            a = R(R(a, (0, 0, -1, 2 * hs)).transpose(1, 2), (0, -1, 1, 1, dim))  # [B,S,1,1,64]
            x = x + torch.matmul(a, self.wo[l])
            h = self.rmsnorm(x, self.n2[l])
            gate, up = torch.split(torch.matmul(h, self.w13[l]), [hid, hid], dim=-1)
            x = x + torch.matmul(torch.sigmoid(gate) * gate * up, self.w2[l])
        x = self.rmsnorm(x, self.nf)
        logits = R(torch.matmul(x, self.emb.t()), (0, -1, p["vocab"]))
        return (logits, *presents)


# --------------------------------------------------------------------------- #
# test cases shared by check (a) and the verify.js fixture
# --------------------------------------------------------------------------- #
def left_pad_batch(rows):
    """rows: list of token lists -> ids, mask, position_ids (cumsum(mask)-1; pads = -1)."""
    S = max(len(r) for r in rows)
    ids = np.zeros((len(rows), S), np.int64)
    mask = np.zeros((len(rows), S), np.int64)
    for b, r in enumerate(rows):
        ids[b, S - len(r):] = r
        mask[b, S - len(r):] = 1
    return ids, mask


def make_cases(pieces, scores):
    """Returns a list of cases. Each case is a chain of steps run with KV cache.
    step = dict(ids, new_mask_cols) ; the full mask/positions are derived."""
    prompt = llama2c_encode("Once upon a time", pieces, scores)
    a = llama2c_encode(PROMPT_A, pieces, scores)
    b = llama2c_encode(PROMPT_B, pieces, scores)
    # padded chain: step 1 = prefix (b left padded), step 2 = 3 more tokens each
    # (the B=2, S=3, past=4 shape used for tracing), step 3 = one decode step.
    n1a, n1b = 4, 2
    a_steps = [a[:n1a], a[n1a:n1a + 3], a[n1a + 3:n1a + 4]]
    b_steps = [b[:n1b], b[n1b:n1b + 3], b[n1b + 3:n1b + 4]]
    assert len(a) >= n1a + 4 and len(b) >= n1b + 4, (a, b)
    return [
        {"name": "single_prompt_no_past", "rows": [prompt], "steps": [[prompt]]},
        {"name": "batch2_left_padded_with_past", "rows": [a[:n1a + 4], b[:n1b + 4]],
         "steps": [[a_steps[i], b_steps[i]] for i in range(3)]},
    ]


def case_inputs(case):
    """Yields per step: ids, mask(full), position_ids, valid[B,S], ref_index[B,S]."""
    B = len(case["rows"])
    full_mask = np.zeros((B, 0), np.int64)
    consumed = [0] * B
    out = []
    for step in case["steps"]:
        ids, m = left_pad_batch(step)
        full_mask = np.concatenate([full_mask, m], 1)
        pos = (np.cumsum(full_mask, 1) - 1)[:, -ids.shape[1]:]
        ref_idx = np.full(ids.shape, -1, np.int64)
        for bi in range(B):
            n = len(step[bi])
            ref_idx[bi, ids.shape[1] - n:] = np.arange(consumed[bi], consumed[bi] + n)
            consumed[bi] += n
        out.append(dict(ids=ids, mask=full_mask.copy(), pos=pos.astype(np.int64), ref_idx=ref_idx))
    return out


def run_torch_chain(model, p, steps_in):
    B = steps_in[0]["ids"].shape[0]
    past = [torch.zeros((B, p["n_kv"], 0, p["hs"])) for _ in range(2 * p["n_layers"])]
    outs = []
    with torch.no_grad():
        for st in steps_in:
            res = model(torch.from_numpy(st["ids"]), torch.from_numpy(st["mask"]),
                        torch.from_numpy(st["pos"]), *past)
            outs.append(res[0].numpy())
            past = list(res[1:])
    return outs


def compare_chain(name, outs, steps_in, refs):
    worst = 0.0
    for st, lo in zip(steps_in, outs):
        if not np.all(np.isfinite(lo)):
            fail("%s: non-finite logits (pad rows must not produce NaN)" % name)
        for b in range(st["ids"].shape[0]):
            for s in range(st["ids"].shape[1]):
                r = st["ref_idx"][b, s]
                if r >= 0:
                    worst = max(worst, float(np.max(np.abs(lo[b, s] - refs[b][r]))))
    return worst


# --------------------------------------------------------------------------- #
# 4. ONNX export + cleanup
# --------------------------------------------------------------------------- #
def export_onnx(model, p, path):
    B, S, P = 2, 3, 4  # distinct sizes so no dimension gets baked in as a constant
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(3, p["vocab"], (B, S), generator=g)
    mask = torch.ones((B, P + S), dtype=torch.int64)
    mask[1, :2] = 0
    pos = (torch.cumsum(mask, 1) - 1)[:, -S:]
    past = [torch.randn((B, p["n_kv"], P, p["hs"]), generator=g) for _ in range(2 * p["n_layers"])]
    names_past, names_present = [], []
    dyn = {
        "input_ids": {0: "batch_size", 1: "sequence_length"},
        "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length"},
        "position_ids": {0: "batch_size", 1: "sequence_length"},
        "logits": {0: "batch_size", 1: "sequence_length"},
    }
    for i in range(p["n_layers"]):
        for kind in ("key", "value"):
            a, b = "past_key_values.%d.%s" % (i, kind), "present.%d.%s" % (i, kind)
            names_past.append(a)
            names_present.append(b)
            dyn[a] = {0: "batch_size", 2: "past_sequence_length"}
            dyn[b] = {0: "batch_size", 2: "past_sequence_length + sequence_length"}
    buf = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(
            model, (ids, mask, pos, *past), buf,
            input_names=["input_ids", "attention_mask", "position_ids"] + names_past,
            output_names=["logits"] + names_present,
            dynamic_axes=dyn, opset_version=OPSET, do_constant_folding=True,
        )
    m = onnx.load_from_string(buf.getvalue())
    m = cleanup(m, p)
    onnx.checker.check_model(m)
    onnx.shape_inference.infer_shapes(m, strict_mode=True)
    data = m.SerializeToString()
    with open(path, "wb") as f:
        f.write(data)
    return m, data


def cleanup(m, p):
    g = m.graph
    # a) Constant nodes -> initializers (ORT treats them the same; lean node list)
    inits = list(g.initializer)
    nodes = []
    for n in g.node:
        if n.op_type == "Constant" and len(n.attribute) == 1 and n.attribute[0].name == "value":
            t = onnx.TensorProto()
            t.CopyFrom(n.attribute[0].t)
            t.name = n.output[0]
            inits.append(t)
        else:
            nodes.append(n)
    # b) tied classifier: torch constant-folded emb.t() into a second copy; use a
    #    Transpose of the embedding instead (ORT folds it once at load time).
    emb_name = None
    arrays = {t.name: numpy_helper.to_array(t) for t in inits}
    for name, a in arrays.items():
        if a.shape == p["emb"].shape and np.array_equal(a, p["emb"]):
            emb_name = name
    dup = [n for n, a in arrays.items() if a.shape == p["emb"].T.shape and np.array_equal(a, p["emb"].T)]
    if emb_name is None or len(dup) != 1:
        fail("could not locate tied embedding initializers (%s, %s)" % (emb_name, dup))
    inits = [t for t in inits if t.name != dup[0]]
    tnode = onnx.helper.make_node("Transpose", [emb_name], [dup[0]], name="TiedEmbeddingTranspose", perm=[1, 0])
    # c) deduplicate identical initializers (e.g. the same Reshape shape per layer)
    seen, rename, uniq = {}, {}, []
    for t in inits:
        key = (t.data_type, tuple(t.dims), numpy_helper.to_array(t).tobytes())
        if key in seen:
            rename[t.name] = seen[key]
        else:
            seen[key] = t.name
            uniq.append(t)
    for n in nodes:
        for i, x in enumerate(n.input):
            if x in rename:
                n.input[i] = rename[x]
    # d) reassemble; the Transpose goes first (it only reads an initializer)
    del g.initializer[:]
    g.initializer.extend(uniq)
    del g.node[:]
    g.node.extend([tnode] + nodes)
    del g.value_info[:]  # drop traced intermediate shapes; ORT infers them
    # e) the exporter names the vocab axis of `logits` symbolically (Reshape output): fix it
    out = {o.name: o for o in g.output}["logits"].type.tensor_type.shape.dim
    out[2].Clear()
    out[2].dim_value = p["vocab"]
    for v in list(g.input) + list(g.output):
        for d in v.type.tensor_type.shape.dim:
            if d.HasField("dim_param") and d.dim_param not in (
                    "batch_size", "sequence_length", "past_sequence_length",
                    "past_sequence_length + sequence_length"):
                fail("unexpected symbolic dim %r on %s" % (d.dim_param, v.name))
    m.producer_name = "warden convert-stories260k (torch %s)" % torch.__version__.split("+")[0]
    m.doc_string = "llama2.c stories260K (Karpathy, MIT) -> Optimum decoder-with-past layout"
    return m


# --------------------------------------------------------------------------- #
# main
# --------------------------------------------------------------------------- #
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("asset_dir", help="directory holding stories260K.bin, tok512.bin and LICENSE")
    ap.add_argument("--no-verify", action="store_true", help="do not run verify.js at the end")
    args = ap.parse_args()
    asset_dir = args.asset_dir
    torch.manual_seed(0)
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
    torch.set_num_threads(1)

    print("== reading %s" % asset_dir)
    p = read_checkpoint(os.path.join(asset_dir, "stories260K.bin"))
    pieces, scores, _ = read_tokenizer(os.path.join(asset_dir, "tok512.bin"), p["vocab"])
    hdr = (p["dim"], p["hidden"], p["n_layers"], p["n_heads"], p["n_kv"], p["vocab"], p["seq_len"])
    print("header", hdr, "shared classifier:", p["shared"])
    if hdr != (64, 172, 5, 8, 4, 512, 512):
        fail("unexpected header %r" % (hdr,))

    os.makedirs(os.path.join(OUT_DIR, "onnx"), exist_ok=True)
    os.makedirs(FIXTURE_DIR, exist_ok=True)

    def dump(path, obj, **kw):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, **kw)
            f.write("\n")

    # -- 2. HF json files
    tok = build_tokenizer_json(pieces, scores)
    dump(os.path.join(OUT_DIR, "tokenizer.json"), tok, indent=1)
    dump(os.path.join(OUT_DIR, "tokenizer_config.json"), build_tokenizer_config(), indent=2)
    dump(os.path.join(OUT_DIR, "config.json"), build_config(p), indent=2)
    dump(os.path.join(OUT_DIR, "generation_config.json"), build_generation_config(), indent=2)
    print("wrote tokenizer.json (%d merges), tokenizer_config.json, config.json, generation_config.json"
          % len(tok["model"]["merges"]))
    if llama2c_encode("Once upon a time", pieces, scores) != [1, 403, 407, 261, 378]:
        fail("llama2.c encoder self-check")

    # -- 3. torch module vs numpy reference (check a)
    print("== check a: torch module vs independent numpy run.c reference")
    model = Stories(p).eval()
    cases = make_cases(pieces, scores)
    fixture_cases = []
    worst_all = 0.0
    for case in cases:
        refs = [ref_logits(p, row) for row in case["rows"]]
        steps_in = case_inputs(case)
        outs = run_torch_chain(model, p, steps_in)
        worst = compare_chain(case["name"], outs, steps_in, refs)
        worst_all = max(worst_all, worst)
        print("  %-32s steps=%s  max|torch-ref| = %.3g" % (
            case["name"], [tuple(s["ids"].shape) for s in steps_in], worst))
        fx_steps = []
        for st in steps_in:
            exp = np.zeros(st["ids"].shape + (p["vocab"],), np.float32)
            for b in range(st["ids"].shape[0]):
                for s in range(st["ids"].shape[1]):
                    if st["ref_idx"][b, s] >= 0:
                        exp[b, s] = refs[b][st["ref_idx"][b, s]]
            fx_steps.append({
                "input_ids": st["ids"].tolist(), "attention_mask": st["mask"].tolist(),
                "position_ids": st["pos"].tolist(), "valid": (st["ref_idx"] >= 0).astype(int).tolist(),
                "expected_logits": [float("%.8g" % v) for v in exp.reshape(-1)],
            })
        fixture_cases.append({"name": case["name"], "steps": fx_steps})
    if worst_all >= TOL:
        fail("torch module differs from reference: %.3g >= %g" % (worst_all, TOL))
    print("  OK check a (max abs diff %.3g < %g)" % (worst_all, TOL))

    # -- 4. export
    print("== exporting ONNX (opset %d)" % OPSET)
    onnx_path = os.path.join(OUT_DIR, "onnx", "model.onnx")
    m, data = export_onnx(model, p, onnx_path)
    ops = {}
    for n in m.graph.node:
        ops[n.op_type] = ops.get(n.op_type, 0) + 1
    print("  %s: %d bytes, sha256 %s" % (os.path.relpath(onnx_path, REPO), len(data), hashlib.sha256(data).hexdigest()[:16]))
    print("  %d nodes, %d initializers; ops: %s" % (len(m.graph.node), len(m.graph.initializer),
                                                    ", ".join("%s=%d" % kv for kv in sorted(ops.items()))))
    for f in os.listdir(os.path.join(OUT_DIR, "onnx")):
        if f != "model.onnx":
            fail("unexpected file next to model.onnx: %s" % f)
    for t in m.graph.initializer:
        if t.data_location == TensorProto.EXTERNAL:
            fail("external initializer %s" % t.name)

    # -- 5. fixtures for verify.js
    print("== reference greedy decode (numpy, from BOS, up to 200 tokens)")
    greedy = ref_greedy(p, [1], 200)
    text = llama2c_decode(greedy, pieces)
    print("  %d tokens: %r" % (len(greedy), text[:120] + "..."))
    fixture = {
        "note": "generated by tools/convert-stories260k/convert.py from the numpy run.c reference",
        "tolerance": TOL,
        "tokenizer_cases": [{"text": t, "ids": llama2c_encode(t, pieces, scores)} for t in TOKENIZER_CASES],
        "greedy_from_bos": {"ids": greedy, "text": text},
        "logit_cases": fixture_cases,
    }
    dump(os.path.join(FIXTURE_DIR, "reference.json"), fixture)
    print("  wrote %s" % os.path.relpath(os.path.join(FIXTURE_DIR, "reference.json"), REPO))

    # -- 6. licence + README
    shutil.copyfile(os.path.join(asset_dir, "LICENSE"), os.path.join(OUT_DIR, "LICENSE"))
    with open(os.path.join(OUT_DIR, "README.md"), "w", encoding="utf-8") as f:
        f.write(MODEL_README.format(nodes=len(m.graph.node), size=len(data),
                                    sha=hashlib.sha256(data).hexdigest()))
    print("wrote LICENSE, README.md")

    if not args.no_verify:
        print("== running verify.js")
        r = subprocess.run(["node", os.path.join(HERE, "verify.js")], cwd=REPO)
        if r.returncode != 0:
            fail("verify.js failed (exit %d)" % r.returncode)
    print("ALL CHECKS PASSED" if not args.no_verify else "conversion done (verify.js skipped)")


if __name__ == "__main__":
    main()
