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
