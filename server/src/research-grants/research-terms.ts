import { ModerationAction, ModerationCategory } from '../moderation/moderation.types';
import { PolicyRules } from '../policies/policy.types';
import { GrantStatus, ResearchProfile, ResearchQuotas } from '../contracts';
import { ResearchGrantNotActiveError, ResearchParameterError } from './research-grants.errors';

/** What a /v1 call under a research grant is held to, besides its application's policy. */
export interface ResearchTerms {
  grantId: string;
  status: GrantStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  quotas: ResearchQuotas;
  profile: ResearchProfile;
}

/** The profile's observe-only categories are logged and never acted on, in both directions. */
export function applyResearchProfile(policy: PolicyRules, profile: ResearchProfile): PolicyRules {
  if (profile.observeOnlyCategories.length === 0) {
    return policy;
  }
  const categories = { ...policy.categories };
  for (const name of profile.observeOnlyCategories) {
    const category = categories[name as ModerationCategory];
    if (category) {
      categories[name as ModerationCategory] = {
        input: { ...category.input, action: ModerationAction.Observe },
        output: { ...category.output, action: ModerationAction.Observe },
      };
    }
  }
  return { ...policy, categories };
}

/** Keys outlive nothing: the grant must be running for its keys to be served. */
export function assertGrantActive(terms: ResearchTerms): void {
  if (terms.status === GrantStatus.Active) {
    return;
  }
  const when =
    terms.status === GrantStatus.Scheduled && terms.startsAt
      ? `starts at ${terms.startsAt.toISOString()}`
      : terms.status === GrantStatus.Expired && terms.endsAt
        ? `ended at ${terms.endsAt.toISOString()}; request a renewal in the portal`
        : `is ${terms.status}`;
  throw new ResearchGrantNotActiveError(`This key's research grant ${when}.`);
}

/** Research keys get `logprobs` and `echo` only where staff allowed them for the study. */
export function assertResearchParameters(
  profile: ResearchProfile,
  request: { logprobs: number | null; echo: boolean },
): void {
  if (request.logprobs !== null && !profile.allowLogprobs) {
    throw new ResearchParameterError('logprobs');
  }
  if (request.echo && !profile.allowEcho) {
    throw new ResearchParameterError('echo');
  }
}

export function withheldNotice(requestId: string): string {
  return (
    `[Warden: output withheld. This research grant is locked down: outputs stay in the request log (request ` +
    `${requestId}) and are analysed there; they are never returned by the API.]`
  );
}

/**
 * A locked-down grant's answer: the same shape, every text replaced by the notice, logprobs dropped (they would
 * spell the output out token by token). The request log keeps the real output, recorded before this runs.
 */
export function withholdOutputs<
  R extends { choices: Array<{ text: string; logprobs: unknown }>; warden?: object },
>(
  response: R,
  requestId: string,
): R & { warden: { status: 'withheld'; request_id: string; message: string } } {
  const notice = withheldNotice(requestId);
  return {
    ...response,
    choices: response.choices.map((choice) => ({ ...choice, text: notice, logprobs: null })),
    warden: { status: 'withheld', request_id: requestId, message: notice },
  };
}
