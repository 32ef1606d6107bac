import { z } from 'zod';

/**
 * The academic access program: a research application is an application of kind `research` (reviewed in the same
 * workflow as products) with one research grant holding its questionnaire, dates, quotas and policy profile.
 */
export const ApplicationKind = {
  Product: 'product',
  Research: 'research',
} as const;
export type ApplicationKind = (typeof ApplicationKind)[keyof typeof ApplicationKind];
export const APPLICATION_KINDS = Object.values(ApplicationKind);

/** What a reviewer attests before approving a research application; every item must be answered yes. */
export const RESEARCH_CHECKLIST_ITEMS = [
  'researchQuestionLegitimate',
  'institutionVerified',
  'ethicsApprovalChecked',
  'dataHandlingAdequate',
  'profileFitsStudy',
] as const;
export type ResearchChecklistItem = (typeof RESEARCH_CHECKLIST_ITEMS)[number];

export const RESEARCH_CHECKLIST_LABELS: Record<ResearchChecklistItem, string> = {
  researchQuestionLegitimate: 'The research question is legitimate and needs this access',
  institutionVerified: 'The institution and the researcher are verified',
  ethicsApprovalChecked: 'The IRB / ethics approval (or the reason there is none) was checked',
  dataHandlingAdequate: 'Data handling (storage, sharing, deletion) is adequate',
  profileFitsStudy: 'The grant dates, quotas and research policy profile fit the study',
};

export const researchQuestionnaireSchema = z.object({
  institution: z.string().trim().min(2).max(300),
  researchQuestion: z
    .string()
    .trim()
    .min(20, 'state the research question in at least 20 characters')
    .max(5000),
  /** Which harms or biases the study looks at. */
  harmsStudied: z.array(z.string().trim().min(2).max(200)).min(1).max(20),
  dataHandling: z.string().trim().min(20, 'describe data handling in at least 20 characters').max(5000),
  /** The IRB or ethics board's reference; required when the researcher says it is approved. */
  ethicsApprovalReference: z.string().trim().max(300).nullable().default(null),
  ethicsApproved: z.boolean(),
});
export type ResearchQuestionnaire = z.infer<typeof researchQuestionnaireSchema>;

/** `POST /portal/research/applications`. */
export const researchApplySchema = z.object({
  name: z.string().trim().min(1).max(200),
  questionnaire: researchQuestionnaireSchema.refine(
    (value) => !value.ethicsApproved || !!value.ethicsApprovalReference,
    { message: 'an approved study names its ethics approval reference', path: ['ethicsApprovalReference'] },
  ),
});

/** Research quotas: a null dimension is not limited. Per day counts UTC days. */
export const researchQuotasSchema = z.object({
  requestsPerDay: z.number().int().min(1).max(10_000_000).nullable().default(null),
  tokensPerDay: z.number().int().min(1).max(10_000_000_000).nullable().default(null),
  requestsTotal: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  tokensTotal: z.number().int().min(1).max(1_000_000_000_000).nullable().default(null),
});
export type ResearchQuotas = z.infer<typeof researchQuotasSchema>;

/**
 * What staff allow a grant beyond (or instead of) the default research policy. Research keys are refused
 * `logprobs` and `echo` unless the profile allows them; observe-only categories are logged, never acted on;
 * a locked-down grant's outputs never leave the request log (the API answers with a notice and the request id).
 */
export const researchProfileSchema = z.object({
  allowLogprobs: z.boolean().default(false),
  allowEcho: z.boolean().default(false),
  observeOnlyCategories: z.array(z.string().min(1).max(100)).max(50).default([]),
  lockedDown: z.boolean().default(false),
});
export type ResearchProfile = z.infer<typeof researchProfileSchema>;
export const DEFAULT_RESEARCH_PROFILE: ResearchProfile = researchProfileSchema.parse({});

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => new Date(value));

