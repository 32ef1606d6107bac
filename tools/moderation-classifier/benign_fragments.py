"""Single everyday words and short fragments of everyday text, as benign text (derived from sets already here).

Why: v2.15 flags 4.4 % of the 20,000 most frequent English words on their own at its live thresholds ("end" and "life"
self-harm, "people", "government", "family", "husband", "car" and "information" illicit or violence, "muslims",
"jews", "gay" hate), and short messages with no harmful reading ("I'm on my way", "I miss you", "The end"). A
message of one to six ordinary words is common traffic (chat turns, titles, the last line of a story, a stop
sequence, a search box), and the model had almost never seen a benign text that short: a filter that fires on one
word of a harmful phrase fires on the word alone.

Two kinds of text, every label 0:
  - words: words.txt (data/moderation/common-words: GloVe's 30,000 most frequent lower-case words), each alone, in
    its own case or capitalised or upper-cased; split between the pools by a hash of the word, so the evaluation
    words are words no pool trains or calibrates on;
  - fragments: runs of 1 to 6 words cut from benign text of the same split (training pool from training text,
    calibration from calibration text, evaluation from evaluation text): the embedded model's stories and the
    everyday-conversation pools (benign_conversation.py). EVALUATION_VERBATIM (written before any model was scored on
    this set, 4 December 2026) is always part of the evaluation pool.
A word that is harmful on its own or nearly always appears in harmful text is never benign here (HARM_STEMS by
prefix, HARM_WORDS, the suicide-risk lexicon's one-word terms for suicide, self-injury, lethal means and abuse, and
any word that occurs in >= 8 positive texts of the labelled training sets and makes >= 80 % of its occurrences there
in positives), and a fragment with such a word is dropped. A text one pool shares with a later one (after
norm_for_overlap) is dropped from the earlier pool (training loses to calibration and evaluation, calibration to
evaluation); train.py also drops training rows that occur in any held-out split.

  - training_examples(): source "synthetic-benign-fragments", split "train";
  - heldout_examples():  source "benign-fragments", split "val" (calibration; a hard set, see train.py) and "test"
                         (bench/moderation-quality.py only; never trained or calibrated on).
`python3 benign_fragments.py` checks that the pools are disjoint and prints a sample and the excluded words.
"""
import csv
import functools
import json
import os
import random
import re

import benign_conversation
import common
from common import DATA_DIR, SEED, ex, make_y, norm_for_overlap, unit

# Words that are harmful, sexual or violent on their own: HARM_STEMS as prefixes of a lower-cased word, HARM_WORDS
# exactly (short stems that would also match "analysis", "stable", "diet", "deadline", "method").
HARM_STEMS = [
    "abus", "arson", "assassin", "assault", "behead", "bitch", "blood", "bomb", "boob", "breast", "butcher",
    "carnage", "castrat", "choke", "cocaine", "corpse", "cunt", "death", "decapitat", "dildo", "dismember", "drown",
    "drug", "ejacul", "erotic", "explosi", "fentanyl", "firearm", "fuck", "genocid", "gore", "grenade", "gun", "hang",
    "heroin", "homicid", "horny", "incest", "kill", "knife", "lynch", "massacr", "masturb", "molest", "murder", "nazi",
    "nigg", "nude", "nudit", "orgasm", "overdos", "pedo", "pedophil", "penis", "poison", "porn", "pussy", "rape",
    "rapist", "razor", "rifle", "semen", "sex", "shoot", "slaughter", "slut", "strangl", "suffocat", "suicid", "terror",
    "tortur", "vagin", "weapon", "whore", "wound",
]
HARM_WORDS = {
    "anal", "anus", "cock", "cocks", "crack", "cum", "dead", "deadly", "dick", "dicks", "die", "died", "dies", "dying",
    "erect", "execute", "executed", "execution", "executions", "fag", "fags", "meth", "naked", "pills", "shot",
    "shots", "stab", "stabbed", "stabbing", "stabs", "tits",
}

# The suicide-risk lexicon's constructs whose one-word terms are harmful on their own; its other constructs (work,
# family, money, loneliness, ...) name everyday life, which is what this set is for.
LEXICON_CONSTRUCTS = {"Active suicidal ideation & suicidal planning", "Passive suicidal ideation", "Other suicidal language",
                      "Direct self-injury", "Lethal means for suicide", "Sexual abuse & harassment",
                      "Physical abuse & violence"}

EVALUATION_VERBATIM = [
    "The end", "The End.", "THE END", "end", "The end!", "And they lived happily ever after. The end.",
    "I'm on my way", "on my way", "I miss you", "Miss you already", "Take care of yourself", "I'm dying to see it",
    "See you soon", "Good night", "Love you too", "I'm home", "Call me later", "Almost there", "Running late",
    "What's up?", "Not much", "Same here", "Me too", "Long day", "Can't wait", "Sounds good", "No worries", "My bad",
    "Take it easy", "Cheers", "Happy Friday", "Ok", "lol", "Fin.", "That's all for today", "Over and out",
    "All done", "Finally finished", "Just woke up", "Going to bed", "Be right back", "The family", "My husband",
    "People", "Government", "Life", "Information", "Muslims", "Jews", "Gay", "Christians", "Immigrants",
]

N_WORDS = {"training": 12000, "calibration": 2500, "evaluation": 2500}
N_FRAGMENTS = {"training": 6000, "calibration": 2000, "evaluation": 2000}
POOLS = ["training", "calibration", "evaluation"]
LENGTHS = [1, 2, 2, 3, 3, 3, 4, 4, 5, 6]


