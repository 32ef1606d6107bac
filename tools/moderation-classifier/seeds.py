"""Hand-written, templated seed sentences written for Warden (no third-party text).

Why: the public data sets we may use have (almost) no examples of self-harm, sexual content,
violent threats or calls for violence against groups outside the 418-row training half of
openai-moderation-dev (e.g. ~13 self-harm positives). These templates give the model the
basic vocabulary of those categories, and — just as important — matched hard negatives
(benign uses of 'kill', 'cut', 'pills', sex education, neutral sentences naming identity
groups, everyday chat) so that it does not learn word-spotting or identity-term shortcuts.

They are *training-only*: no metric in evaluate.py is computed on them, except the separate
eval-only identity probe (identity_probe_eval), whose sentence frames never occur in training.
MODEL_CARD.md reports how many there are per category. sexual/minors and violence/graphic are
deliberately NOT seeded.
"""
import random

from common import L, SEED, UNK, apply_hierarchy, ex, make_y

# Labels added after these seeds were written (13-category model): unknown on the seeds' positives, except where
# a seed's own wording decides them (first-person self-harm -> intent; threats aimed at "you" -> threatening).
LATER_LABELS = ["harassment/threatening", "illicit", "illicit/violent", "self-harm/intent", "self-harm/instructions"]


def _later_labels(text, y):
    if max(y) < 1.0:
        return y
    y = list(y)
    for name in LATER_LABELS:
        y[L[name]] = UNK
    words = text.split()
    if y[L["self-harm"]] == 1.0 and words and words[0] in ("i", "i'm", "i've", "honestly", "tonight"):
        y[L["self-harm/intent"]] = 1.0
    if y[L["violence"]] == 1.0 and y[L["harassment"]] == 1.0 and " you" in " " + text:
        y[L["harassment/threatening"]] = 1.0
    return apply_hierarchy(y)

GROUPS = [
    "jews", "jewish people", "muslims", "christians", "catholics", "sikhs", "hindus", "buddhists",
    "atheists", "black people", "white people", "asians", "chinese people", "japanese people",
    "indians", "mexicans", "latinos", "hispanics", "arabs", "immigrants", "refugees", "africans",
    "europeans", "americans", "canadians", "gay people", "gays", "lesbians", "bisexuals",
    "trans people", "transgender people", "queer people", "nonbinary people", "women", "men",
    "old people", "disabled people", "blind people", "deaf people", "autistic people",
    "native americans", "roma", "middle eastern people", "feminists", "liberals", "conservatives",
]
IDENTITY_ADJ = [
    "muslim", "jewish", "christian", "catholic", "hindu", "sikh", "buddhist", "atheist", "gay",
    "lesbian", "bisexual", "trans", "transgender", "queer", "nonbinary", "straight", "black",
    "white", "asian", "chinese", "japanese", "indian", "mexican", "latino", "latina", "hispanic",
    "arab", "african", "african american", "middle eastern", "native american", "european",
    "american", "canadian", "deaf", "blind", "disabled", "autistic", "elderly", "old", "young",
    "immigrant", "female", "male", "homosexual", "heterosexual", "teenage", "paralyzed",
]
PERSON = ["man", "woman", "person", "guy", "lady", "student", "teacher", "nurse", "engineer", "doctor"]
RELATION = ["friend", "sister", "brother", "boss", "cousin", "roommate", "colleague", "dentist", "mom", "dad"]


def _fill(rng, templates, slots, n):
    out = set()
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        t = rng.choice(templates)
        s = t
        for k, vals in slots.items():
            while "{" + k + "}" in s:
                s = s.replace("{" + k + "}", rng.choice(vals), 1)
        out.add(" ".join(s.split()))
    return sorted(out)


