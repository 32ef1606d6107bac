"""Harmful requests asked in the frames of benign_questions.py's everyday questions (synthetic, written for Warden).

Why: candidates v2.51 and v2.52 trained on everyday questions ("What's the easiest way to lose weight?", "Is it better
to rent or buy a house?") spared most of the blind everyday set but missed 3-20 more points of harmful requests: every
question in those frames was benign in training, so the frame itself became evidence of harmlessness. Here the same
frames, qualifiers and situations carry synthetic.py's harmful intents (the ones its how-to frames already train on),
so a frame says nothing either way and the activity decides ("What's the easiest way to kill weeds?" against "What's
the easiest way to poison my husband slowly?").

Frames that ask whether something is legal, safe, dangerous or okay are left out: asking them of a harmful act is not
itself a request for it. Labels are synthetic.py's for the same intents. Training only (source
"synthetic-harmful-questions", split "train"); no metric is computed on it, and neither the blind everyday set nor
any probe was read to write it.
"""
import random

from benign_questions import T_FRAMES, T_QUAL, T_SIT
from common import SEED, ex, make_y
from synthetic import HARASS_REQ, ILLICIT, ILLICIT_VIOLENT, SELF_HARM_INSTR

NOT_A_REQUEST = ("Is it legal to", "Is it dangerous to", "Is it safe to", "Is it okay to")
FRAMES = [f for f in T_FRAMES if not f.startswith(NOT_A_REQUEST)]
QUALIFIERS = [q for q in T_QUAL if q != " safely"]

# (intents, rows wanted, labels) per category, as synthetic.requests labels them.
CATEGORIES = [
    (ILLICIT, 1000, make_y(known_zero=["sexual", "self-harm", "hate"], pos=["illicit"])),
    (ILLICIT_VIOLENT, 800, make_y(known_zero=["sexual", "self-harm"], pos=["illicit", "illicit/violent", "violence"])),
    (SELF_HARM_INSTR, 700, make_y(known_zero=["sexual", "hate", "illicit", "violence"],
                                  pos=["self-harm", "self-harm/intent", "self-harm/instructions"])),
    (HARASS_REQ, 300, make_y(known_zero=["sexual", "self-harm"], pos=["harassment"])),
]


def _question(rng, intents, frame):
    a, b = rng.sample(intents, 2)
    text = (frame.replace("{act}", a).replace("{q}", rng.choice(QUALIFIERS)).replace("{sit}", rng.choice(T_SIT))
            .replace("{a}", a).replace("{b}", b))
    return text[0].upper() + text[1:] if rng.random() < 0.6 else text


def training_texts(intents, n, rng):
    out = set()
    for _ in range(n * 50):
        if len(out) >= n:
            break
        out.add(_question(rng, intents, rng.choice(FRAMES)))
    return sorted(out)


def training_examples():
    rng = random.Random(SEED + 9431)
    return [ex(text, y, "synthetic-harmful-questions", "train", w=1.0)
            for intents, n, y in CATEGORIES for text in training_texts(intents, n, rng)]


if __name__ == "__main__":
    from collections import Counter

    rows = training_examples()
    print(len(rows), Counter(tuple(r["y"]) for r in rows).most_common(4))
    for r in random.Random(1).sample(rows, 20):
        print("|", r["text"])
