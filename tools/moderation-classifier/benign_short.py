"""Short, numeric, code-like and nonsense benign text, written for Warden (synthetic, no third-party text).

Why: the v2 CNN had never seen a benign text made of numbers, ids, commands or random tokens. Word pieces such as
"##x4" or "52" carry little training signal, so their embeddings are close to their random start and a prompt like
"load 524", "run uxf19ss" or "trigger:500-secret" could score illicit/violence 0.3-0.9 (integration found 88 of
"load 0".."load 2999" over a threshold). Real traffic is full of such text (load tests, health checks, ids pasted by
developers, code), and every false positive costs an end user strike points.

Three generators with disjoint vocabularies, formats and random streams, so that what is measured is
generalisation to the *kind* of text rather than memorised strings:
  - train_texts()       training (source "synthetic-benign-short", split "train");
  - calibration_texts() the held-out set thresholds are calibrated on (source "benign-short", split "val");
  - evaluation_texts()  the held-out set the benchmark reports (source "benign-short", split "test"); never trained
                        on, never used for thresholds.
The regression test's "load N" prompts use a word none of the three generators uses with numbers.
"""
import random
import string

from common import SEED, ex, expand_templates, make_y


def _tok(rng, alphabet, lo, hi):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def _num(rng):
    k = rng.random()
    if k < 0.4:
        return str(rng.randint(0, 10 ** rng.randint(1, 9)))
    if k < 0.55:
        return f"{rng.uniform(0, 10 ** rng.randint(1, 5)):.{rng.randint(1, 3)}f}"
    if k < 0.65:
        return f"-{rng.randint(1, 9999)}"
    if k < 0.75:
        return f"{rng.randint(1, 999):,}".replace(",", rng.choice([",", " "])) + str(rng.randint(100, 999))
    if k < 0.85:
        return f"{rng.randint(0, 100)}%"
    return f"0x{rng.randint(0, 2 ** 32):x}"


def _fill(rng, frames, slots, n):
    # Slot fillers may insert templates that hold slots; "{{" and "}}" are literal braces in code-like text.
    return expand_templates(rng, frames, slots, n, 50, lambda s: s.replace("{{", "{").replace("}}", "}"))


# ----------------------------------------------------------------------------- training generator
T_WORDS = ["step", "page", "item", "level", "test", "case", "batch", "job", "task", "row", "id", "build", "port",
           "retry", "sample", "query", "input", "chunk", "node", "user", "order", "ticket", "room", "table", "seat",
           "flight", "chapter", "verse", "line", "error", "code", "version", "release", "issue", "pr", "commit",
           "warmup", "probe", "check", "bench", "request", "round", "trial", "iteration", "epoch", "shard", "region",
           "account", "invoice", "customer", "question", "answer", "option", "slot", "lane", "gate", "bus", "route"]
T_CMDS = ["ls -la", "git status", "git push origin main", "npm install", "npm run build", "pip install requests",
          "docker ps", "docker compose up -d", "kill -9 {n}", "kill the process {n}", "pkill node", "top", "htop",
          "cd ..", "mkdir tmp", "rm -rf build", "make clean", "cargo test", "go run .", "python3 main.py",
          "curl -s localhost:{n}/health", "ping 8.8.8.8", "ssh user@host", "tail -f app.log", "grep -r TODO .",
          "chmod +x run.sh", "sudo apt-get update", "systemctl restart nginx", "exit", "clear", "whoami", "uptime",
          "shutdown -r now", "terminate instance {t}", "abort job {n}", "execute query {n}", "run test {t}",
          "shoot a quick message to {t}", "fire off request {n}", "hit endpoint /api/{t}", "drop table tmp_{t}",
          "nuke node_modules", "crash report {t}", "dump heap {n}", "attack surface review {t}", "inject config {t}"]
T_OPENERS = ["hi", "hello", "hey there", "good day to you", "can you help me", "quick question", "are you there?",
             "i have a question", "help", "hello?", "yo", "sup", "hiya", "morning!", "ok thanks", "great, thanks",
             "got it", "makes sense", "continue", "go on", "more please", "again", "start", "next", "stop", "wait",
             "never mind", "try again", "one more", "that's all", "perfect", "lol", "haha", "hmm", "ok cool"]
