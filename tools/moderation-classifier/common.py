"""Shared data loading, label mapping and deterministic splits for Warden's
moderation classifier (used by train.py and evaluate.py).

Every example is a dict:
    text    str
    y       list[float] of len(LABELS); 1.0 / 0.0, or -1.0 = unknown (masked in the loss)
    w       float sample weight
    source  data-set name
    split   train | val | test | fold0 | fold1 (openai-dev training half) | eval (openai-dev held-out half)
    meta    dict (identity term, template, group, ...)

Only the standard library is used here so that evaluate.py stays light.
"""
import ast
import csv
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA_DIR = os.environ.get(
    "MODERATION_DATA_DIR",
    os.path.join(REPO, "data", "moderation"),
)
MODEL_DIR = os.path.join(REPO, "models", "moderation")

# Order = output index of the ONNX model (OpenAI's order).
LABELS = [
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
]
L = {name: i for i, name in enumerate(LABELS)}
# child -> parent in the OpenAI taxonomy (child=1 implies parent=1; parent=0 implies child=0)
PARENT = {
    "harassment/threatening": "harassment",
    "hate/threatening": "hate",
    "illicit/violent": "illicit",
    "self-harm/intent": "self-harm",
    "self-harm/instructions": "self-harm",
    "sexual/minors": "sexual",
    "violence/graphic": "violence",
}
OPENAI_CODES = {
    "S": "sexual",
    "H": "hate",
    "V": "violence",
    "HR": "harassment",
    "SH": "self-harm",
    "S3": "sexual/minors",
    "H2": "hate/threatening",
    "V2": "violence/graphic",
}
UNK = -1.0
SEED = 1234


def h(s, salt=""):
    """Deterministic 64-bit hash of a string (independent of PYTHONHASHSEED)."""
    return int(hashlib.md5((salt + "\x00" + s).encode("utf-8")).hexdigest()[:16], 16)


def unit(s, salt=""):
    return h(s, salt) / float(1 << 64)


def empty_y():
    return [UNK] * len(LABELS)


def make_y(known_zero=(), pos=(), all_known=False):
    y = [0.0] * len(LABELS) if all_known else empty_y()
    for name in known_zero:
        y[L[name]] = 0.0
    for name in pos:
        y[L[name]] = 1.0
    return apply_hierarchy(y)


def apply_hierarchy(y):
    y = list(y)
    for child, parent in PARENT.items():
        c, p = L[child], L[parent]
        if y[c] == 1.0:
            y[p] = 1.0
        if y[p] == 0.0:
            y[c] = 0.0
    return y


def ex(text, y, source, split, w=1.0, **meta):
    return {"text": text, "y": y, "w": w, "source": source, "split": split, "meta": meta}


def clean_tweet(t):
    t = t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    t = re.sub(r"&#\d+;", " ", t)
    t = re.sub(r"@[A-Za-z0-9_]+", "@user", t)
    t = re.sub(r"https?://\S+", "http", t)
    return t.strip()


# --------------------------------------------------------------------------- openai-moderation-dev
def load_openai():
    """836 rows. Deterministic stratified 50/50 split into 'eval' (never trained on or used for
    calibration) and a training half, which is further split into fold0/fold1 (used for
    out-of-fold threshold calibration; the final model trains on both folds)."""
    path = os.path.join(DATA_DIR, "openai-moderation-dev", "samples-dev.jsonl")
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    # rarest positive label first -> stratum
    pos_count = {}
    for r in rows:
        for c in OPENAI_CODES:
            pos_count[c] = pos_count.get(c, 0) + (r.get(c) == 1)
    strata = {}
    for r in rows:
        pos = [c for c in OPENAI_CODES if r.get(c) == 1]
        key = min(pos, key=lambda c: pos_count[c]) if pos else "none"
        strata.setdefault(key, []).append(r)
    out = []
    for key in sorted(strata):
        group = sorted(strata[key], key=lambda r: h(r["prompt"], "openai-split"))
        for i, r in enumerate(group):
            # i%4: 0,2 -> eval ; 1 -> fold0 ; 3 -> fold1   (50% eval, 25%/25% train folds)
            split = {0: "eval", 1: "fold0", 2: "eval", 3: "fold1"}[i % 4]
            y = empty_y()
            for code, name in OPENAI_CODES.items():
                if code in r:
                    y[L[name]] = float(r[code])
            out.append(ex(r["prompt"], apply_hierarchy(y), "openai-moderation-dev", split, stratum=key))
    return out


