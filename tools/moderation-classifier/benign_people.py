"""People in everyday messages: benign training sentences that name a person or a relation (synthetic template text;
the names come from data/moderation/first-names, MIT, from faker's 45 locales).

Why: a word-level CNN learns what a name or a relation word "means" from the only labelled text that has it. In the
hate and harassment sets a name of Arabic, Turkish or African origin sits next to hate far more often than next to
"drive safe", and "your wife" / "your mum" next to insults, so v2.11 scored "Fatima - drive safe!!! Love you" hate
0.84 and "How's your wife? :)" harassment 0.96 on the conversation calibration pool, and every threshold that pool
raised cost harmful-request recall. These sentences show names from every locale and many relation words in
neutral, warm, ordinary frames, so that neither a name nor a relation alone carries a category.

Training only (source "synthetic-benign-people", split "train"). The measurement stays honest: every name, relation
word and text that benign_conversation.py's calibration or evaluation pool uses is left out here (checked by
`python3 benign_people.py`), so the conversation pools still measure generalisation to unseen names and words.
"""
import json
import os
import random
import re

from common import DATA_DIR, SEED, ex, expand_templates, make_y, norm_for_overlap

N_TRAINING = 6000

# Relation and role words (the conversation pools' own words are removed at load time).
RELATIONS = ["partner", "spouse", "fiance", "fiancee", "girlfriend", "boyfriend", "son", "daughter", "stepdad",
             "stepmum", "stepson", "stepdaughter", "uncle", "aunt", "niece", "nephew", "godmother", "godson",
             "granddaughter", "grandson", "nanna", "grandma", "grandpa", "mother-in-law",
             "father-in-law", "twin", "flatmate", "roommate", "neighbour", "neighbor",
             "landlord", "colleague", "manager", "teammate", "coach", "teacher", "tutor", "classmate", "bestie",
             "best mate", "old friend", "pen pal", "babysitter", "nurse", "doctor", "vet", "midwife", "pastor", "imam",
             "rabbi", "priest", "carer", "husband", "wife", "mum", "mom", "dad", "brother", "sister", "baby",
             "nan", "grandad", "granny", "boss"]
SIDES = ["{who}", "your {rel}", "my {rel}", "{name}'s {rel}", "{name}", "{name} and {name2}", "our {rel}"]
FRAMES = [
    "{Side} is doing well, thanks for asking",
    "{Side} sends their love",
    "{Side} just got back from holiday",
    "{Side} made the best lasagne last night",
    "{Side} started a new job this week",
    "{Side} loved the present",
    "{Side} is picking us up at six",
    "{Side} can't make it tonight, they're feeling under the weather",
    "We're having {side} round for tea on Sunday",
    "I bumped into {side} at the shops",
    "Did {side} get home all right?",
    "Is {side} feeling any better?",
    "Please thank {side} for the lovely card",
    "Tell {side} happy birthday from us",
    "{Side} and I went for a long walk by the river",
    "I'm meeting {side} for brunch",
    "{Side} has been such a help with the move",
    "Could you ask {side} to ring me back?",
    "Hope {side} enjoyed the show",
    "{Side} is learning to play the guitar",
    "Give {side} a big hug for me",
    "Say hello to {side} from all of us",
    "{Side} won the pub quiz again",
    "{Side} is visiting next month and we can't wait",
    "We're so proud of {side}",
    "{Side} baked cookies for the whole street",
    "{Side} recommended this book to me",
    "Any news from {side}?",
    "Lovely to catch up with {side} today",
    "{Side} says the garden is looking great",
    "I'll drop the keys off with {side}",
    "{Side} is running the school fete this year",
    "Wishing {side} a speedy recovery",
    "{Side} finally passed the driving test",
    "Our thoughts are with {side} this week",
    "Can {side} join us for dinner?",
    "{Side} just had a baby girl",
    "{Side} is back from the hospital and resting at home",
    "Thanks to {side} for organising everything",
    "{Side} sent photos from the wedding",
]
OPENERS = ["", "", "", "Hey, ", "Hi all, ", "Quick one: ", "Good news: ", "Just so you know, ", "Morning! "]
ENDINGS = ["", ".", "!", " :)", ". Love you", " x", "!!", ". Speak soon"]
# Names that are also English vulgar or harm words, and the rule lexicons' terms, stay out of the name slot.
NOT_NAMES = {"dick", "willy", "fanny", "randy", "gay", "cock", "knob", "rape", "slut", "kill", "die"}