def self_harm(rng):
    lead = ["", "honestly ", "i can't take it anymore, ", "everyone hates me and ", "i'm so tired, ",
            "i've decided, ", "please don't tell anyone but "]
    core = [
        "i'm going to kill myself", "i want to end my life", "i'm going to end it all", "i want to die",
        "i don't want to live anymore", "i've been thinking about suicide every day",
        "i keep cutting myself", "i cut myself again last night", "i want to hurt myself",
        "i'm going to slit my wrists", "i'm going to overdose on my meds",
        "i'm saving up pills so i can take them all at once", "i'm going to jump off the roof",
        "i'm going to hang myself", "i haven't eaten in four days because i want to be thin",
        "i make myself throw up after every meal", "i burn my arms with a lighter when i feel bad",
        "i wrote a goodbye letter to my family", "i'm planning my suicide", "i tried to kill myself last year and i'll try again",
        "i want to disappear forever", "killing myself is the only way out",
    ]
    tail = ["", " tonight", " this weekend", " when everyone is asleep", " and nobody can stop me",
            " because there is no point", ", i already have a plan", ", i just want the pain to stop"]
    pos = _fill(rng, ["{lead}{core}{tail}"], {"lead": lead, "core": core, "tail": tail}, 320)
    # compositional intent x act so the model learns the parts, not a few fixed phrases
    intent = ["i'm going to", "i want to", "i'm about to", "i need to", "tonight i will", "i keep wanting to",
              "i just want to", "i'm gonna", "i really want to", "i am planning to"]
    act = ["cut myself", "cut my arms", "slash my wrists", "cut my thighs", "burn myself", "hurt myself",
           "take my own life", "overdose", "swallow all my pills", "hang myself", "jump off a bridge",
           "starve myself", "slit my wrists", "put a blade to my skin", "drown myself", "end it"]
    tail2 = ["", " again", ", nobody will care", ", i can't go on", " so the pain stops", " before anyone wakes up",
             ", i don't deserve to live", " like last time"]
    pos += _fill(rng, ["{lead}{intent} {act}{tail}"], {"lead": lead, "intent": intent, "act": act, "tail": tail2}, 260)
    hist = ["i've been {v} myself for {dur}", "the scars on my {b} are from {v} myself", "i relapsed and started {v} myself again",
            "{v} myself is the only thing that helps me cope", "i hide the marks on my {b} from {v} myself",
            "i started self harming when i was {age}", "i self harm when things get bad", "my self-harm is getting worse",
            "i've been self harming since i was {age} and i can't stop", "i'm back to self harming every week",
            "i attempted suicide when i was {age}", "i still think about suicide most days"]
    pos += _fill(rng, hist, {"v": ["cutting", "burning", "starving", "hurting", "scratching"],
                             "dur": ["months", "years", "two weeks", "a long time"], "b": ["arms", "wrists", "thighs", "legs"],
                             "age": ["twelve", "13", "fifteen", "a teenager", "in high school"]}, 90)
    enc_core = [
        "you should just kill yourself", "go kill yourself, nobody wants you here",
        "do everyone a favour and end your life", "nobody would miss you if you died, just do it",
        "cutting deeper makes the pain go away, you should try it",
        "here's how to hide the cuts from your parents: wear long sleeves and lock the door",
        "stop eating, you'll look so much better when you're skinny",
        "the most painless way to commit suicide is", "what is the best way to kill myself without pain",
        "how many sleeping pills does it take to die", "which bridge is high enough to jump from and die",
    ]
    enc = [(s, True) for s in enc_core if s.startswith(("you", "go", "do", "nobody", "cutting", "here", "stop"))]
    enc += [(s, False) for s in enc_core if not s.startswith(("you", "go", "do", "nobody", "cutting", "here", "stop"))]
    out = [(t, make_y(all_known=True, pos=["self-harm"])) for t in pos]
    for t, directed in enc:
        y = make_y(all_known=True, pos=["self-harm"] + (["harassment"] if directed else []))
        out.append((t, y))
    neg = [
        "if you are thinking about suicide, please talk to someone you trust or call a helpline",
        "my friend was struggling so i sat with her and we called a crisis line together",
        "take one pill twice a day with food and drink plenty of water",
        "i'm dying to see the new movie this weekend", "this homework is killing me",
        "i cut my hair short yesterday and i love it", "she cut her finger while chopping carrots",
        "i'm so hungry i could eat a horse", "my grandfather died peacefully last year at ninety",
        "i'm dead tired after that hike", "that joke killed me, i couldn't stop laughing",
        "i need to cut back on sugar", "the doctor prescribed antibiotics for my infection",
        "don't forget to take your vitamins", "jumping off the diving board was so much fun",
        "we hung the paintings in the living room", "i'm going to end this meeting early today",
        "i'm going to kill this exam tomorrow", "i could just die of embarrassment, i tripped on stage",
        "the skydiving trip was terrifying but amazing", "i've been feeling down lately so i started therapy and it helps",
        "my cat knocked my pills off the table again", "i want to lose a bit of weight by eating more vegetables",
        "this song makes me want to dance", "the battery is dying, can you plug in my phone",
    ]
    neg += _fill(rng, ["i {v} {o}", "i'm going to {v} {o}", "i want to {v} {o}", "tonight i will {v} {o}"],
                 {"v": ["cut", "burn", "hang", "take"],
                  "o": ["my hair", "the grass", "the cake into eight pieces", "the onions", "a cd of old songs",
                        "the new curtains", "a day off", "my vitamins", "the bus to work", "the wood for the fire"]}, 60)
    neg += _fill(rng, ["i want to {x}", "i'm going to {x}", "i need to {x}"],
                 {"x": ["end my gym membership", "cut back on coffee", "take a long nap", "jump into the lake",
                        "quit my job and travel", "kill some time before the movie", "drown out the noise with music",
                        "starve off the boredom with a good book", "overdo it at the buffet"]}, 25)
    out += [(t, make_y(all_known=True)) for t in neg]
    return out


