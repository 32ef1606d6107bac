"""Everyday benign advice and developer vocabulary, written for Warden (synthetic, no third-party text).

Why: v2.1 flagged everyday advice ("If your baby cries, try feeding it." harassment 0.4+; SafeText safe advice FPR
6.3 %) and software text whose words collide with harm words ("git commit" self-harm 0.98). Its thresholds were
calibrated on 238 SafeText sentences, too few for a 0.3 % per-category budget to mean anything.

Two generators with their own templates, word lists and random streams:
  - train_texts()       training (source "synthetic-benign-everyday", split "train");
  - calibration_texts() a larger held-out set for thresholds (source "benign-everyday", split "val"): other
                        frames (questions, first-person reports, tips), other slot words. Never trained on.
Evaluation stays on data neither generator wrote: SafeText's test scenarios (bench) and the hand-written sentences
of test/moderation-everyday.e2e-spec.ts.
"""
import random

from benign_contrast import EVALUATION_SENTENCES
from common import SEED, ex, expand_templates, make_y, norm_for_overlap


def _fill(rng, frames, slots, n):
    return expand_templates(rng, frames, slots, n, 60, lambda s: s.lower() if rng.random() < 0.15 else s)


# ----------------------------------------------------------------------------- training generator
T = {
    "kid": ["baby", "toddler", "newborn", "little one", "son", "daughter", "kid", "child", "infant", "teenager"],
    "kidprob": ["cries at night", "won't stop crying", "refuses to eat", "bites other kids", "hits their sibling",
                "throws tantrums", "screams in the car", "has a fever", "won't nap", "spits up after feeding",
                "kicks in their sleep", "pulls your hair", "gets clingy", "wakes up at 3 am", "has colic"],
    "kidfix": ["feeding them", "a warm bath", "rocking them gently", "a pacifier", "a calm, firm voice",
               "a consistent bedtime", "a time-out", "swaddling", "white noise", "calling your pediatrician",
               "offering a snack", "burping them more often", "distracting them with a toy"],
    "food": ["onions", "chicken", "garlic", "potatoes", "the steak", "carrots", "the fish", "bread dough", "eggs",
             "the pork shoulder", "tomatoes", "a whole turkey", "cabbage", "the lobster", "shrimp", "tofu"],
    "cook": ["Cut", "Chop", "Slice", "Dice", "Beat", "Whip", "Smash", "Crush", "Mince", "Butcher", "Skin", "Gut",
             "Debone", "Char", "Sear", "Blast", "Pound", "Stab a fork into", "Score", "Carve"],
    "cookhow": ["with a sharp knife", "until smooth", "over high heat", "and set aside", "into thin strips",
                "before roasting", "for two minutes", "with a mallet", "then season well", "on a cutting board"],
    "chore": ["hang a picture", "strip a wire", "kill the weeds", "bleach the grout", "blow out the candles",
              "shoot some caulk into the gap", "burn the leaves", "poison the ant hill", "trap the mice",
              "drown out the noise", "knock down the wall", "smash the old tiles", "cut the power first",
              "choke the engine to start it", "break in new shoes", "torch the crème brûlée", "gut the kitchen",
              "kill the breaker", "drill into the stud", "hammer the nail in", "hang a heavy mirror",
              "shoot brad nails into the trim", "use a nail gun", "chop firewood", "fell a small tree",
              "climb the ladder to clean the gutters", "pressure wash the deck", "tear down the old fence",
              "choke the chainsaw", "hack back the hedges", "rip up the carpet", "fix the outlet", "cut the tiles"],
    "dev": ["git commit -m '{msg}'", "git commit --amend", "commit your changes", "kill the process", "kill -9 the pid",
            "execute the script", "abort the rebase", "nuke the cache", "fire the event", "terminate the instance",
            "kill the zombie processes", "force push", "detach the head", "purge the queue", "shoot off a PR",
            "hang the debugger", "explode the array", "inject the dependency", "exploit the cache locality",
            "attack the backlog", "cut a release", "strip the binary", "bomb out on bad input", "drop the table",
            "spawn a child process", "kill the child process", "reap orphaned children", "execute the payload parser",
            "blow away the build dir", "hit the endpoint", "crash the tests on purpose",
            "let the parent process kill its children", "have the supervisor kill the worker",
            "kill the worker threads", "let the scheduler kill stuck jobs", "git commit", "git commit -a",
            "commit", "commit and push", "git add -A && git commit", "commit the merge", "commit early and often",
            "commit to the main branch", "commit the transaction", "commit that file", "git commit -v"],
    "msg": ["wip", "initial commit", "fix typo", "bump deps", "refactor", "add tests", "kill dead code",
            "remove hack", "final fix", "update readme", "fix crash", "hotfix"],
    "work": ["attack the problem", "kill it in the meeting", "crush the quarterly goals", "shoot your manager an email",
             "take a stab at the report", "pull the trigger on the hire", "nail the presentation",
             "bomb the interview", "knock out the slides", "blow the deadline", "fire a client", "cut the budget",
             "hit the ground running", "beat the competition", "execute the plan", "target the new market"],
    "school": ["bomb an exam", "kill the final", "smash the test", "fail a quiz", "cram all night",
               "shoot for an A", "crush your essay"],
    "health": ["take two tablets with water", "cut down on salt", "ice the bruise", "drink more water",
               "stretch before you run", "stop the bleeding with pressure", "clean the cut with soap",
               "ask a pharmacist about doses", "cut back on caffeine", "get your blood pressure checked",
               "keep the burn under cool water", "rest a sprained ankle", "see a doctor if the pain lasts"],
    "photo": ["shoot a photo", "shoot at golden hour", "shoot a wedding", "capture the shot", "shoot in RAW",
              "shoot hoops", "shoot a short film", "frame the shot"],
    "who": ["you", "your partner", "a friend", "your coworker", "your roommate", "a neighbour", "your kid"],
    "when": ["in the morning", "after dinner", "on weekends", "before bed", "every day", "once a week", "right away"],
}
T_FRAMES = [
    "If your {kid} {kidprob}, try {kidfix}.", "When a {kid} {kidprob}, {kidfix} often helps.",
    "My {kid} {kidprob}. Try {kidfix}.", "{cook} {food} {cookhow}.", "{cook} the {food} {cookhow}, then serve.",
    "To {chore}, you need the right tools.", "Remember to {chore} {when}.", "Here's how to {chore} safely.",
    "First, {chore}. Then clean up.", "{dev}", "Run this to {dev}.", "Don't forget to {dev} before you push.",
    "You can {dev} from the terminal.", "$ {dev}", "Just {dev} and try again.",
    "Time to {work}.", "She told me to {work}.", "The best way to {work} is to prepare.", "Let's {work} {when}.",
    "I'm going to {school} if I don't study.", "Don't worry if you {school}.", "Help me {school}.",
    "You should {health}.", "Doctors say to {health}.", "It helps to {health} {when}.",
    "I want to {photo} this weekend.", "Tips to {photo}.", "How to {photo} like a pro.",
    "Ask {who} to {chore}.", "{who} can {dev} for you.",
    "Can I {chore} by myself?", "Should I {chore} myself or call a pro?", "I'm going to {chore} myself {when}.",
    "I'd rather {chore} myself.", "Could you {chore} yourself, or is it risky?", "Is it dangerous to {chore} alone?",
    "I hurt my thumb trying to {chore} myself.", "Is it OK to {chore} myself?", "Safe to {chore} on my own?",
    "Can I {health} myself at home?", "Can I {dev} myself?", "I'll {dev} myself.", "Why does it {dev} every time?", "Why would you {dev}?",
    "Ok, I want to {dev} myself.", "Is it safe to {dev} in production?", "How risky is it to {health} myself?",
]


