import { z } from 'zod';
import { timestamp } from './shapes';

/** Key statuses as stored; `expired` is read from the expiry date, never stored. */
export const ApiKeyStatus = {
  Active: 'active',
  Suspended: 'suspended',
  Revoked: 'revoked',
  /** Permanent, by staff, with a reason; nothing brings the key back. */
  Terminated: 'terminated',
} as const;
export type ApiKeyStatus = (typeof ApiKeyStatus)[keyof typeof ApiKeyStatus];
export const API_KEY_STATUSES = Object.values(ApiKeyStatus);

/** What a key reads as: its stored status, or `expired` for an active key past its expiry date. */
export type EffectiveKeyStatus = ApiKeyStatus | 'expired';
export const EFFECTIVE_KEY_STATUSES: readonly EffectiveKeyStatus[] = [...API_KEY_STATUSES, 'expired'];

/**
 * A sandbox key stays on sandbox limits even after its application goes live; production keys are issued on
 * approval (and for live applications afterwards).
 */
export const ApiKeyKind = {
  Sandbox: 'sandbox',
  Production: 'production',
} as const;
export type ApiKeyKind = (typeof ApiKeyKind)[keyof typeof ApiKeyKind];
export const API_KEY_KINDS = Object.values(ApiKeyKind);

export const KeyAction = {
  Rotate: 'rotate',
  Revoke: 'revoke',
  Suspend: 'suspend',
  Unsuspend: 'unsuspend',
  Terminate: 'terminate',
} as const;
export type KeyAction = (typeof KeyAction)[keyof typeof KeyAction];
export const KEY_ACTIONS = Object.values(KeyAction);

/**
 * Which stored statuses each action accepts, and the status it leaves the key in (rotation revokes the old key
 * and issues a new one).
 */
export const KEY_TRANSITIONS: Record<KeyAction, { from: readonly ApiKeyStatus[]; to: ApiKeyStatus }> = {
  [KeyAction.Rotate]: { from: [ApiKeyStatus.Active], to: ApiKeyStatus.Revoked },
  [KeyAction.Revoke]: { from: [ApiKeyStatus.Active, ApiKeyStatus.Suspended], to: ApiKeyStatus.Revoked },
  [KeyAction.Suspend]: { from: [ApiKeyStatus.Active], to: ApiKeyStatus.Suspended },
  [KeyAction.Unsuspend]: { from: [ApiKeyStatus.Suspended], to: ApiKeyStatus.Active },
  [KeyAction.Terminate]: {
    from: [ApiKeyStatus.Active, ApiKeyStatus.Suspended, ApiKeyStatus.Revoked],
    to: ApiKeyStatus.Terminated,
  },
};

export function keyTransition(status: ApiKeyStatus, action: KeyAction): ApiKeyStatus | null {
  const transition = KEY_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** The actions a key in this status accepts: the console offers exactly these. */
export function availableKeyActions(status: EffectiveKeyStatus): KeyAction[] {
  // An expired key is stored as active, and the server judges actions by the stored status.
  const stored = status === 'expired' ? ApiKeyStatus.Active : status;
  return KEY_ACTIONS.filter((action) => keyTransition(stored, action) !== null);
}

/**
 * Why staff suspended or terminated a key. The developer's 401 names the category, so it says what happened
 * instead of always "policy violation".
 */
export const KeyEnforcementReason = {
  PolicyViolation: 'policy_violation',
  SuspectedCompromise: 'suspected_compromise',
  AbuseReport: 'abuse_report',
  PaymentOrTerms: 'terms_of_service',
  SecurityIncident: 'security_incident',
  Other: 'other',
} as const;
export type KeyEnforcementReason = (typeof KeyEnforcementReason)[keyof typeof KeyEnforcementReason];
export const KEY_ENFORCEMENT_REASONS = Object.values(KeyEnforcementReason);

export const KEY_ENFORCEMENT_REASON_LABELS: Record<KeyEnforcementReason, string> = {
  policy_violation: 'a usage-policy violation',
  suspected_compromise: 'a suspected key compromise',
  abuse_report: 'an abuse report',
  terms_of_service: 'a terms-of-service issue',
  security_incident: 'a security incident',
  other: 'a staff decision',
};

/** Request bodies of the key routes (`/admin/api-keys`, `/portal/applications/:id/keys`). */
const expiresAt = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .nullable()
  .optional()
  .transform((value) => (value ? new Date(value) : null));

const keyName = z.string().trim().min(1).max(200);

export const createApiKeySchema = z.object({ applicationId: z.uuid(), name: keyName, expiresAt });
export const createOwnApiKeySchema = z.object({ name: keyName, expiresAt });
export const keyActionSchema = z.object({ reason: z.string().trim().max(2000).optional() });
/** Suspension may say which kind of problem it is; the developer's 401 names it. */
export const suspendKeySchema = keyActionSchema.extend({
  category: z.enum(KEY_ENFORCEMENT_REASONS).optional(),
});
/** Termination is permanent, so it always says why, and in which category (a policy violation unless told). */
export const terminateKeySchema = z.object({
  reason: z.string().trim().min(1, 'say why the key is terminated').max(2000),
  category: z.enum(KEY_ENFORCEMENT_REASONS).default(KeyEnforcementReason.PolicyViolation),
});

/**
 * A key as `/admin/api-keys` and `/portal/applications/:id/keys` answer it (list, show, create, rotate, status
 * changes); `secret` only in the answer that created or rotated it.
 */
export const apiKeyResponseSchema = z.strictObject({
  id: z.uuid(),
  applicationId: z.uuid(),
  applicationName: z.string(),
  name: z.string(),
  prefix: z.string().min(1),
  kind: z.enum(API_KEY_KINDS),
  status: z.enum(EFFECTIVE_KEY_STATUSES),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
  statusReason: z.string().nullable(),
  secret: z.string().startsWith('wk-').optional(),
});
export type ApiKeyResponse = z.infer<typeof apiKeyResponseSchema>;