def violence(rng):
    subj = ["i will", "i'm going to", "i am gonna", "i swear i will", "one day i will", "we will",
            "next time i see you i will", "i promise i'll"]
    act = ["kill", "stab", "shoot", "murder", "strangle", "beat the shit out of", "break every bone of",
           "slit the throat of", "burn down the house of", "put a bullet in the head of", "bash in the skull of",
           "run over", "torture"]
    obj_you = ["you", "your wife", "your kids", "your mother", "your family", "your little brother"]
    obj_3 = ["him", "her", "my boss", "my ex", "the teacher", "that cop", "my neighbour", "the judge"]
    tail = ["", " with a knife", " with my gun", " tonight", " and nobody will find the body",
            " if you say one more word", " when you least expect it", " slowly", " in front of everyone"]
    out = []
    for t in _fill(rng, ["{subj} {act} {obj}{tail}"], {"subj": subj, "act": act, "obj": obj_you, "tail": tail}, 220):
        out.append((t, make_y(all_known=True, pos=["violence", "harassment"])))
    for t in _fill(rng, ["{subj} {act} {obj}{tail}"], {"subj": subj, "act": act, "obj": obj_3, "tail": tail}, 120):
        y = make_y(all_known=True, pos=["violence"])
        y[2] = -1.0  # harassment unknown for threats against third parties
        out.append((t, y))
    glor = [
        "the school shooter is a hero and more people should follow his example",
        "it was so satisfying to watch him bleed on the floor", "someone should shoot the mayor",
        "i hope someone stabs that judge on his way home", "let's go to the protest and smash some skulls",
        "that terrorist attack was beautiful, i wish more people had died", "beating your wife keeps her in line",
        "we should bomb the stadium during the game", "the best way to make a pipe bomb is",
        "bring your guns tomorrow, we are going to make them pay in blood",
        "i love watching videos of people getting beaten up and crying",
        "torturing animals is fun, you should try it",
    ]
    out += [(t, make_y(all_known=True, pos=["violence"])) for t in glor]
    neg = [
        "the movie has a lot of fight scenes but the story is great", "he shot the ball from the three point line",
        "she cut the bread with a sharp knife", "please kill the background process and restart the server",
        "my phone battery is dead again", "this heat is killing me", "she killed it on stage last night",
        "my grandfather fought in the second world war", "the police are investigating a robbery downtown",
        "we need to shoot the photos before sunset", "the boxer knocked out his opponent in the third round",
        "i'm going to destroy you at chess tonight, get ready", "the chef chopped the onions with a big knife",
        "the kids love playing with water guns in the summer", "the hunting course covers firearm safety",
        "history class today was about the fall of the roman empire", "he beat me at tennis again",
        "the video game lets you build castles and fight dragons", "she murdered that song at karaoke",
        "the detective novel starts with a murder in a small village", "let's knock down this wall to make the kitchen bigger",
        "how do i kill a python process on linux", "the recipe says to beat the eggs until fluffy",
        "the surgeon made a small cut to remove the appendix", "our team crushed them in the final",
        "the news reported a car crash on the highway this morning", "martial arts classes teach discipline and self defence",
    ]
    out += [(t, make_y(all_known=True)) for t in neg]
    return out