def train_texts(n=9000):
    rng = random.Random(SEED + 4409)
    slots = {k: (lambda v=v: rng.choice(v)) for k, v in T.items()}
    # first letter upper-case after a slot at the start ("{cook}" words already are)
    return [(s[0].upper() + s[1:]) if s and s[0].islower() and rng.random() < 0.7 else s
            for s in _fill(rng, T_FRAMES, slots, n)]


# ----------------------------------------------------------------------------- calibration generator
# Other frames (questions, first-person reports, list tips) and other slot words than the training generator.
C = {
    "kid": ["my 2-year-old", "the twins", "our baby girl", "my stepson", "a preschooler", "my grandson", "the baby"],
    "kidact": ["keeps crying after meals", "bit me today", "screams when I leave", "won't eat vegetables",
               "hit his brother", "keeps waking up", "threw up twice", "has a rash", "won't stop kicking the seat"],
    "dish": ["lasagna", "pancakes", "a pot roast", "chili", "banana bread", "fried rice", "a stir-fry", "meatballs"],
    "step": ["hack the chicken into pieces", "beat the butter and sugar",
             "brown the beef", "shred the cabbage", "boil the bones",
             "kill the heat and let it rest", "fillet the salmon", "crack the eggs", "torch the sugar on top"],
    "diy": ["cut the old carpet out", "hang shelves", "shoot nails with a nail gun", "strip old paint",
            "blow out the sprinkler lines", "kill mold in the shower", "pull the tripped fuse", "rip out the drywall",
            "choke up on the hammer", "sand down the table", "axe the dead tree limbs", "blast the patio with a washer"],
    "code": ["git commit -am \"{m}\"", "git commit", "kill %1", "pkill -f server", "sudo kill -HUP 1234",
             "execute the migration", "terminate the pod", "kill the tmux session", "abort the job",
             "shoot the build logs to Slack", "slay the bug in prod", 
             "strangle the legacy module (strangler fig pattern)", "kill switch for the feature flag",
             "the master process killed its workers", "destroy the docker volume",
             "hang on the mutex", "deadlock in the thread pool"],
    "m": ["tests pass now", "oops", "cleanup", "fix lint", "ship it", "remove dead branch", "revert bad merge"],
    "job": ["crush this sprint", "kill the quarterly review", "shoot down the proposal", "attack the backlog",
            "knock the pitch out of the park", "fire the vendor", "axe the project", "bury the competition"],
    "test": ["bombed my chemistry test", "killed the audition", "choked on the final question", "blew the exam",
             "died on stage during the recital"],
    "care": ["take ibuprofen with food", "cut out sugary drinks", "put ice on a swollen knee", "clean a scrape",
             "stop a nosebleed", "lower a fever in kids", "take vitamin D in winter", "treat a minor burn"],
}
C_FRAMES = [
    "{kid} {kidact}, what should I do?", "Any tips? {kid} {kidact}.", "Is it normal that {kid} {kidact}?",
    "How long does it take to make {dish}?", "Recipe note: {step}.", "For the {dish}, {step} first.",
    "Step 3: {step}.", "Is it safe to {diy} myself?", "What's the easiest way to {diy}?", "This weekend I'll {diy}.",
    "Why does `{code}` hang?", "What does {code} do?", "In the runbook: {code}.", "I ran {code} and nothing happened.",
    "Q: {code}", "Our plan this quarter: {job}.", "How can my team {job}?", "I totally {test}.",
    "Ugh, I {test} yesterday.", "How do I {care}?", "Should I {care}?", "Quick tip: {care}.",
]
C_PRE = ["", "", "Hi all. ", "Quick question: ", "Honestly, ", "Okay so ", "Newbie here. ", "Update: "]
C_POST = ["", "", " Thanks!", " Any advice?", " Asking for a friend.", " lol", " Cheers."]


def calibration_texts(n=3000):
    rng = random.Random(SEED + 5521)
    slots = {k: (lambda v=v: rng.choice(v)) for k, v in C.items()}
    frames = [pre + f + post for f in C_FRAMES for pre in C_PRE for post in C_POST]
    banned = {norm_for_overlap(t) for t in EVALUATION_SENTENCES}  # the e2e suite's sentences stay unseen
    return [(s[0].upper() + s[1:]) if s else s for s in _fill(rng, frames, slots, n) if norm_for_overlap(s) not in banned]


def training_examples():
    return [ex(t, make_y(all_known=True), "synthetic-benign-everyday", "train", w=1.0) for t in train_texts()]


def heldout_examples():
    return [ex(t, make_y(all_known=True), "benign-everyday", "val", w=1.0, gen="calibration")
            for t in calibration_texts()]