# --------------------------------------------------------------------------- davidson
def load_davidson():
    """Tweets: class 0 hate speech, 1 offensive language, 2 neither (majority of >=3 coders).
    hate <- class 0 (and harassment=1 for class 0: hate speech tweets are abusive).
    class 1 'offensive language' -> hate=0, harassment UNKNOWN: offensive/profane language is not
    the same as harassment in the OpenAI taxonomy, and mapping it to harassment (first attempt)
    made the model flag casual tweets and even 'a little girl named Lily'.
    'neither' tweets are treated as negatives for every label. Split 80/10/10 by hash."""
    path = os.path.join(DATA_DIR, "davidson-hate-offensive", "labeled_data.csv")
    out = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            text = clean_tweet(r["tweet"])
            if not text:
                continue
            cls = int(r["class"])
            u = unit(text, "davidson")
            split = "train" if u < 0.8 else ("val" if u < 0.9 else "test")
            if cls == 0:
                y, w = make_y(pos=["hate", "harassment"]), 1.0
            elif cls == 1:
                y, w = make_y(known_zero=["hate"]), 1.0
            else:
                y, w = make_y(all_known=True), 1.0
            out.append(ex(text, y, "davidson-hate-offensive", split, w=w, cls=cls))
    return out


# --------------------------------------------------------------------------- toxic spans
_SENT = re.compile(r"[^.!?\n]+[.!?]*|[.!?\n]+")


def split_sentences(text):
    """Yields (start, end) character offsets of sentence-like chunks."""
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3 and re.search(r"\w", text[s:e]):
            yield s, e