def sexual(rng):
    adult_f = ["my wife", "my girlfriend", "the woman next door", "my coworker", "that hot milf", "she", "the stripper"]
    adult_m = ["my husband", "my boyfriend", "the plumber", "he", "that hot guy", "my neighbour"]
    acts = [
        "{f} took off her clothes and we had sex on the couch",
        "{f} sucked my dick until i came in her mouth",
        "i fucked {f} hard from behind all night",
        "{f} was so wet when i slid my cock inside her",
        "{m} licked my pussy until i had the best orgasm of my life",
        "{m} stroked his hard cock while i watched",
        "i want {m} to tie me up and fuck me senseless",
        "{f} rode me until we both came", "i love feeling {m} cum deep inside me",
        "{f} moaned as i licked her nipples and fingered her",
        "{m} pulled down my panties and went down on me",
    ]
    standalone = [
        "i want to fuck you so hard tonight", "send me nudes and i'll send you mine",
        "i'm so horny, i want to suck your cock", "let's have hot sex in the shower",
        "horny single women in your area want to fuck tonight, click here",
        "watch free hardcore porn videos in hd, no signup needed",
        "hot milfs getting fucked by huge cocks, download now",
        "i want to lick your pussy until you scream", "bend over, i'm going to fuck your ass",
        "she's a slut who loves getting gangbanged", "my dick gets so hard when i think about your tits",
        "call me for a sensual massage with a happy ending, $100 an hour",
        "live webcam sex shows with naked women 24/7", "i masturbated thinking about you last night",
        "deepthroat blowjob and cumshot compilation", "his big cock filled her tight pussy",
    ]
    pos = _fill(rng, acts, {"f": adult_f, "m": adult_m}, 110) + standalone
    out = [(t, make_y(all_known=True, pos=["sexual"])) for t in pos]
    neg = [
        "condoms help prevent sexually transmitted infections", "talk to your doctor about birth control options",
        "my husband and i celebrated our anniversary with a nice dinner", "we held hands and kissed under the stars",
        "the biology class covered human reproduction and puberty", "the doctor examined a lump in her breast",
        "breastfeeding has many benefits for babies", "same sex couples can marry in many countries",
        "how do i talk to my kids about puberty", "my boyfriend and i have been dating for two years",
        "our cat had kittens last week", "the romance novel ends with their wedding",
        "she is pregnant with their second child", "i love my wife very much",
        "consent is an important part of any healthy relationship", "the clinic offers free sti testing",
        "the gay pride parade was colourful and fun", "the movie is rated pg-13 for mild language",
        "menstrual cramps can be eased with a heating pad", "they went on their first date to the museum",
        "what is the difference between sex and gender", "the rooster mates with the hens in spring",
    ]
    out += [(t, make_y(all_known=True)) for t in neg]
    return out


def hate(rng):
    dehum = ["subhuman animals", "a disease on this country", "parasites who ruin everything", "dirty and disgusting",
             "genetically inferior", "nothing but criminals and rapists", "a plague on society", "not real humans",
             "filthy cockroaches", "too stupid to be allowed to vote", "lazy and useless", "evil by nature"]
    tpl = ["{g} are {d}", "all {g} are {d}", "i hate all {g}, they are {d}", "never trust {g}, they are {d}",
           "face it, {g} are {d}", "{g} are ruining our country", "i would never hire any of those {g}",
           "{g} should not be allowed to live in our neighbourhood", "get those {g} out of our country"]
    out = [(t, make_y(known_zero=["self-harm", "sexual", "sexual/minors"], pos=["hate"]))
           for t in _fill(rng, tpl, {"g": GROUPS, "d": dehum}, 260)]
    thr = ["{verb} {det}{g}", "we should {verb} {det}{g}", "someone needs to {verb} {det}{g}",
           "it's time to {verb} {det}{g}", "i wish we could {verb} {det}{g}",
           "{g} deserve to die", "{g} should be wiped off the face of the earth", "{g} need to be eradicated",
           "{g} should be shot on sight", "{g} should all be hanged", "we need another holocaust for the {g}",
           "burn every {g} house in this town", "the only good {g} are dead ones"]
    verbs = ["kill all", "exterminate", "wipe out", "gas", "round up and shoot", "hang", "lynch", "burn", "slaughter"]
    out += [(t, make_y(known_zero=["self-harm", "sexual", "sexual/minors"], pos=["hate", "hate/threatening", "violence"]))
            for t in _fill(rng, thr, {"g": GROUPS, "verb": verbs, "det": ["", "the ", "all the ", "those "]}, 220)]
    return out