/** `PUT /admin/research-grants/:id`: the grant's terms. Dates change only before approval (renewal extends). */
export const grantTermsSchema = z
  .object({
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    quotas: researchQuotasSchema.partial().optional(),
    profile: researchProfileSchema.partial().optional(),
  })
  .refine((value) => !value.startsAt || !value.endsAt || value.endsAt > value.startsAt, {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

/** Where a grant stands; `expired` and `scheduled` are read from the dates, never stored. */
export const GrantStatus = {
  Pending: 'pending',
  Scheduled: 'scheduled',
  Active: 'active',
  Expired: 'expired',
  Closed: 'closed',
} as const;
export type GrantStatus = (typeof GrantStatus)[keyof typeof GrantStatus];
export const GRANT_STATUSES = Object.values(GrantStatus);

export const RenewalState = {
  None: 'none',
  Requested: 'requested',
  Approved: 'approved',
  Denied: 'denied',
} as const;
export type RenewalState = (typeof RenewalState)[keyof typeof RenewalState];
export const RENEWAL_STATES = Object.values(RenewalState);

/** A grant as `/admin/research-grants` and `/portal/research/grants` answer it; the id is the application's. */
export interface ResearchGrantView {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  reviewState: string;
  status: GrantStatus;
  questionnaire: ResearchQuestionnaire;
  startsAt: string | null;
  endsAt: string | null;
  /** Whole days until the end (negative once expired); null before dates are set. */
  daysLeft: number | null;
  quotas: ResearchQuotas;
  profile: ResearchProfile;
  renewal: {
    state: RenewalState;
    requestedEndsAt: string | null;
    reason: string | null;
    requestedAt: string | null;
    decidedAt: string | null;
    rationale: string | null;
    /** Renewals approved so far. */
    count: number;
  };
  createdAt: string;
  updatedAt: string;
  /** Detail only: what the grant has used of its quotas. */
  usage?: { requestsToday: number; tokensToday: number; requestsTotal: number; tokensTotal: number };
  /** Detail only: bias runs staff attached to the grant. */
  biasRuns?: Array<{
    id: string;
    status: string;
    model: string;
    probeSets: string[];
    createdAt: string;
    finishedAt: string | null;
    attachedAt: string;
  }>;
}

/** `POST /portal/research/grants/:id/renewal`. */
export const renewalRequestSchema = z.object({
  endsAt: instant,
  reason: z.string().trim().min(10, 'say why the study needs more time').max(5000),
});

/** `POST /admin/research-grants/:id/renewal`: staff approve (with the new end date) or deny a pending request. */
export const renewalDecisionSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    rationale: z.string().trim().min(1).max(5000),
    /** Defaults to the date the researcher asked for. */
    endsAt: instant.optional(),
  }),
  z.object({ decision: z.literal('deny'), rationale: z.string().trim().min(1).max(5000) }),
]);

/** `POST /admin/research-grants/:id/bias-runs`. */
export const attachBiasRunSchema = z.object({ biasRunId: z.uuid() });

/** `POST /portal/research/grants/:id/keys`: research keys are time-boxed, never past the grant's end. */
export const researchKeySchema = z.object({
  name: z.string().trim().min(1).max(200),
  expiresAt: instant,
});

/** Items a research approval cannot go ahead without: unanswered or answered no. */
export function missingResearchChecklistItems(
  checklist: Partial<Record<string, boolean>>,
): ResearchChecklistItem[] {
  return RESEARCH_CHECKLIST_ITEMS.filter((item) => checklist[item] !== true);
}

/** What a grant reads as at `now`. */
export function grantStatus(
  grant: { approved: boolean; closed: boolean; startsAt: Date | null; endsAt: Date | null },
  now: Date,
): GrantStatus {
  if (grant.closed) return GrantStatus.Closed;
  if (!grant.approved || !grant.startsAt || !grant.endsAt) return GrantStatus.Pending;
  if (now < grant.startsAt) return GrantStatus.Scheduled;
  return now < grant.endsAt ? GrantStatus.Active : GrantStatus.Expired;
}
