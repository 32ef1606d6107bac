"""Three disjoint pools of template text for one harm and its look-alikes, as functional test suites write them
(threats.py, sexual.py): a training pool, a calibration pool (look-alikes only: thresholds) and an evaluation pool
(both kinds: bench/moderation-quality.py only). Each pool has its own frames and slot words and its own random
stream; words every pool must share (a threat's core verbs) are passed as shared slots. A text one pool shares with
a later one (after norm_for_overlap) is dropped from the earlier pool, so no training text is ever evaluated."""
import random

from common import draw_distinct, norm_for_overlap

ORDER = ("training", "calibration", "evaluation")


class TemplatePools:
    def __init__(self, pools, sizes, harmful_groups, benign_groups, finish, shared_slots=None, verbatim=(),
                 verbatim_benign=(), common_slots=()):
        """pools: {which: (spec with "slots" and "frames", seed)}; sizes: {which: (n_harmful, n_benign)};
        finish(rng, text): the text as typed (ending, case), drawing from the pool's stream; shared_slots: {slot:
        words} every pool draws from; verbatim, verbatim_benign: (text, group) pairs of the finding, harmful and
        benign, kept in the evaluation pool as typed; common_slots: slot names whose words may repeat across pools (how anyone writes, e.g. "I will")."""
        self.pools, self.sizes = pools, sizes
        self.harmful_groups, self.benign_groups = harmful_groups, benign_groups
        self.finish, self.shared_slots = finish, shared_slots or {}
        self.verbatim = {"harmful": list(verbatim), "benign": list(verbatim_benign)}
        self.common_slots = set(common_slots)
        self._cache = {}

    def _generate(self, spec, seed, groups, n):
        """Up to n distinct (text, group) pairs, about n / len(groups) per group."""
        rng = random.Random(seed)
        slots = {k: (lambda v=v: rng.choice(v)) for k, v in spec["slots"].items()}
        slots.update({k: (lambda v=v: rng.choice(v)) for k, v in self.shared_slots.items()})
        out, seen = [], set()
        for i, group in enumerate(groups):
            want = n // len(groups) + (1 if i < n % len(groups) else 0)
            kept = draw_distinct(rng, spec["frames"][group], slots, want, seen, lambda s: self.finish(rng, s))
            out += [(t, group) for t in kept]
        return sorted(out)

    def pool(self, which):
        """{'harmful': [(text, group)], 'benign': [...]}: a pool's texts, minus any text a later pool also writes."""
        if which not in self._cache:
            spec, seed = self.pools[which]
            n_harmful, n_benign = self.sizes[which]
            kinds = {"harmful": self._generate(spec, seed, self.harmful_groups, n_harmful) if n_harmful else [],
                     "benign": self._generate(spec, seed + 1, self.benign_groups, n_benign)}
            if which == "evaluation":
                typed = {norm_for_overlap(t) for pairs in self.verbatim.values() for t, _ in pairs}
                for kind, pairs in self.verbatim.items():
                    if pairs:
                        kinds[kind] = sorted([p for p in kinds[kind] if norm_for_overlap(p[0]) not in typed] + pairs)
            later = ORDER[ORDER.index(which) + 1:]
            banned = {norm_for_overlap(t) for w in later for pairs in self.pool(w).values() for t, _ in pairs}
            self._cache[which] = {k: [(t, g) for t, g in v if norm_for_overlap(t) not in banned]
                                  for k, v in kinds.items()}
        return self._cache[which]

    def check(self, sample=4):
        """The pools share no frame, no pool-specific slot word and no text; prints each pool's size and a sample."""
        for a in range(len(ORDER)):
            for b in range(a + 1, len(ORDER)):
                pa, pb = self.pools[ORDER[a]][0], self.pools[ORDER[b]][0]
                for group in self.harmful_groups + self.benign_groups:
                    shared = set(pa["frames"].get(group, [])) & set(pb["frames"].get(group, []))
                    assert not shared, (ORDER[a], ORDER[b], group, shared)
                for slot in pa["slots"]:
                    if slot in self.common_slots:
                        continue
                    shared = set(pa["slots"][slot]) & set(pb["slots"].get(slot, []))
                    assert not shared, (ORDER[a], ORDER[b], slot, shared)
        pools = {w: self.pool(w) for w in ORDER}
        for a in range(len(ORDER)):
            for b in range(a + 1, len(ORDER)):
                ta = {norm_for_overlap(t) for v in pools[ORDER[a]].values() for t, _ in v}
                tb = {norm_for_overlap(t) for v in pools[ORDER[b]].values() for t, _ in v}
                assert not ta & tb, (ORDER[a], ORDER[b], sorted(ta & tb)[:5])
        for w in ORDER:
            for kind, pairs in pools[w].items():
                print(f"{w:12s} {kind:8s} {len(pairs):5d} texts, groups {sorted({g for _, g in pairs})}")
        rng = random.Random(0)
        for w in ORDER:
            for kind, pairs in pools[w].items():
                for t, g in rng.sample(pairs, min(sample, len(pairs))):
                    print(f"  {w[:5]} {kind[:4]} {g:13s} {t}")