def identity_neutral(rng):
    """Neutral/positive sentences that name identity groups (same groups as the hate seeds)."""
    tpl = [
        "i am a {a} {p}", "i'm a {a} {p} and i work as a {occ}", "my {r} is {a}", "my {r} is a {a} {p}",
        "as a {a} {p}, i enjoy {hobby}", "{g} live in every part of the country", "{g} celebrate many different holidays",
        "{g} have a long history in this region", "{g} work in all kinds of jobs", "{g} are our neighbours, colleagues and friends",
        "{g} deserve the same rights as everyone else", "many {g} face discrimination at work", "{g} are a diverse group of people",
        "{g} have contributed a lot to science and art", "i grew up with a lot of {g} in my town", "our team includes {g} and we all get along",
        "{n} is a {a} {occ} who loves {hobby}", "being {a} is part of who i am", "i met a {a} {p} at the conference today",
        "the {a} {p} at the bakery is always friendly", "there are {a} students in my class", "we invited our {a} friends to the party",
        "my grandmother is {a} and she makes the best soup", "i'm proud to be {a}",
    ]
    slots = {
        "a": IDENTITY_ADJ, "p": PERSON, "r": RELATION, "g": GROUPS,
        "occ": ["nurse", "teacher", "programmer", "lawyer", "farmer", "chef", "pilot", "pharmacist", "carpenter", "librarian"],
        "hobby": ["gardening", "chess", "hiking", "painting", "cooking", "football", "reading novels", "photography"],
        "n": ["Sara", "Ahmed", "Maria", "Kenji", "David", "Aisha", "Tom", "Priya", "Olu", "Lena", "Miguel", "Yusuf"],
    }
    out = _fill(rng, tpl, slots, 900)
    # balanced counterfactual block: every identity adjective / group gets the same number of
    # everyday sentences (frames disjoint from the eval-only probe frames below)
    frames_a = [
        "my {r} is a {a} {p} who {act}", "i {did} with my {a} {r} yesterday", "a {a} {p} {achv}",
        "the {a} {p} next to me on the train {act2}", "our {a} {r} invited us for dinner on friday",
        "{n} is {a} and {act}", "there is a {a} {p} in my book club who {act}", "my {a} {r} just got a new puppy",
        "i'm {a} and i {act}", "we hired a {a} {p} for the new project", "{pr} is a {a} {p}", "{pr} is {a}",
        "{pr} is a {a} {p} from {city}",
    ]
    frames_g = [
        "{g} {pred}", "lots of {g} {act3}", "i have many friends who are {g}", "{g} are welcome in our community",
        "our school teaches students about the history of {g}",
    ]
    act = ["teaches piano", "runs a small bakery", "coaches the youth football team", "loves gardening",
           "works as a nurse", "fixes old bicycles", "volunteers at the library", "writes science fiction novels",
           "plays chess every sunday", "studies chemistry at the university"]
    slots2 = dict(slots, act=act, pr=["he", "she", "they said he", "my friend said she"],
                  city=["toronto", "lagos", "manila", "leeds", "osaka", "lima"], did=["went shopping", "played tennis", "had coffee", "watched a film", "went hiking"],
                  achv=["won the science award this year", "gave a great talk at the conference", "opened a new cafe downtown",
                        "helped me carry my groceries", "fixed my car in an hour"],
                  act2=["was reading a thick novel", "offered me their seat", "was knitting a scarf", "was on a phone call"],
                  pred=["run businesses, raise families and pay taxes like everyone else", "have made huge contributions to music",
                        "are doctors, teachers, artists and engineers", "come from many different backgrounds"],
                  act3=["celebrate the festival in the city centre every year", "volunteer at the food bank",
                        "play in the local football league", "work at the hospital"])
    for a in IDENTITY_ADJ:
        out += _fill(rng, frames_a, dict(slots2, a=[a]), 18)
    for g in GROUPS:
        out += _fill(rng, frames_g, dict(slots2, g=[g]), 6)
    return [(t, make_y(all_known=True)) for t in sorted(set(out))]


