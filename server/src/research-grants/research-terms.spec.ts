import { ResearchAccessErrorCode } from './research-grants.errors';
import { ApplicationStatus, DEFAULT_RESEARCH_PROFILE, grantStatus, GrantStatus } from '../contracts';
import { ModerationAction } from '../moderation/moderation.types';
import { defaultPolicy } from '../policies/policy.defaults';
import {
  applyResearchProfile,
  assertGrantActive,
  assertResearchParameters,
  ResearchTerms,
  withholdOutputs,
} from './research-terms';

const DAY_MS = 24 * 3600 * 1000;
const now = new Date('2026-06-01T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * DAY_MS);

describe('grantStatus', () => {
  const base = { approved: true, closed: false, startsAt: days(-1), endsAt: days(1) };

  it('reads the status from the review and the dates', () => {
    expect(grantStatus(base, now)).toBe(GrantStatus.Active);
    expect(grantStatus({ ...base, approved: false }, now)).toBe(GrantStatus.Pending);
    expect(grantStatus({ ...base, endsAt: null }, now)).toBe(GrantStatus.Pending);
    expect(grantStatus({ ...base, startsAt: days(1), endsAt: days(2) }, now)).toBe(GrantStatus.Scheduled);
    expect(grantStatus({ ...base, endsAt: now }, now)).toBe(GrantStatus.Expired);
    expect(grantStatus({ ...base, closed: true }, now)).toBe(GrantStatus.Closed);
  });
});

describe('research profile', () => {
  const policy = defaultPolicy(ApplicationStatus.Live);

  it('turns observe-only categories into observe in both directions and leaves the others', () => {
    const applied = applyResearchProfile(policy, {
      ...DEFAULT_RESEARCH_PROFILE,
      observeOnlyCategories: ['violence'],
    });
    expect(applied.categories.violence.input.action).toBe(ModerationAction.Observe);
    expect(applied.categories.violence.output.action).toBe(ModerationAction.Observe);
    expect(applied.categories.violence.input.threshold).toBe(policy.categories.violence.input.threshold);
    expect(applied.categories.hate).toEqual(policy.categories.hate);
    expect(policy.categories.violence.input.action).not.toBe(ModerationAction.Observe);
  });

  it('refuses logprobs and echo unless the profile allows them', () => {
    const profile = DEFAULT_RESEARCH_PROFILE;
    expect(() => assertResearchParameters(profile, { logprobs: 0, echo: false })).toThrow(
      expect.objectContaining({ code: ResearchAccessErrorCode.ParameterNotAllowed, param: 'logprobs' }),
    );
    expect(() => assertResearchParameters(profile, { logprobs: null, echo: true })).toThrow(
      expect.objectContaining({ param: 'echo' }),
    );
    expect(() =>
      assertResearchParameters(
        { ...profile, allowLogprobs: true, allowEcho: true },
        { logprobs: 5, echo: true },
      ),
    ).not.toThrow();
    expect(() => assertResearchParameters(profile, { logprobs: null, echo: false })).not.toThrow();
  });

  it('replaces every text and drops logprobs when locked down', () => {
    const withheld = withholdOutputs(
      {
        id: 'cmpl-1',
        choices: [
          { text: 'secret one', logprobs: { tokens: ['secret'] } },
          { text: 'secret two', logprobs: null },
        ],
      },
      'req_abc',
    );
    expect(withheld.choices.every((choice) => !choice.text.includes('secret'))).toBe(true);
    expect(
      withheld.choices.every((choice) => choice.text.includes('req_abc') && choice.logprobs === null),
    ).toBe(true);
    expect(withheld.warden).toMatchObject({ status: 'withheld', request_id: 'req_abc' });
  });

  it('serves a grant only between its dates', () => {
    const terms: ResearchTerms = {
      grantId: 'g',
      status: GrantStatus.Expired,
      startsAt: days(-10),
      endsAt: days(-1),
      quotas: { requestsPerDay: null, tokensPerDay: null, requestsTotal: null, tokensTotal: null },
      profile: DEFAULT_RESEARCH_PROFILE,
    };
    expect(() => assertGrantActive(terms)).toThrow(/ended at .*renewal/);
    expect(() => assertGrantActive({ ...terms, status: GrantStatus.Active })).not.toThrow();
  });
});
