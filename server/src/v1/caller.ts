import { Injectable } from '@nestjs/common';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApplicationEntity, ApplicationStatus } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { EndUserStatus } from '../end-users/strikes';
import { ModelCaller } from '../inference/model-registry';
import { RateBudget, rateBudgets } from '../limits/rate-limiter';
import { PoliciesService } from '../policies/policies.service';
import { PolicyRules } from '../policies/policy.types';
import { ResearchGrantsService } from '../research-grants/research-grants.service';
import { applyResearchProfile, assertGrantActive, ResearchTerms } from '../research-grants/research-terms';
import { ApplicationKind } from '../contracts';

/** Who is calling a /v1 route and what they are held to. */
export interface Caller {
  key: ApiKeyEntity;
  application: ApplicationEntity;
  policy: PolicyRules;
  /** A sandbox key: held to sandbox defaults and budgets even when its application is live. */
  sandboxKey: boolean;
  /** The grant's terms when the key is a research application's; its profile is already in `policy`. */
  research: ResearchTerms | null;
}

/** Stages 1 and 2 of every /v1 route: authenticate the key, resolve its application's state and policy. */
@Injectable()
export class CallerResolver {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly applications: ApplicationsService,
    private readonly policies: PoliciesService,
    private readonly researchGrants: ResearchGrantsService,
  ) {}

  async resolveCaller(authorization: string | undefined): Promise<Caller> {
    const found = await this.apiKeys.authenticate(authorization);
    this.applications.assertMayCall(found.application);
    const sandboxKey = this.apiKeys.policyStatus(found) === ApplicationStatus.Sandbox;
    const policy = await this.policies.resolve(found.application, { sandboxKey });
    if (found.application.kind !== ApplicationKind.Research) {
      return { key: found.key, application: found.application, policy, sandboxKey, research: null };
    }
    const research = await this.researchGrants.termsFor(found.application);
    assertGrantActive(research);
    return {
      key: found.key,
      application: found.application,
      policy: applyResearchProfile(policy, research.profile),
      sandboxKey,
      research,
    };
  }
}

/** The key, application and (when named) end-user budgets a caller draws on. */
export function callerBudgets(
  caller: Caller,
  endUser: { id: string; status: EndUserStatus } | null,
): RateBudget[] {
  return rateBudgets(caller.policy.rateLimits, {
    keyId: caller.key.id,
    applicationId: caller.application.id,
    sandboxKey: caller.sandboxKey,
    endUser: endUser?.id ?? null,
    throttledRequestsPerMinute:
      endUser?.status === EndUserStatus.Throttled ? caller.policy.strikes.throttledRequestsPerMinute : null,
  });
}

/** What the model registry needs to decide whether a caller may use a model (fine-tuned models under review). */
export function modelCaller(caller: Caller): ModelCaller {
  return { organizationId: caller.application.organizationId, sandboxKey: caller.sandboxKey };
}
