import {
  adminApplicationResponseSchema,
  ApiKeyKind,
  appliedResponseSchema,
  applySchema,
  ApplicationStatus,
  bulkDecisionResponseSchema,
  Decision,
  decisionResultResponseSchema,
  KeyEnforcementReason,
  portalApplicationResponseSchema,
  Questionnaire,
  ReviewState,
} from '../contracts';
import { errorCatalog } from '../error-catalog';
import type { IssuedApplicationKey } from './application-keys';
import { ApplicationDecisionEntity } from './application-decision.entity';
import { ApplicationEntity } from './application.entity';
import { ApplicationReviewError } from './applications.errors';
import {
  toAdminApplicationResponse,
  toAppliedResponse,
  toBulkDecisionResponse,
  toDecisionResultResponse,
  toPortalApplicationResponse,
} from './applications.dto';
import type { ApplicationRow } from './applications.repository';
import { RiskTier } from './risk-tier';

const applicationId = '4f2a0c55-3f0e-4c61-b1d7-7a3c0e9f0a01';
const questionnaire = (): Questionnaire => ({
  useCaseCategory: 'customer-support',
  useCaseDescription: 'Answers questions about orders and returns.',
  openEndedness: 'mixed',
  endUsers: 'Signed-in customers',
  audienceSize: 'medium',
  humanInTheLoop: false,
  endUserAuthentication: true,
  misuseHandling: 'Flagged conversations are reviewed by the support lead daily.',
  inputLength: 500,
  outputLength: 300,
  expectedVolume: 2000,
});

const row = (): ApplicationRow => ({
  id: applicationId,
  name: 'Support bot',
  organizationId: '4f2a0c55-3f0e-4c61-b1d7-7a3c0e9f0a02',
  organizationName: 'Acme',
  status: ApplicationStatus.Live,
  kind: 'product',
  reviewState: ReviewState.Approved,
  riskTier: RiskTier.Medium,
  riskReasons: ['customer-facing'],
  questionnaire: questionnaire(),
  submittedAt: new Date('2026-11-01T10:00:00Z'),
  reReviewAt: null,
  createdAt: new Date('2026-11-01T09:00:00Z'),
  updatedAt: new Date('2026-11-02T09:00:00Z'),
  enforcedAt: new Date('2026-11-02T12:00:00Z'),
  enforcementCategory: KeyEnforcementReason.SuspectedCompromise,
  enforcementReason: 'key posted publicly',
});

const decision = (): ApplicationDecisionEntity =>
  Object.assign(new ApplicationDecisionEntity(), {
    id: '4f2a0c55-3f0e-4c61-b1d7-7a3c0e9f0a03',
    applicationId,
    decision: Decision.Approve,
    reviewerId: '4f2a0c55-3f0e-4c61-b1d7-7a3c0e9f0a04',
    reviewerEmail: 'reviewer@example.com',
    checklist: { useCaseAcceptable: true, mitigationsAdequate: true },
    rationale: 'Low risk, mitigations in place.',
    reReviewAt: new Date('2027-05-01T00:00:00Z'),
    fromReviewState: ReviewState.InReview,
    toReviewState: ReviewState.Approved,
    fromStatus: ApplicationStatus.Sandbox,
    toStatus: ApplicationStatus.Live,
    createdAt: new Date('2026-11-02T09:00:00Z'),
  });

const entity = (): ApplicationEntity =>
  Object.assign(new ApplicationEntity(), {
    ...row(),
    keysExpireBy: null,
    createdBy: null,
  });

const issuedKey = (kind: ApiKeyKind): IssuedApplicationKey => ({
  key: { id: '4f2a0c55-3f0e-4c61-b1d7-7a3c0e9f0a05', name: `${kind} key`, prefix: 'wk_live_ab12', kind },
  secret: 'wk_live_ab12.secret',
});

describe('application contract', () => {
  it('accepts the staff view with its decisions and enforcement', () => {
    const parsed = adminApplicationResponseSchema.parse(toAdminApplicationResponse(row(), [decision()]));
    expect(parsed.decisions?.[0]).toMatchObject({ decision: 'approve', at: '2026-11-02T09:00:00.000Z' });
    expect(parsed.enforcement).toMatchObject({
      category: 'suspected_compromise',
      reason: 'key posted publicly',
    });
  });

  it('accepts a decision result, which carries no key, and a bulk answer', () => {
    const outcome = { application: row(), decisions: [decision()] };
    const result = decisionResultResponseSchema.parse(toDecisionResultResponse(outcome));
    expect(JSON.stringify(result)).not.toContain('secret');
    const bulk = toBulkDecisionResponse(
      [
        { id: applicationId, ok: true, outcome },
        {
          id: '4f2a0c55-3f0e-4c61-b1d7-7a3c0e9f0a06',
          ok: false,
          error: ApplicationReviewError.invalidTransition('approve', 'submitted', 'sandbox'),
        },
      ],
      errorCatalog,
    );
    expect(bulkDecisionResponseSchema.parse(bulk).failed[0].statusCode).toBe(409);
  });

  it('shows developers the outcome of decisions but not who decided', () => {
    const portal = portalApplicationResponseSchema.parse(toPortalApplicationResponse(entity(), [decision()]));
    expect(portal.feedback?.[0]).toEqual({
      decision: 'approve',
      rationale: 'Low risk, mitigations in place.',
      reReviewAt: '2027-05-01T00:00:00.000Z',
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(
      portalApplicationResponseSchema.safeParse({
        ...portal,
        feedback: [{ ...portal.feedback![0], reviewerEmail: 'reviewer@example.com' }],
      }).success,
    ).toBe(false);
    expect(
      appliedResponseSchema.parse(toAppliedResponse(entity(), issuedKey('sandbox'))).sandboxKey.kind,
    ).toBe('sandbox');
  });

  it('refuses the entity itself, and a review state the server does not have', () => {
    expect(portalApplicationResponseSchema.safeParse(entity()).success).toBe(false);
    const admin = toAdminApplicationResponse(row());
    expect(adminApplicationResponseSchema.safeParse({ ...admin, reviewState: 'suspended' }).success).toBe(
      false,
    );
    expect(adminApplicationResponseSchema.safeParse({ ...admin, riskTier: 'extreme' }).success).toBe(false);
  });

  it('validates an application with the questionnaire the console and the portal share', () => {
    expect(applySchema.safeParse({ name: 'Support bot', questionnaire: questionnaire() }).success).toBe(true);
    expect(
      applySchema.safeParse({
        name: 'Support bot',
        questionnaire: { ...questionnaire(), audienceSize: 'huge' },
      }).success,
    ).toBe(false);
  });
});
