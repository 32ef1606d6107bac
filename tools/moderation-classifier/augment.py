"""Deterministic character-level perturbations that mimic filter evasion (leetspeak, inserted
separators, repeated / dropped letters, random casing, homoglyph-ish Unicode). Used to add
perturbed copies of training examples (train.py) and to measure robustness (evaluate.py)."""
import random
import re

LEET = {"a": "@4", "e": "3", "i": "1!", "o": "0", "s": "$5", "t": "7", "l": "1", "g": "9"}
FULLWIDTH_OFFSET = 0xFEE0  # 'a' -> 'ａ' ; undone by NFKC in the tokenizer


def _perturb_word(w, rng):
    op = rng.randrange(7)
    chars = list(w)
    if op == 0:  # leetspeak
        idx = [i for i, c in enumerate(chars) if c.lower() in LEET]
        for i in rng.sample(idx, min(len(idx), rng.randint(1, 2))):
            chars[i] = rng.choice(LEET[chars[i].lower()])
    elif op == 1 and len(chars) > 2:  # separators
        sep = rng.choice([".", "*", "-", " ", "_"])
        if rng.random() < 0.5:
            return sep.join(chars)
        i = rng.randrange(1, len(chars))
        chars.insert(i, sep)
    elif op == 2:  # repeated letter
        i = rng.randrange(len(chars))
        chars.insert(i, chars[i] * rng.randint(1, 4))
    elif op == 3 and len(chars) > 3:  # drop a vowel / letter
        idx = [i for i, c in enumerate(chars) if c.lower() in "aeiou"] or list(range(1, len(chars)))
        del chars[rng.choice(idx)]
    elif op == 4 and len(chars) > 3:  # swap
        i = rng.randrange(1, len(chars) - 1)
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    elif op == 5:  # casing
        chars = [c.upper() if rng.random() < 0.5 else c for c in chars]
    else:  # fullwidth letters (NFKC folds them back)
        chars = [chr(ord(c) + FULLWIDTH_OFFSET) if "!" <= c <= "~" else c for c in chars]
    return "".join(chars)


def perturb(text, seed_str, n_words=None):
    rng = random.Random(seed_str)
    words = text.split(" ")
    cand = [i for i, w in enumerate(words) if sum(ch.isalpha() for ch in w) >= 3]
    if not cand:
        return text
    k = n_words or max(1, min(len(cand), rng.randint(1, 3), len(cand) // 3 + 1))
    # prefer longer words (content words)
    cand.sort(key=lambda i: (-len(words[i]), i))
    pool = cand[: max(k * 3, 6)]
    for i in rng.sample(pool, min(k, len(pool))):
        words[i] = _perturb_word(words[i], rng)
    return " ".join(words)


# A text's closing mark: full stops, question and exclamation marks at its end, before closing quotes and brackets.
CLOSING_MARK = re.compile(r"[.!?\u2026]+([\"'\u2019\u201d)\]]*)\s*$")
QUESTION_WORDS = {"how", "what", "why", "where", "who", "whom", "whose", "when", "which", "can", "could", "would",
                  "should", "is", "are", "am", "do", "does", "did", "will", "was", "were", "may", "might", "shall"}


def toggled_closing_mark(text):
    """The text with its closing mark dropped when it has one ("How do I ...?" -> "How do I ..."), else with one typed
    ("?" after a question word, "." otherwise). The training data's harmful requests mostly end without a mark and
    its benign look-alikes with one, so v2.16 learned the mark as evidence: the same requests scored flagged 42 % with
    their marks and 58 % without, benign ones 6 % and 17 %, AdvBench 87 % as written and 59 % with a full stop."""
    m = CLOSING_MARK.search(text)
    if m:
        return text[:m.start()] + m.group(1)
    stripped = text.rstrip()
    words = stripped.split(None, 1)
    if not words:
        return text
    return stripped + ("?" if words[0].lower().strip("\"'(") in QUESTION_WORDS else ".")