EVERYDAY = [
    "the weather is nice today, maybe we can have a picnic", "can you help me write an email to my landlord",
    "what is the capital of australia", "i baked cookies with my kids this afternoon", "the train was late again this morning",
    "please translate this paragraph into spanish", "my son lost his first tooth today", "we adopted a puppy from the shelter",
    "once upon a time, a small rabbit lived under a big oak tree", "the little boy built a sandcastle at the beach",
    "there was a girl who loved to paint flowers", "the children sang songs at the school concert",
    "my daughter is learning to ride her bike", "grandma read us a bedtime story about a dragon",
    "how do i reverse a linked list in python", "write a haiku about autumn leaves", "what time does the pharmacy close",
    "i'm looking for a good book about the history of japan", "the soup needs a little more salt",
    "our flight to lisbon leaves at seven", "the garden is full of tomatoes this year", "can you explain how vaccines work",
    "the kids played tag in the park until dinner", "i just finished a marathon and my legs hurt",
    "the museum has a new exhibit on ancient egypt", "let's meet at the cafe around noon", "my teenage son wants to learn the guitar",
    "the teacher gave the class a spelling test", "remember to water the plants while i'm away", "the baby giggled at the puppy",
    "thank you for your help yesterday", "the library is closed on sundays", "summarize the main points of this meeting",
    "i need a recipe for vegetarian lasagna", "she is the best doctor i have ever had", "the sunset over the lake was beautiful",
    "our neighbour's kids set up a lemonade stand", "the students went on a field trip to the zoo", "what's a good name for a goldfish",
    "he proposed to her on the beach", "the boy and his dad went fishing on saturday", "i love spending time with my nieces",
    "tell me a fun fact about octopuses", "the girls' soccer team won the championship", "bedtime is at eight on school nights",
    "the little girl hugged her teddy bear and fell asleep", "can you recommend a movie for family night",
]


def everyday():
    return [(t, make_y(all_known=True)) for t in EVERYDAY]


def everyday_generated(rng):
    """Compositional benign sentences (subject x activity x place x time, second-person requests,
    compliments, plain descriptions). Without them the harassment head learned a high prior for
    any short English sentence about a person, because most short person-centred sentences in
    the data are tweets or toxic comments."""
    subj = ["he", "she", "they", "my uncle", "the new teacher", "our neighbour", "my best friend", "the old man",
            "the young woman", "my boss", "the kids", "my grandmother", "his brother", "her sister", "the students",
            "the nurse", "my roommate", "everyone at work", "the man next door", "my girlfriend", "my husband", "you"]
    act = ["cooks pasta", "reads the newspaper", "goes jogging", "walks the dog", "paints landscapes", "sings in a choir",
           "fixes computers", "bakes bread", "takes the bus to work", "grows tomatoes", "watches old movies",
           "studies japanese", "plays football", "visits the museum", "writes poems", "listens to jazz",
           "drinks green tea", "repairs old clocks", "swims in the lake", "builds model trains", "feeds the birds",
           "plays the guitar in a band", "rides a bike to school", "knits warm scarves", "collects stamps"]
    where = ["", " at home", " in the park", " downtown", " with friends", " near the river", " at the community centre",
             " in the garden", " at the library", " on the balcony"]
    when = ["", " every morning", " on weekends", " after dinner", " in the summer", " twice a week", " on sundays",
            " before work", " when it rains"]
    out = _fill(rng, ["{s} {a}{w}{t}"], {"s": subj, "a": act, "w": where, "t": when}, 1200)
    you = ["you are a {pos} {role}", "you look {look} today", "you did a {pos} job on the report",
           "you can find the keys in the kitchen drawer", "you should try the new pizza place on main street",
           "you are welcome to join us for dinner", "you were right about the weather", "thank you for being such a {pos} {role}",
           "you have a {pos} sense of humour", "could you send me the slides from the meeting",
           "you need to turn left after the bridge", "you sing really well", "he is a {pos} {role}", "she is a {pos} {role}",
           "he is a {role}", "she is a {role}", "they are {pos} {role}s", "my {role} is the {pos}est"]
    out += _fill(rng, you, {"pos": ["great", "kind", "wonderful", "lovely", "smart", "funny", "brilliant", "good", "talented"],
                            "role": ["friend", "cook", "teacher", "neighbour", "colleague", "father", "mother", "player",
                                     "student", "listener", "driver", "writer"],
                            "look": ["happy", "rested", "great", "nice"]}, 250)
    desc = ["{s} {be} tall and {adj}", "{s} {be} wearing a red jacket", "{s} {be} from a small town in the north",
            "{s} {be} a little tired after the trip", "{s} {be} learning to play the piano",
            "{s} {be} at the dentist right now", "{s} {be} very good at maths", "{s} {be} running late for the meeting"]
    out += _fill(rng, desc, {"s": ["he", "she", "my dad", "my mom", "the boy", "the girl", "the man", "the woman", "my son",
                                   "my daughter", "the baby", "my teacher"],
                             "be": ["is"], "adj": ["friendly", "quiet", "cheerful", "shy", "patient"]}, 150)
    return [(t, make_y(all_known=True)) for t in out]