def _conversation_words():
    """Every lowercase word of benign_conversation.py's calibration and evaluation pools (slots, frames, openers,
    sign-offs) and of its verbatim evaluation messages."""
    import benign_conversation as conversation

    words = set()

    def add(text):
        words.update(re.findall(r"[a-z][a-z'-]*", text.lower()))

    for which in ("calibration", "evaluation"):
        pool, _ = conversation.POOLS[which]
        for values in pool["slots"].values():
            for v in values:
                add(v)
        for frames in pool["frames"].values():
            for f in frames:
                add(re.sub(r"\{[a-z0-9]+\}", " ", f))
        for key in ("pre", "post"):
            for v in pool[key]:
                add(re.sub(r"\{[a-z0-9]+\}", " ", v))
    for t in conversation.EVALUATION_VERBATIM:
        add(t)
    return words


def _names(excluded):
    import rules

    with open(os.path.join(DATA_DIR, "first-names", "first_names.json"), encoding="utf-8") as f:
        by_locale = json.load(f)
    banned = NOT_NAMES | set(rules.MINOR_TERMS) | set(rules.GORE_TERMS) | excluded
    return {loc: [n for n in names if len(n) > 2 and n.lower() not in banned] for loc, names in sorted(by_locale.items())}


def _compose(opener, frame, ending):
    if opener.endswith((", ", ": ")) and not frame.startswith(("{", "I ", "I'")):
        frame = frame[0].lower() + frame[1:]
    if frame.endswith("?"):
        ending = {".": "", "!!": "", ". Love you": " Love you", ". Speak soon": " Speak soon"}.get(ending, ending)
    return opener + frame + ending


def training_texts(n=N_TRAINING):
    import benign_conversation as conversation

    excluded = _conversation_words()
    by_locale = _names(excluded)
    locales = [loc for loc, names in by_locale.items() if names]
    relations = [r for r in RELATIONS if not set(r.split()) & excluded and not set(r.split("-")) & excluded]
    rng = random.Random(SEED + 7103)

    def name():  # a locale first, then a name: small locales are not drowned by the large European lists
        return rng.choice(by_locale[rng.choice(locales)])

    slots = {"side": lambda: rng.choice(SIDES), "Side": lambda: rng.choice(SIDES), "who": lambda: "{name}",
             "rel": lambda: rng.choice(relations), "name": name, "name2": name}
    frames = [_compose(o, f, e) for f in FRAMES for o in OPENERS for e in ENDINGS]

    def finish(s):
        s = " ".join(s.split())
        return s[0].upper() + s[1:]

    held = {norm_for_overlap(t) for t in conversation.calibration_texts() + conversation.evaluation_texts()}
    texts = expand_templates(rng, frames, slots, n, 40, finish)
    return [t for t in texts if norm_for_overlap(t) not in held]


def training_examples():
    return [ex(t, make_y(all_known=True), "synthetic-benign-people", "train", w=1.0) for t in training_texts()]


def _check():
    excluded = _conversation_words()
    texts = training_texts()
    used = {w for t in texts for w in re.findall(r"[a-z][a-z'-]*", t.lower())}
    frame_words = {w for f in FRAMES + OPENERS + ENDINGS + SIDES
                   for w in re.findall(r"[a-z][a-z'-]*", re.sub(r"\{[A-Za-z0-9]+\}", " ", f).lower())}
    leaked = sorted((used - frame_words) & excluded)
    assert not leaked, f"names or relation words of the conversation pools in the training sentences: {leaked[:20]}"
    names = _names(excluded)
    print(f"{len(texts)} sentences; {sum(map(len, names.values()))} names from {len(names)} locales; "
          f"{len(frame_words & excluded)} frame words shared with the conversation pools "
          f"({', '.join(sorted(frame_words & excluded)[:12])}, ...)")
    for t in random.Random(1).sample(texts, 12):
        print("  ", t)


if __name__ == "__main__":
    _check()
