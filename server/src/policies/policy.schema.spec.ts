import { defaultPolicy } from './policy.defaults';
import { applyPolicyPatch, policyPatchSchema, policyProblems } from './policy.schema';

describe('the fine-tuning part of the policy', () => {
  it('defaults to failing files above 2 % flagged and sending any flagged file to staff', () => {
    expect(defaultPolicy('live').fineTuning).toEqual({ maxFlaggedShare: 0.02, reviewAboveShare: 0 });
  });

  it('patches one field and keeps the other', () => {
    const patch = policyPatchSchema.parse({ fineTuning: { reviewAboveShare: 0.01 } });
    expect(applyPolicyPatch(defaultPolicy('live'), patch).fineTuning).toEqual({
      maxFlaggedShare: 0.02,
      reviewAboveShare: 0.01,
    });
  });

  it('refuses shares outside 0–1, unknown fields, and a review band above the failing limit', () => {
    expect(policyPatchSchema.safeParse({ fineTuning: { maxFlaggedShare: 1.5 } }).success).toBe(false);
    expect(policyPatchSchema.safeParse({ fineTuning: { limit: 0.1 } }).success).toBe(false);
    const inverted = applyPolicyPatch(
      defaultPolicy('live'),
      policyPatchSchema.parse({ fineTuning: { maxFlaggedShare: 0.01, reviewAboveShare: 0.02 } }),
    );
    expect(policyProblems(inverted)).toEqual([expect.stringContaining('fineTuning.reviewAboveShare')]);
    expect(policyProblems(defaultPolicy('sandbox'))).toEqual([]);
  });
});

describe("the policy's margin for sentences the classifier reads alone", () => {
  it("keeps the model's own by default; a patch sets one direction, keeps the other, and null resets", () => {
    const base = defaultPolicy('live');
    expect(base.classifierSentenceMargin).toEqual({ input: null, output: null });
    const set = applyPolicyPatch(base, policyPatchSchema.parse({ classifierSentenceMargin: { input: 3 } }));
    expect(set.classifierSentenceMargin).toEqual({ input: 3, output: null });
    const kept = applyPolicyPatch(set, policyPatchSchema.parse({ classifierSentenceMargin: { output: 1 } }));
    expect(kept.classifierSentenceMargin).toEqual({ input: 3, output: 1 });
    const reset = applyPolicyPatch(
      kept,
      policyPatchSchema.parse({ classifierSentenceMargin: { input: null } }),
    );
    expect(reset.classifierSentenceMargin).toEqual({ input: null, output: 1 });
  });

  it('refuses a margin below 0 or above 10 logits', () => {
    expect(policyPatchSchema.safeParse({ classifierSentenceMargin: { input: -1 } }).success).toBe(false);
    expect(policyPatchSchema.safeParse({ classifierSentenceMargin: { output: 11 } }).success).toBe(false);
  });
});