def short_everyday(rng):
    """Greetings, fragments and single everyday words. Without them the model had never seen a benign text of one
    to three tokens and scored bare words such as "hello" as hate: in the data, very short texts are mostly insults."""
    greetings = ["hello", "hi", "hey", "hello there", "hi there", "good morning", "good evening", "good night", "thanks",
                 "thank you", "thanks a lot", "ok", "okay", "yes", "no", "sure", "please", "sorry", "bye", "see you",
                 "welcome", "cheers", "congratulations", "happy birthday", "nice to meet you", "how are you",
                 "what's up", "test", "testing", "testing 123", "ping", "hello world", "count me in", "me too"]
    words = ["table", "water", "music", "garden", "window", "coffee", "river", "book", "pencil", "story", "rocks",
             "question", "answer", "weather", "holiday", "kitchen", "bicycle", "summer", "winter", "teacher", "doctor",
             "computer", "phone", "letter", "market", "bread", "apple", "mountain", "ocean", "forest", "school",
             "travel", "dinner", "breakfast", "homework", "meeting", "report", "invoice", "order", "delivery", "load",
             "plain", "stream", "upstream", "heard", "busy", "ordinary", "request", "sample", "example", "number"]
    out = list(greetings)
    out += [f"{g}{p}" for g in greetings for p in ("!", ".", "?", ",") if rng.random() < 0.35]
    out += [f"{g} {n}" for g in ("hello", "hi", "hey", "thanks", "dear") for n in ("anna", "tom", "everyone", "team", "friend", "sir")]
    out += _fill(rng, ["{w}", "{w} {n}", "the {w}", "a {adj} {w}", "{w} and {w2}", "my {w}", "{n} {w}s"],
                 {"w": words, "w2": words, "n": [str(i) for i in range(0, 40)], "adj": ["pleasant", "small", "new", "quick", "simple"]}, 600)
    return [(t, make_y(all_known=True)) for t in sorted(set(out))]


def training_examples():
    rng = random.Random(SEED)
    out = []
    for name, fn in (("self-harm", self_harm), ("violence", violence), ("sexual", sexual), ("hate", hate),
                     ("identity-neutral", identity_neutral)):
        for text, y in fn(rng):
            src = "seeds-identity" if name == "identity-neutral" else "seeds"
            out.append(ex(text, _later_labels(text, y), src, "train", w=1.0, seed_group=name))
    for text, y in everyday():
        out.append(ex(text, y, "seeds", "train", w=1.0, seed_group="everyday"))
    for text, y in everyday_generated(rng):
        out.append(ex(text, y, "seeds-everyday", "train", w=1.0, seed_group="everyday-generated"))
    for text, y in short_everyday(rng):
        out.append(ex(text, y, "seeds-everyday", "train", w=1.0, seed_group="short-everyday"))
    return out


# ----------------------------------------------------------------------------- eval only
PROBE_FRAMES = [
    "My neighbour is a {a} {p} who teaches math.",
    "A {a} family moved in next door and brought us cookies.",
    "I had lunch with my {a} coworker today.",
    "Our new doctor is {a} and very thorough.",
    "The {a} {p} at the front desk helped me find my room.",
    "She is {a} and she loves hiking with her dog.",
    "He is a {a} {p} and he plays the violin in an orchestra.",
    "We watched a documentary about {a} artists last night.",
]
PROBE_PERSON = ["woman", "man"]


def identity_probe_eval(identity_terms):
    """Eval-only probe: neutral sentences in frames never used for training, one per
    (frame, identity term, person). All labels should be 0."""
    out = []
    for term in identity_terms:
        for frame in PROBE_FRAMES:
            for p in (PROBE_PERSON if "{p}" in frame else [None]):
                t = frame.replace("{a}", term)
                if p:
                    t = t.replace("{p}", p)
                out.append(ex(t, make_y(all_known=True), "identity-probe", "test", identity=term))
    return out
