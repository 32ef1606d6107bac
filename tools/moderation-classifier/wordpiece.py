"""Builds a Hugging Face WordPiece tokenizer.json from word counts.

The vocabulary is learned like the HF WordPiece trainer does it: byte-pair-style merges over
characters, where non-initial pieces carry the '##' continuing-subword prefix. Every character
seen in the training corpus (>= min_char_count times) is in the vocabulary both as a word-initial
piece and as a '##' piece, so misspellings and obfuscations ("f.u.c.k", "sh1t", "k1ll") still map
to sub-word or single-character pieces rather than [UNK].

The word counts come from Node (tokenize.js pretok), i.e. from the runtime normalizer and
pre-tokenizer, so there is no Python/JS normalisation mismatch.
"""
import heapq
import json

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD_ID, UNK_ID, CLS_ID, SEP_ID = 0, 1, 2, 3


def tokenizer_skeleton(vocab, max_length):
    return {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": max_length, "strategy": "LongestFirst", "stride": 0},
        "padding": None,
        "added_tokens": [
            {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for i, t in enumerate(SPECIALS)
        ],
        # NFKC folds compatibility forms (fullwidth letters, ligatures, circled/math letters ...),
        # then lowercase, then NFKD + StripAccents removes diacritics ("fück" -> "fuck").
        "normalizer": {
            "type": "Sequence",
            "normalizers": [{"type": "NFKC"}, {"type": "Lowercase"}, {"type": "NFKD"}, {"type": "StripAccents"}],
        },
        # BERT pre-tokenisation (whitespace + punctuation), then every symbol character (emoji,
        # currency, math ...) is isolated so it cannot turn a whole word into [UNK].
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {"type": "BertPreTokenizer"},
                {"type": "Split", "pattern": {"Regex": "\\p{S}"}, "behavior": "Isolated", "invert": False},
            ],
        },
        "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", SEP_ID], "cls": ["[CLS]", CLS_ID]},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {
            "type": "WordPiece",
            "unk_token": "[UNK]",
            "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100,
            "vocab": vocab,
        },
    }


def learn_vocab(word_counts, vocab_size=8000, min_word_count=2, min_char_count=3, max_word_len=40, required=()):
    """BPE-style merges into WordPiece pieces. `required` words become whole pieces first (rule lexicons)."""
    # alphabet
    char_counts = {}
    for w, c in word_counts.items():
        for ch in w:
            char_counts[ch] = char_counts.get(ch, 0) + c
    alphabet = sorted(ch for ch, c in char_counts.items() if c >= min_char_count)
    vocab = list(SPECIALS)
    seen = set(vocab)
    for ch in alphabet:
        for t in (ch, "##" + ch):
            if t not in seen:
                seen.add(t)
                vocab.append(t)

    alpha = set(alphabet)
    for w in required:
        if w not in seen and all(ch in alpha for ch in w):
            seen.add(w)
            vocab.append(w)
    words, freqs = [], []
    for w in sorted(word_counts):
        c = word_counts[w]
        if c < min_word_count or len(w) > max_word_len or len(w) < 2:
            continue
        if not all(ch in alpha for ch in w):
            continue
        words.append([w[0]] + ["##" + ch for ch in w[1:]])
        freqs.append(c)

    def merge_name(a, b):
        return a + b[2:]

    pair_counts = {}
    where = {}
    for wi, syms in enumerate(words):
        for p in zip(syms, syms[1:]):
            pair_counts[p] = pair_counts.get(p, 0) + freqs[wi]
            where.setdefault(p, set()).add(wi)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)

    while len(vocab) < vocab_size and heap:
        negc, p = heapq.heappop(heap)
        cur = pair_counts.get(p, 0)
        if cur <= 0:
            continue
        if -negc != cur:
            heapq.heappush(heap, (-cur, p))
            continue
        if cur < 2:
            break
        new = merge_name(*p)
        if new not in seen:
            seen.add(new)
            vocab.append(new)
        changed = {}
        for wi in list(where.get(p, ())):
            syms = words[wi]
            f = freqs[wi]
            for q in zip(syms, syms[1:]):
                pair_counts[q] -= f
                changed[q] = 1
                s = where.get(q)
                if s is not None:
                    s.discard(wi)
            out, i = [], 0
            while i < len(syms):
                if i < len(syms) - 1 and syms[i] == p[0] and syms[i + 1] == p[1]:
                    out.append(new)
                    i += 2
                else:
                    out.append(syms[i])
                    i += 1
            words[wi] = out
            for q in zip(out, out[1:]):
                pair_counts[q] = pair_counts.get(q, 0) + f
                where.setdefault(q, set()).add(wi)
                changed[q] = 1
        pair_counts[p] = 0
        for q in changed:
            c = pair_counts.get(q, 0)
            if c > 0:
                heapq.heappush(heap, (-c, q))
    return {t: i for i, t in enumerate(vocab)}


def write_tokenizer(path, vocab, max_length):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(tokenizer_skeleton(vocab, max_length), f, ensure_ascii=False, indent=None, separators=(",", ":"))


def write_tokenizer_config(path, max_length):
    cfg = {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": True,
        "model_max_length": max_length,
        "unk_token": "[UNK]",
        "pad_token": "[PAD]",
        "cls_token": "[CLS]",
        "sep_token": "[SEP]",
        "mask_token": "[MASK]",
        "clean_up_tokenization_spaces": True,
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cfg, f, indent=2)
        f.write("\n")