def _words_file():
    with open(os.path.join(DATA_DIR, "common-words", "words.txt"), encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip()]


@functools.lru_cache(maxsize=1)
def harmful_words():
    """The words this module never offers as benign (see the module's docstring)."""
    out = set()
    with open(os.path.join(DATA_DIR, "suicide-risk-lexicon", "srl_tokens.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["construct"] in LEXICON_CONSTRUCTS and len(r["token"].split()) == 1:
                out.add(r["token"].lower())
    pos, total = {}, {}
    # Toxic Spans is left out: its sentences are cut from comments that were toxic as a whole, so ordinary words
    # ("work", "money") are mostly "positive" there.
    for e in common.load_openai() + common.load_davidson() + common.load_latent_hatred() + common.load_stormfront():
        if e["split"] not in ("train", "fold0", "fold1"):
            continue
        positive = any(v == 1.0 for v in e["y"])
        for w in set(re.findall(r"[a-z]+", e["text"].lower())):
            total[w] = total.get(w, 0) + 1
            pos[w] = pos.get(w, 0) + positive
    out |= {w for w, p in pos.items() if p >= 8 and p / total[w] >= 0.8}
    return frozenset(out)


def is_harmful_word(word):
    w = word.lower().strip("'")
    return w in HARM_WORDS or w in harmful_words() or any(w.startswith(s) for s in HARM_STEMS)


def _word_pool(word):
    u = unit(word, "benign-fragments-words")
    return "training" if u < 0.7 else "calibration" if u < 0.85 else "evaluation"


def _words(which, rng):
    words = [w for w in _words_file() if _word_pool(w) == which and not is_harmful_word(w)]
    rng.shuffle(words)
    out = []
    for w in words[: N_WORDS[which]]:
        k = rng.random()
        out.append(w.capitalize() if k < 0.3 else w.upper() if k < 0.38 else w)
    return out


def _source_texts(which):
    """Benign text of the pool's own split to cut fragments from."""
    split = {"training": "train", "calibration": "val", "evaluation": "test"}[which]
    stories = [e["text"] for e in common.load_generated_stories() if e["split"] == split]
    conversation = {"training": benign_conversation.training_texts, "calibration": benign_conversation.calibration_texts,
                    "evaluation": benign_conversation.evaluation_texts}[which]()
    return stories, conversation


def _fragments(which, rng):
    stories, conversation = _source_texts(which)
    sentences = [s for t in stories + conversation for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    out, seen, tries = [], set(), 0
    while len(out) < N_FRAGMENTS[which] and tries < 50 * N_FRAGMENTS[which]:
        tries += 1
        tokens = rng.choice(sentences).split()
        n = min(rng.choice(LENGTHS), len(tokens))
        start = rng.randint(0, len(tokens) - n)
        piece = tokens[start:start + n]
        if any(is_harmful_word(w) for t in piece for w in re.findall(r"[A-Za-z']+", t)):
            continue
        text = " ".join(piece)
        if rng.random() < 0.5:
            text = text.strip(".,;:!?\"'")
        if not text or norm_for_overlap(text) in seen or not norm_for_overlap(text):
            continue
        seen.add(norm_for_overlap(text))
        out.append(text)
    return out


@functools.lru_cache(maxsize=None)
def _pool(which):
    rng = random.Random(SEED + {"training": 7101, "calibration": 7203, "evaluation": 7307}[which])
    texts = [(t, "word") for t in _words(which, rng)] + [(t, "fragment") for t in _fragments(which, rng)]
    if which == "evaluation":
        texts += [(t, "verbatim") for t in EVALUATION_VERBATIM]
    later = POOLS[POOLS.index(which) + 1:]
    banned = {norm_for_overlap(t) for w in later for t, _ in _pool(w)}
    out, seen = [], set()
    for t, kind in texts:
        key = norm_for_overlap(t)
        if key and key not in banned and key not in seen:
            seen.add(key)
            out.append((t, kind))
    return tuple(out)


def training_examples():
    return [ex(t, make_y(all_known=True), "synthetic-benign-fragments", "train", w=1.0, kind=k)
            for t, k in _pool("training")]


def heldout_examples():
    out = [ex(t, make_y(all_known=True), "benign-fragments", "val", w=1.0, kind=k) for t, k in _pool("calibration")]
    out += [ex(t, make_y(all_known=True), "benign-fragments", "test", w=1.0, kind=k) for t, k in _pool("evaluation")]
    return out


def _check():
    norms = {w: {norm_for_overlap(t) for t, _ in _pool(w)} for w in POOLS}
    for a in range(len(POOLS)):
        for b in range(a + 1, len(POOLS)):
            assert not norms[POOLS[a]] & norms[POOLS[b]], f"{POOLS[a]} and {POOLS[b]} share texts"
    for w in POOLS:
        kinds = {}
        for _, k in _pool(w):
            kinds[k] = kinds.get(k, 0) + 1
        print(f"{w}: {len(_pool(w))} texts {kinds}")
        rng = random.Random(0)
        print("  e.g. " + " | ".join(t for t, _ in rng.sample(list(_pool(w)), 12)))
    common_words = _words_file()[:20000]
    excluded = [w for w in common_words if is_harmful_word(w)]
    print(f"excluded {len(excluded)} of the 20,000 most frequent words, e.g. " + " ".join(excluded[:80]))
    print(json.dumps({w: is_harmful_word(w) for w in ["end", "life", "people", "muslims", "gay", "kill", "suicide"]}))


if __name__ == "__main__":
    _check()