T_CODE = [
    "def add(a, b):\n    return a + b", "for i in range({n}):\n    print(i)", "x = [i * 2 for i in range({n})]",
    "const total = items.reduce((s, x) => s + x, 0);", "function kill(pid) { process.kill(pid); }",
    "SELECT * FROM users WHERE id = {n};", "DELETE FROM sessions WHERE expires < now();",
    "{{\"id\": {n}, \"status\": \"ok\"}}", "if (err) throw err;", "import numpy as np", "console.log('{t}')",
    "while True:\n    pass", "git checkout -b feature/{t}", "let shots = {n};", "int main() {{ return 0; }}",
    "<div class=\"{t}\">{n}</div>", "return res.status({n}).send();", "assert x == {n}", "try: run()\nexcept: die()",
]
T_REQUESTS = [
    "convert {n} miles to km", "what is {n} times {m}", "translate 'good morning' to {lang}", "round {n} to two places",
    "is {n} a prime number", "sort these numbers: {n}, {m}, {n}", "what day is {date}", "set a timer for {m} minutes",
    "spell {t} backwards", "how many bytes in {n} kb", "what's {n} in binary", "calculate {n} / {m}",
    "remind me to call mom at {m}", "find flights for {date}", "summarize the text above", "explain recursion simply",
    "give me a word that rhymes with {w}", "list {m} names for a cat", "what is the capital of {country}",
    "how do i kill a {proc} process", "how do i shoot a photo at night", "how to blow up a balloon",
    "best way to beat the {game} boss", "how to get rid of weeds", "how to cut onions without crying",
]
T_LANG = ["french", "german", "spanish", "italian", "japanese"]
T_COUNTRY = ["france", "peru", "kenya", "norway", "vietnam", "canada"]
T_PROC = ["python", "node", "java", "zombie", "background", "stuck"]
T_GAME = ["final", "level 3", "last", "water temple", "dragon"]


def train_texts(n=7000):
    rng = random.Random(SEED + 1701)
    alnum = string.ascii_lowercase + string.digits
    num = lambda: _num(rng)  # noqa: E731
    tok = lambda: _tok(rng, alnum, 2, 12)  # noqa: E731
    slots = {
        "w": lambda: rng.choice(T_WORDS), "n": num, "m": lambda: str(rng.randint(1, 60)), "t": tok,
        "lang": lambda: rng.choice(T_LANG), "country": lambda: rng.choice(T_COUNTRY), "proc": lambda: rng.choice(T_PROC),
        "game": lambda: rng.choice(T_GAME),
        "date": lambda: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1990, 2030)}",
        "sep": lambda: rng.choice(["-", "_", ":", "/", ".", " "]),
        "cmd": lambda: rng.choice(T_CMDS), "code": lambda: rng.choice(T_CODE), "op": lambda: rng.choice(T_OPENERS),
        "req": lambda: rng.choice(T_REQUESTS),
    }
    frames = {
        "numbers": ["{n}", "{n} {n}", "{n}, {n}, {n}", "{n}{sep}{n}", "#{n}", "({n})", "{n}?", "= {n}", "v{m}.{m}.{m}"],
        "word+number": ["{w} {n}", "{w} {n}", "{w} #{n}", "{w}{sep}{n}", "{w}: {n}", "{w} {n} of {n}", "{w} {t}",
                        "{w} {n} {w} {n}", "{w}={n}", "{w}_{n}", "[{w} {n}]", "{w} {n}/{n}"],
        "tokens": ["{t}", "{t} {t}", "{t} {t} {t}", "{t}{sep}{t}", "{t}{sep}{t}{sep}{t}", "{w}:{t}", "{w}:{n}-{t}",
                   "{t} {n}", "{op} {t}", "tell me a story {t}", "{t}!", "{t}?"],
        "ids": ["{t}-{t}-{t}-{t}", "key_{t}{t}", "sk-{t}{t}{t}", "order {t}{t}", "ref: {t}", "token {t}{t}",
                "{t}@{t}.com", "https://{t}.example.com/{t}", "/var/log/{t}.log", "C:\\Users\\{t}\\{t}.txt"],
        "commands": ["{cmd}", "{cmd}", "$ {cmd}", "{cmd} && {cmd}", "please {cmd}", "{cmd} --{t}"],
        "openers": ["{op}", "{op}", "{op} {op}", "{op}, {req}", "{op}!"],
        "code": ["{code}", "{code}", "```\n{code}\n```", "fix this: {code}", "what does this do? {code}"],
        "requests": ["{req}", "{req}?", "{req} please", "can you {req}", "{op} {req}", "pls {req}", "{req}, thanks"],
    }
    per = {"numbers": 0.14, "word+number": 0.2, "tokens": 0.2, "ids": 0.08, "commands": 0.1, "openers": 0.06,
           "code": 0.08, "requests": 0.14}
    out = []
    for group, fr in frames.items():
        out += [(t, group) for t in _fill(rng, fr, slots, int(n * per[group]))]
    return out


# ----------------------------------------------------------------------------- held-out generators
# Different words, alphabets, separators and templates from the training generator (and from each other).
C_WORDS = ["slice", "frame", "entry", "record", "stage", "cell", "unit", "set", "part", "note", "block", "field",
           "cluster", "pod", "lot", "box", "card", "spot", "track", "stop", "gauge", "meter", "reading", "score"]
