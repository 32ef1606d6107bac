import { listContract } from '../common/list-query';
import { GRANT_STATUSES, RENEWAL_STATES, ResearchGrantView } from '../contracts';
import type { AttachedBiasRun, ResearchGrantRow } from './research-grants.repository';
import type { QuotaUsage } from './research-quota';

/** What staff may sort and filter grants by; `status` is read from the review and the dates. */
export const RESEARCH_GRANT_LIST = listContract({
  resource: 'research-grants',
  sortable: ['id', 'name', 'organizationName', 'status', 'startsAt', 'endsAt', 'renewalState', 'createdAt'],
  defaultSort: { field: 'endsAt', order: 'ASC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    organizationId: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: GRANT_STATUSES },
    renewalState: { kind: 'values', type: 'text', allowed: RENEWAL_STATES },
    q: { kind: 'text' },
  },
});
export type ResearchGrantSortField = (typeof RESEARCH_GRANT_LIST.sortable)[number];
export type ResearchGrantFilterField = keyof typeof RESEARCH_GRANT_LIST.filters;

/** The shape is shared with the console (contracts/src/research.ts). */
export type ResearchGrantResponse = ResearchGrantView;

const DAY_MS = 24 * 3600 * 1000;

export function toResearchGrantResponse(
  row: ResearchGrantRow,
  now: Date,
  detail?: { usage: QuotaUsage; biasRuns: AttachedBiasRun[] },
): ResearchGrantResponse {
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    reviewState: row.reviewState,
    status: row.status,
    questionnaire: row.questionnaire,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    daysLeft: row.endsAt ? Math.floor((row.endsAt.getTime() - now.getTime()) / DAY_MS) : null,
    quotas: row.quotas,
    profile: row.profile,
    renewal: {
      state: row.renewalState,
      requestedEndsAt: row.renewalRequestedEndsAt?.toISOString() ?? null,
      reason: row.renewalReason,
      requestedAt: row.renewalRequestedAt?.toISOString() ?? null,
      decidedAt: row.renewalDecidedAt?.toISOString() ?? null,
      rationale: row.renewalRationale,
      count: row.renewals,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(detail
      ? {
          usage: detail.usage,
          biasRuns: detail.biasRuns.map((run) => ({
            id: run.id,
            status: run.status,
            model: run.model,
            probeSets: run.probeSets,
            createdAt: run.createdAt.toISOString(),
            finishedAt: run.finishedAt?.toISOString() ?? null,
            attachedAt: run.attachedAt.toISOString(),
          })),
        }
      : {}),
  };
}