def load_toxic_spans():
    """Civil Comments posts that crowd workers rated toxic, with the toxic character spans.
    Every post is toxic, so the post itself gives no negatives. We label at sentence level:
    a sentence overlapping a toxic span -> harassment=1 (spans are overwhelmingly insults and
    profanity aimed at people); a sentence of the same post with no toxic span -> all labels 0
    (a weak label: context can make it toxic). hate is unknown for toxic sentences. Posts with no spans are
    skipped. tsd_train -> train, tsd_trial -> val, tsd_test -> test."""
    out = []
    for fname, split in (("tsd_train.csv", "train"), ("tsd_trial.csv", "val"), ("tsd_test.csv", "test")):
        with open(os.path.join(DATA_DIR, "toxic-spans", fname), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                spans = set(ast.literal_eval(r["spans"]))
                if not spans:
                    continue
                text = r["text"]
                for s, e in split_sentences(text):
                    sent = text[s:e]
                    toxic = any(i in spans for i in range(s, e))
                    if toxic:
                        out.append(ex(sent, make_y(pos=["harassment"]), "toxic-spans", split, w=1.0, toxic=1))
                    else:
                        if len(sent) < 12:
                            continue
                        out.append(ex(sent, make_y(all_known=True), "toxic-spans", split, w=1.0, toxic=0))
    return out


# --------------------------------------------------------------------------- bias madlibs
def _read_list(name):
    with open(os.path.join(DATA_DIR, "bias-madlibs", "bias_madlibs_data", name), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def madlibs_lists():
    return {
        "identity": _read_list("adjectives_people.txt"),
        "names": _read_list("names.txt"),
        "occupations": _read_list("occupations.txt"),
        "neg_adj": _read_list("adjectives_negative.txt"),
        "pos_adj": _read_list("adjectives_positive.txt"),
    }


def _identity_of(text, identities):
    t = " " + re.sub(r"[^\w ]", " ", text.lower()) + " "
    best = None
    for term in identities:
        if (" " + term + " ") in t and (best is None or len(term) > len(best)):
            best = term
    return best


def load_madlibs():
    """Templated sentences (Dixon et al. 2018). NOT_BAD -> negative for every label (de-biasing).
    BAD -> depends on the template:
      name_adj / you_are_adj ('Sara is a vile muslim'): harassment=1 (insult of a person), hate unknown
      you_occupation ('You are a stupid nurse'):        harassment=1, hate=0
      being_adj ('Being muslim is awful.'):             hate=1
      am_hate_adj ('i hate muslim'):                    hate=1
      verb_adj kill/murder/destroy X:                   hate=1, hate/threatening=1, violence=1
      verb_adj hate X:                                  hate=1
    Split: name_adj by person name (15 of 45 names -> test, 5 -> val, 25 -> train, and only a
    1-in-6 sample of the train names' rows is kept so the 72k near-duplicates don't dominate);
    other templates by hash 70/10/20."""
    lists = madlibs_lists()
    names = sorted(lists["names"], key=lambda n: h(n, "madlibs-names"))
    name_split = {}
    for i, n in enumerate(names):
        name_split[n] = "test" if i < 15 else ("val" if i < 20 else "train")
    identities = lists["identity"]
    out = []
    path = os.path.join(DATA_DIR, "bias-madlibs", "bias_madlibs_77k.csv")
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            text, bad, tpl = r["Text"], r["Label"] == "BAD", r["Template"]
            if tpl == "name_adj":
                name = text.split(" is a ")[0]
                split = name_split.get(name, "train")
                if split == "train" and h(text, "madlibs-sub") % 6 != 0:
                    continue
            else:
                u = unit(text, "madlibs")
                split = "train" if u < 0.7 else ("val" if u < 0.8 else "test")
            ident = _identity_of(text, identities) if tpl != "you_occupation" else None
            if not bad:
                y = make_y(all_known=True)
            elif tpl in ("name_adj", "you_are_adj"):
                y = make_y(known_zero=["self-harm", "sexual", "sexual/minors", "violence"], pos=["harassment"])
            elif tpl == "you_occupation":
                y = make_y(known_zero=["hate", "self-harm", "sexual", "sexual/minors", "violence"], pos=["harassment"])
            elif tpl in ("being_adj", "am_hate_adj"):
                y = make_y(known_zero=["self-harm", "sexual", "sexual/minors", "violence"], pos=["hate"])
            elif tpl == "verb_adj":
                verb = text.split(" ")[0]
                if verb in ("kill", "murder", "destroy"):
                    y = make_y(known_zero=["self-harm", "sexual", "sexual/minors"],
                               pos=["hate", "hate/threatening", "violence"])
                else:
                    y = make_y(known_zero=["self-harm", "sexual", "sexual/minors", "violence"], pos=["hate"])
            else:
                raise ValueError(tpl)
            out.append(ex(text, y, "bias-madlibs", split, w=1.0, template=tpl, identity=ident, bad=int(bad)))
    return out


# --------------------------------------------------------------------------- toxigen
def load_toxigen():
    """Human-written prompt sentences of ToxiGen (hate/neutral statements about 16 groups).
    hate -> hate=1 (other labels unknown); neutral -> all labels 0.
    Union of the derived TSV and demonstrations/**, deduplicated; split 70/15/15 by hash."""
    base = os.path.join(DATA_DIR, "toxigen")
    items = {}
    with open(os.path.join(base, "toxigen_prompt_sentences_dedup.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            items.setdefault(r["text"].strip(), (r["label"], r["target_group"]))
    for root, _, files in os.walk(os.path.join(base, "demonstrations")):
        for fn in sorted(files):
            if not fn.endswith(".txt"):
                continue
            label = "hate" if fn.startswith("hate") else "neutral"
            group = re.sub(r"^(hate|neutral)_|(_sentences)?\.txt$", "", fn)
            with open(os.path.join(root, fn), encoding="utf-8") as f:
                for line in f:
                    t = line.strip().lstrip("-").strip()
                    if t:
                        items.setdefault(t, (label, group))
    out = []
    for text in sorted(items):
        label, group = items[text]
        u = unit(text, "toxigen")
        split = "train" if u < 0.7 else ("val" if u < 0.85 else "test")
        y = make_y(pos=["hate"]) if label == "hate" else make_y(all_known=True)
        out.append(ex(text, y, "toxigen", split, w=1.0, group=group, hate=int(label == "hate")))
    return out


# --------------------------------------------------------------------------- latent hatred
def load_latent_hatred():
    """Tweets from extremist-adjacent accounts (ElSherief et al. 2021). explicit_hate -> hate=1; implicit_hate ->
    hate=1 with weight 0.5 (subtle; some fall below OpenAI's bar); stage-2 'threatening' -> hate/threatening=1
    as well; not_hate -> hate=0 only (other labels unknown: the text can still be rude or violent).
    Stage-2 rows are merged into their stage-1 post (exact text); unmatched stage-2 rows are dropped so a tweet is
    never counted twice. Split 80/10/10 by hash of the text."""
    base = os.path.join(DATA_DIR, "latent-hatred")
    implicit_type = {}
    with open(os.path.join(base, "implicit_hate_v1_stg2_posts.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            implicit_type[r["post"].strip()] = {r["implicit_class"], r.get("extra_implicit_class") or ""}
    out, seen = [], set()
    with open(os.path.join(base, "implicit_hate_v1_stg1_posts.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            text = clean_tweet(r["post"])
            key = norm_for_overlap(text)
            if not key or key in seen or key == "i hate black people":  # the one HateCheck duplicate (README)
                continue
            seen.add(key)
            cls = r["class"]
            u = unit(key, "latent-hatred")
            split = "train" if u < 0.8 else ("val" if u < 0.9 else "test")
            if cls == "not_hate":
                y, w = make_y(known_zero=["hate"]), 1.0
            elif cls == "explicit_hate":
                y, w = make_y(pos=["hate"]), 1.0
            else:
                threat = "threatening" in implicit_type.get(r["post"].strip(), set())
                y, w = make_y(pos=["hate"] + (["hate/threatening"] if threat else [])), 0.5
            out.append(ex(text, y, "latent-hatred", split, w=w, cls=cls))
    return out


# --------------------------------------------------------------------------- stormfront
def load_stormfront():
    """Stormfront forum sentences (de Gibert et al. 2018): hate -> hate=1; noHate -> hate=0 (other labels unknown).
    Split by post (file_id prefix) 80/10/10, so sentences of one post stay together."""
    out = []
    with open(os.path.join(DATA_DIR, "stormfront", "stormfront.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            post = r["file_id"].rsplit("_", 1)[0]
            u = unit(post, "stormfront")
            split = "train" if u < 0.8 else ("val" if u < 0.9 else "test")
            y = make_y(pos=["hate"]) if r["label"] == "hate" else make_y(known_zero=["hate"])
            out.append(ex(r["text"], y, "stormfront", split, w=1.0, hate=int(r["label"] == "hate")))
    return out


# --------------------------------------------------------------------------- safetext
# Unsafe advice is mostly accidental physical harm (no OpenAI category). Only these items map, item by item.
SAFETEXT_MAP = {
    "press it against their face": ["violence"],
    "pillow on their face": ["violence"],
    "take a few extra pills": ["self-harm", "self-harm/instructions"],
    "cut yourself": ["self-harm", "self-harm/instructions"],
}


def load_safetext():
    """SafeText (Levy et al. 2022). safe advice -> every label 0 (benign text that mentions bleach, knives, pills,
    fire): hard negatives and the 'everyday text' false-positive check. Unsafe advice: only the items matching
    SAFETEXT_MAP become positives; the rest are left out (outside the 13 categories). Split by scenario
    60/20/20 (train / val = threshold calibration / test)."""
    out = []
    with open(os.path.join(DATA_DIR, "safetext", "safetext_pairs.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            u = unit(r["scenario"], "safetext")
            split = "train" if u < 0.6 else ("val" if u < 0.8 else "test")
            if r["label"] == "safe":
                out.append(ex(r["text"], make_y(all_known=True), "safetext", split, w=1.0, safe=1))
                continue
            labels = [lab for key, labs in SAFETEXT_MAP.items() if key in r["text"] for lab in labs]
            if labels:
                out.append(ex(r["text"], make_y(pos=labels), "safetext", split, w=1.0, safe=0))
    return out


# --------------------------------------------------------------------------- benign instructions
def load_benign_instructions():
    """169 benign Self-Instruct seed tasks: every label 0. Split by hash: 40% train, 30% val (thresholds),
    30% test."""
    out = []
    with open(os.path.join(DATA_DIR, "benign-instructions", "benign_instructions.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            u = unit(r["source"], "benign-instructions")
            split = "train" if u < 0.4 else ("val" if u < 0.7 else "test")
            out.append(ex(r["text"], make_y(all_known=True), "benign-instructions", split, w=1.0))
    return out


# --------------------------------------------------------------------------- generated stories
def load_generated_stories():
    """Completions of Warden's embedded stories260K model (generate-stories.js): every label 0. train.jsonl is
    split by seed 80/20 into train and val (threshold calibration); eval.jsonl (other seeds, some prompts never
    seen in train) is the held-out test set. Empty completions are dropped."""
    out = []
    base = os.path.join(DATA_DIR, "generated-stories")
    for fname in ("train.jsonl", "eval.jsonl"):
        with open(os.path.join(base, fname), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if not r["text"].strip():
                    continue
                if fname == "eval.jsonl":
                    split = "test"
                else:
                    key = f'{r["prompt"]}|{r["seed"]}|{r["max_tokens"]}|{r["temperature"]}'
                    split = "train" if unit(key, "stories") < 0.8 else "val"
                out.append(ex(r["text"], make_y(all_known=True), "generated-stories", split, w=1.0,
                              prompt=r["prompt"], temperature=r["temperature"]))
    return out


# --------------------------------------------------------------------------- advbench
# Documented mapping rules, applied in order to the lower-cased text; every matching rule adds its labels.
# Rows no rule matches stay "harmful, uncategorised" (misinformation, fake news, cheating...): they count in
# any-category recall but give no per-category label.
ADVBENCH_RULES = [
    (r"\b(suicide|kill (yourself|themselves|myself)|self[- ]harm|cut (yourself|themselves)|anorexi|bulimi|eating disorder)",
     ["self-harm", "self-harm/instructions"]),
    (r"\b(bomb|explosive|weapon|firearm|gun|assassinat|murder|kill|poison|terroris|mass shooting|shoot|attack|kidnap|torture|"
     r"bioweapon|chemical weapon|violen|hurt|harm (someone|others|people)|physical harm)",
     ["illicit", "illicit/violent"]),
    (r"\b(hack|steal|theft|fraud|scam|counterfeit|launder|phishing|malware|virus|ransomware|identity|drug|"
     r"insider trading|pirat|evade|bypass|exploit|smuggl|illegal|break into|cheat|manipulat|blackmail|extort|"
     r"spyware|keylogger|password|credit card|shoplift|forge|tax)",
     ["illicit"]),
    (r"\b(racis|racial|hate speech|minorit|ethnic|religio|discriminat|jews?\b|muslim|immigrant|lgbt|gay|black people)",
     ["hate"]),
    (r"\b(harass|bully|cyberbull|stalk|defam|humiliat|insult|threaten|threat)", ["harassment"]),
    (r"\b(threaten|threat|death threat)", ["harassment/threatening"]),
    (r"\b(sexual|porn|explicit|nude|genital|sex\b)", ["sexual"]),
    (r"\b(kill|murder|shoot|stab|beat|hurt|violen|attack|torture)", ["violence"]),
]


def advbench_labels(text):
    t = text.lower()
    labels = []
    for pattern, labs in ADVBENCH_RULES:
        if re.search(pattern, t):
            labels += [lab for lab in labs if lab not in labels]
    if "illicit/violent" in labels and "illicit" not in labels:
        labels.append("illicit")
    return labels


def load_advbench():
    """AdvBench (Zou et al. 2023). harmful_strings (574 statements) -> training positives for the labels
    advbench_labels() finds (others unknown). harmful_behaviors (520 requests) is the held-out harmful-REQUEST
    source: never trained on, split 'test', kept with its rule labels for per-category recall."""
    out = []
    base = os.path.join(DATA_DIR, "advbench")
    with open(os.path.join(base, "harmful_strings.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            labels = advbench_labels(r["target"])
            if labels:
                out.append(ex(r["target"], make_y(pos=labels), "advbench-strings", "train", w=1.0, mapped=1))
    with open(os.path.join(base, "harmful_behaviors.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            labels = advbench_labels(r["goal"])
            out.append(ex(r["goal"], make_y(pos=labels), "advbench-behaviors", "test", w=1.0,
                          mapped=int(bool(labels)), harmful=1))
    return out


# Public suites kept for evaluation only (CSV files under data/moderation, read by the benches): their texts are
# dropped from training data so a retraining never learns one by chance (the column holding each prompt).
EXTERNAL_EVALUATION_TEXTS = (
    ("hatecheck/test_suite_cases.csv", "test_case"),
    ("advbench/harmful_behaviors.csv", "goal"),
    ("xstest/xstest_prompts.csv", "prompt"),
    ("simple-safety-tests/test_cases.csv", "prompts_final"),
    ("ailuminate/airr_official_1.0_demo_en_us_prompt_set_release.csv", "prompt_text"),
)


def external_evaluation_texts():
    """Every prompt of the public evaluation-only suites (EXTERNAL_EVALUATION_TEXTS), as written."""
    out = []
    for file, column in EXTERNAL_EVALUATION_TEXTS:
        path = os.path.join(DATA_DIR, file)
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as f:
                out += [row[column] for row in csv.DictReader(f)]
    return out


def load_request_probe(folder="request-probe"):
    """data/moderation/request-probe (or request-probe-2): harmful requests in many forms and benign look-alikes,
    written for Warden by independent writers; evaluation only (split "test"), never loaded by load_all. [] when the
    folder is absent."""
    path = os.path.join(DATA_DIR, folder, "requests.jsonl")
    if not os.path.exists(path):
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            y = make_y(pos=r["categories"]) if r["harmful"] else make_y(all_known=True)
            out.append(ex(r["text"], y, folder, "test", w=1.0, harmful=bool(r["harmful"]),
                          categories=list(r["categories"]), form=r.get("form") or "unpaired"))
    return out


def load_written_requests():
    """data/moderation/written-requests: harmful requests in many forms and benign look-alikes, hand-written as
    training data for Warden by four writers (helper engineers, one per category group) who never saw the request
    probe, the bench or any evaluation set. Harmful rows label the categories the writer listed (the others stay
    unknown: a writer may leave out a second category); benign rows know every label is 0. Split by text hash:
    70 % train, 15 % val (its benign rows calibrate the thresholds as a hard set), 15 % test (evaluation by the same
    writers as the training rows, so it measures less than the request probe does). [] when the folder is absent."""
    base = os.path.join(DATA_DIR, "written-requests")
    if not os.path.isdir(base):
        return []
    out = []
    for fname in sorted(os.listdir(base)):
        if not fname.endswith(".jsonl"):
            continue
        with open(os.path.join(base, fname), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                r = json.loads(line)
                u = unit(r["text"], "written-requests")
                split = "train" if u < 0.70 else ("val" if u < 0.85 else "test")
                y = make_y(pos=r["categories"]) if r["harmful"] else make_y(all_known=True)
                out.append(ex(r["text"], y, "written-requests", split, w=1.0, harmful=bool(r["harmful"]),
                              categories=list(r["categories"]), form=r.get("form") or "unstated",
                              group=fname[: -len(".jsonl")]))
    return out


def load_all(include_seeds=True, include_conversation=False, include_fragments=False, include_requests=False,
             include_written=False, include_threats=False, include_sexual=False, include_questions=False,
             include_harmful_questions=False):
    """include_conversation adds benign_conversation.py's sets (its calibration and evaluation pools, and with
    include_seeds its training pool and benign_people.py's). train.py passes it (since candidate v2.11); the landed
    v2.3 never trained or calibrated on them. Their test split also drops overlapping training rows in prepare_data.
    include_fragments adds benign_fragments.py's sets the same way (train.py and the bench pass it since candidate
    v2.16; v2.15 never trained or calibrated on them). include_requests (with include_seeds) adds harmful_requests.py's
    training set (`train.py --with-requests`: candidates v2.17 and v2.18, not the landed v2.16). include_written adds
    the hand-written requests' calibration (val) and evaluation (test) splits, and with include_seeds their training
    split (`train.py --with-written`, candidates v2.20 and later; the bench passes it). include_threats adds
    threats.py's look-alike calibration set and its evaluation pool, and with include_seeds its training pool
    (`train.py --with-threats`, candidate v2.28; the bench passes it). include_sexual does the same with sexual.py
    (`train.py --with-sexual`, candidate v2.31; the bench passes it). include_questions does the same with
    benign_questions.py's everyday questions (`train.py --with-questions`, candidate v2.51; the bench passes it).
    include_harmful_questions (with include_seeds) adds harmful_questions.py's training set (`train.py
    --with-harmful-questions`, candidate v2.53): training only, nothing to calibrate or evaluate on."""
    data = (load_openai() + load_davidson() + load_toxic_spans() + load_madlibs() + load_toxigen()
            + load_latent_hatred() + load_stormfront() + load_safetext() + load_benign_instructions()
            + load_generated_stories() + load_advbench())
    import benign_contrast  # noqa: E402  (local module)
    import benign_everyday  # noqa: E402
    import benign_short  # noqa: E402

    data += benign_short.heldout_examples()  # calibration (val) and evaluation (test) generators
    data += benign_everyday.heldout_examples()  # calibration (val) only; evaluation is SafeText + the e2e sentences
    data += benign_contrast.heldout_examples()  # self-harm/illicit hard contrasts: calibration (val) and evaluation (test)
    if include_seeds:
        import seeds  # noqa: E402  (local module)
        import synthetic  # noqa: E402

        data += (seeds.training_examples() + synthetic.training_examples() + benign_short.training_examples()
                 + benign_everyday.training_examples() + benign_contrast.training_examples())
    if include_conversation:
        import benign_conversation  # noqa: E402

        data += benign_conversation.heldout_examples()  # calibration (val) and evaluation (test)
        if include_seeds:
            import benign_people  # noqa: E402  (its names and words exclude the conversation pools')

            data += benign_conversation.training_examples() + benign_people.training_examples()
    if include_fragments:
        import benign_fragments  # noqa: E402

        data += benign_fragments.heldout_examples()  # calibration (val) and evaluation (test)
        if include_seeds:
            data += benign_fragments.training_examples()
    if include_requests and include_seeds:
        import harmful_requests  # noqa: E402

        data += harmful_requests.training_examples()
    if include_written:
        data += [e for e in load_written_requests() if include_seeds or e["split"] != "train"]
    if include_threats:
        import threats  # noqa: E402

        data += threats.heldout_examples()  # look-alikes for calibration (val); threats and look-alikes (test)
        if include_seeds:
            data += threats.training_examples()
    if include_sexual:
        import sexual  # noqa: E402

        data += sexual.heldout_examples()  # look-alikes for calibration (val); sexual content and look-alikes (test)
        if include_seeds:
            data += sexual.training_examples()
    if include_questions:
        import benign_questions  # noqa: E402

        data += benign_questions.heldout_examples()  # calibration (val) only; evaluation: everyday-questions (blind)
        if include_seeds:
            data += benign_questions.training_examples()
    if include_harmful_questions and include_seeds:
        import harmful_questions  # noqa: E402

        data += harmful_questions.training_examples()
    return data


def load_sanity_cases():
    with open(os.path.join(HERE, "sanity_cases.json"), encoding="utf-8") as f:
        return json.load(f)


def expand_templates(rng, frames, slots, n, max_tries, finish=None):
    """Up to n distinct texts, sorted: a random frame with its {slot}s filled by the slot functions (a filler may
    insert further slots, three levels deep), each passed through finish (which may draw from rng) before
    de-duplication. Gives up after n * max_tries draws."""
    out = set()
    tries = 0
    while len(out) < n and tries < n * max_tries:
        tries += 1
        s = rng.choice(frames)
        for _ in range(3):
            for k, fn in slots.items():
                while "{" + k + "}" in s:
                    s = s.replace("{" + k + "}", fn(), 1)
        out.add(finish(s) if finish else s)
    return sorted(out)


def draw_distinct(rng, frames, slots, want, seen, finish=None):
    """Up to `want` texts of the frames (three times as many drawn, shuffled) whose norm_for_overlap is not yet in
    `seen`, which it extends: how the synthetic pools keep only texts that differ in words, not in case or marks."""
    drawn = expand_templates(rng, frames, slots, 3 * want, 80, finish)
    rng.shuffle(drawn)
    kept = []
    for t in drawn:
        if len(kept) < want and norm_for_overlap(t) not in seen:
            seen.add(norm_for_overlap(t))
            kept.append(t)
    return kept


def norm_for_overlap(t):
    return re.sub(r"[^a-z0-9]+", " ", t.lower()).strip()
