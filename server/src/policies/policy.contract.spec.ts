import {
  ApplicationStatus,
  classifierThresholdsResponseSchema,
  MODERATION_CATEGORIES,
  policyPatchSchema as policyPatchShape,
  policyResponseSchema,
} from '../contracts';
import { toClassifierThresholdsResponse, toPolicyResponse } from '../applications/applications.dto';
import type { EffectiveThresholds } from '../applications/effective-thresholds';
import { defaultPolicy } from './policy.defaults';
import { applyPolicyPatch, policyPatchSchema } from './policy.schema';

function effective(): EffectiveThresholds {
  return Object.fromEntries(
    MODERATION_CATEGORIES.map((category) => [
      category,
      {
        input: { threshold: 0.4, source: 'calibrated', calibrated: 0.5, scale: 0.8 },
        output: { threshold: 0.9, source: 'policy', calibrated: 0.5, scale: 0.8 },
      },
    ]),
  ) as EffectiveThresholds;
}

describe('policy contract', () => {
  const patch = policyPatchSchema.parse({
    categories: { harassment: { input: { threshold: 0.3, action: 'block' } } },
    blocklist: { patterns: ['ab{1,3}c'] },
    rateLimits: { applicationRequestsPerMinute: 20 },
  });

  it('accepts a policy as the server answers it: every default, a patch, the thresholds in force', () => {
    for (const status of [ApplicationStatus.Sandbox, ApplicationStatus.Live]) {
      const response = toPolicyResponse({
        applicationId: '6c1d0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
        applicationName: 'Support bot',
        applicationStatus: status,
        rules: applyPolicyPatch(defaultPolicy(status), patch),
        patch,
        effective: effective(),
      });
      expect(policyResponseSchema.parse(response).rules.rateLimits.applicationRequestsPerMinute).toBe(20);
    }
  });

  it('refuses rules missing a part the server always has, and an action no policy has', () => {
    const { strikes: _strikes, ...rules } = defaultPolicy('live');
    const base = {
      id: '6c1d0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
      applicationName: 'Support bot',
      applicationStatus: 'live',
      patch: {},
      effective: effective(),
    };
    expect(policyResponseSchema.safeParse({ ...base, rules: defaultPolicy('live') }).success).toBe(true);
    expect(policyResponseSchema.safeParse({ ...base, rules }).success).toBe(false);
    expect(policyPatchShape.safeParse({ categories: { hate: { input: { action: 'ban' } } } }).success).toBe(
      false,
    );
  });

  it('is the same patch shape on both sides; only the server compiles the patterns', () => {
    const unbounded = { blocklist: { patterns: ['a+'] } };
    expect(policyPatchShape.safeParse(unbounded).success).toBe(true);
    expect(policyPatchSchema.safeParse(unbounded).success).toBe(false);
    expect(policyPatchShape.safeParse({ categories: { 'not-a-category': {} } }).success).toBe(false);
  });

  it('lets strike points fade by a half-life of the policy, or never', () => {
    expect(defaultPolicy('live').strikes.halfLifeHours).toBe(3);
    const never = applyPolicyPatch(
      defaultPolicy('live'),
      policyPatchSchema.parse({ strikes: { halfLifeHours: null } }),
    );
    expect(never.strikes).toMatchObject({ throttleAt: 15, halfLifeHours: null });
    const hourly = applyPolicyPatch(
      defaultPolicy('live'),
      policyPatchSchema.parse({ strikes: { halfLifeHours: 1 } }),
    );
    expect(hourly.strikes).toMatchObject({ throttleAt: 15, blockAt: 30, halfLifeHours: 1 });
    for (const halfLifeHours of [0, -1, 100_000, '24']) {
      expect(policyPatchShape.safeParse({ strikes: { halfLifeHours } }).success).toBe(false);
    }
  });

  it('accepts the classifier thresholds answer', () => {
    const response = toClassifierThresholdsResponse({
      classifier: 'warden-moderation-v2.3',
      sentenceMargin: { input: 0.5, output: 2 },
      liveScale: 1,
      sandboxScale: 0.8,
      categories: [
        {
          category: 'hate',
          calibrated: 0.5,
          live: { input: 0.5, output: 0.5 },
          sandbox: { input: 0.4, output: 0.4 },
        },
      ],
    });
    expect(classifierThresholdsResponseSchema.parse(response)).toEqual(response);
    expect(
      classifierThresholdsResponseSchema.safeParse({ ...response, categories: [{ category: 'spam' }] })
        .success,
    ).toBe(false);
  });
});
