"""Documented rules for the two categories with almost no labelled data, baked into the exported ONNX graph.

sexual/minors:    score = max(head, sexual score if the text contains a MINOR_TERMS word)
violence/graphic: score = max(head, violence score if the text contains a GORE_TERMS word)

Each term is a whole WordPiece token (train.py forces them into the vocabulary), so the rule is a fixed
per-token flag, max-pooled over the text: no code outside the model is needed and any server that runs the
ONNX model gets the same scores. The rule's output is then held to that category's own threshold.
Deliberately absent: number words ("twelve years married"), "torn", "bones", "girl", "boy", "little", "daughter", "son" (adult and everyday uses dominate; the default
model's own stories are about little girls and boys) and number-plus-"year old" patterns (not single tokens).
"""

MINOR_TERMS = [
    "child", "children", "childs", "kid", "kids", "minor", "minors", "underage", "underaged", "preteen", "preteens",
    "prepubescent", "toddler", "toddlers", "infant", "infants", "schoolgirl", "schoolgirls", "schoolboy",
    "schoolboys", "loli", "lolita", "lolicon", "shota", "pedo", "pedophile", "pedophiles", "paedophile",
    "pedophilia", "paedophilia", "teen", "teens", "teenage", "teenager", "teenagers", "jailbait", "cp",
    "10yo", "11yo", "12yo", "13yo", "14yo", "15yo",
    "16yo", "17yo",
]
GORE_TERMS = [
    "blood", "bloody", "bleeding", "bled", "gore", "gory", "guts", "intestines", "entrails", "innards",
    "dismember", "dismembered", "dismembering", "decapitate", "decapitated", "decapitation", "beheaded",
    "beheading", "mutilate", "mutilated", "mutilation", "disembowel", "disemboweled", "severed", "gouged",
    "corpse", "corpses", "splattered", "skull", "flesh", "maggots", "mangled",
    "eviscerated", "flayed",
]