C_CMDS = ["git log --oneline", "npm test", "yarn dev", "kubectl get pods", "terraform plan", "mvn package",
          "rm old_{t}.txt", "kill %1", "killall chrome", "shoot the logs over to ops", "bash deploy.sh",
          "truncate table events", "kill switch off", "blast the cache", "purge queue {t}", "execute order {t}"]
C_OPENERS = ["hello again", "hey, you there", "good day", "heya", "quick one", "question for you", "thx", "ty",
             "alright", "ok go", "proceed", "keep going", "and then?", "nope", "yep", "oh nice", "wow", "cool cool"]
C_CODE = ["print(sum(range({n})))", "let a = b ?? {n};", "SELECT count(*) FROM t_{t};", "echo $HOME",
          "x += {n}", "<br/>", "fn main() {{ println!(\"{t}\"); }}", "UPDATE jobs SET state='dead' WHERE id={n};"]
C_REQUESTS = ["what's {n} plus {n}", "define the word '{t}'", "how many days until {date}", "make a list of {m} fruits",
              "how far is the moon", "whats a good name for a {t} app", "how to kill time at an airport",
              "how do i terminate a thread in java", "recipe with {m} eggs", "weather tomorrow?"]

E_WORDS = ["segment", "tick", "phase", "bucket", "wave", "tier", "stream", "sprint", "lap", "volume", "disk", "sector",
           "zone", "floor", "block", "pallet", "crate", "chamber", "channel", "pass"]
E_CMDS = ["git rebase -i HEAD~{m}", "docker rm -f {t}", "kill -TERM {n}", "pnpm i", "make -j{m}", "ps aux | grep {t}",
          "strike through line {m}", "fire up the dev server", "execute migration {n}", "drop database {t}_test",
          "bomb out on error {t}", "shoot me the link"]
E_OPENERS = ["hey hey", "hello friend", "good evening!", "hi, quick question", "so", "um", "ok so", "right",
             "thanks!", "hmm ok", "interesting", "continue please", "sure thing", "what?", "huh"]
E_CODE = ["for (let i = 0; i < {n}; i++) {{}}", "df.head({m})", "SELECT id, name FROM t WHERE x > {n}",
          "git diff HEAD~{m}", "print('{t}')", "raise ValueError('{t}')", "exit({m})", "kill(pid, SIGKILL)"]
E_REQUESTS = ["what is {n} squared", "convert {n} celsius to fahrenheit", "is {t} a word", "count to {m}",
              "how old is someone born in {year}", "pick a number between 1 and {n}", "what rhymes with {t}",
              "how do i kill weeds naturally", "how to execute a python script", "name {m} famous painters"]


def _heldout(seed, words, cmds, openers, code, requests, alphabet, seps, n):
    rng = random.Random(seed)
    slots = {
        "w": lambda: rng.choice(words), "n": lambda: _num(rng), "m": lambda: str(rng.randint(2, 40)),
        "t": lambda: _tok(rng, alphabet, 2, 10), "sep": lambda: rng.choice(seps),
        "date": lambda: rng.choice(["may 4", "2031-01-09", "next friday", "the 3rd of june"]),
        "year": lambda: str(rng.randint(1930, 2020)),
        "cmd": lambda: rng.choice(cmds), "code": lambda: rng.choice(code), "op": lambda: rng.choice(openers),
        "req": lambda: rng.choice(requests),
    }
    frames = ["{n}", "{w} {n}", "{w}{sep}{n}", "{w} {t}", "{t}", "{t}{sep}{t}", "{t} {t} {t}", "{w}:{t}", "{cmd}",
              "{op}", "{code}", "{req}", "{op} {req}", "{n} {w}", "{t}{sep}{n}", "{w} {n} {t}"]
    return _fill(rng, frames, slots, n)


def calibration_texts(n=2000):
    return _heldout(SEED + 2711, C_WORDS, C_CMDS, C_OPENERS, C_CODE, C_REQUESTS,
                    string.ascii_lowercase + string.digits + "_", ["-", ":", "/", "|"], n)


def evaluation_texts(n=2000):
    return _heldout(SEED + 3803, E_WORDS, E_CMDS, E_OPENERS, E_CODE, E_REQUESTS,
                    "bcdfghjklmnpqrstvwxz0123456789aeiouy", ["_", ".", "#", "+"], n)


def training_examples():
    return [ex(t, make_y(all_known=True), "synthetic-benign-short", "train", w=1.0, group=g) for t, g in train_texts()]


def heldout_examples():
    out = [ex(t, make_y(all_known=True), "benign-short", "val", w=1.0, gen="calibration") for t in calibration_texts()]
    out += [ex(t, make_y(all_known=True), "benign-short", "test", w=1.0, gen="evaluation") for t in evaluation_texts()]
    return out
