import { z } from 'zod';
import { listContract } from '../common/list-query';
import { ApiKeyKind, ApiKeyStatus } from './api-key.entity';
import type { ApiKeyRow } from './api-keys.repository';
import { effectiveKeyStatus } from './key-lifecycle';
import { EffectiveKeyStatus, KEY_ENFORCEMENT_REASONS, KeyEnforcementReason } from '../contracts';
import type { IssuedApiKeyRow } from './api-keys.service';

/** What staff may sort and filter keys by; `expired` is read from the expiry date, not stored. */
export const API_KEY_LIST = listContract({
  resource: 'api-keys',
  sortable: [
    'id',
    'name',
    'prefix',
    'applicationName',
    'kind',
    'status',
    'createdAt',
    'lastUsedAt',
    'expiresAt',
  ],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    applicationId: { kind: 'values', type: 'uuid' },
    organizationId: { kind: 'values', type: 'uuid' },
    kind: { kind: 'values', type: 'text', allowed: Object.values(ApiKeyKind) },
    status: { kind: 'values', type: 'text', allowed: [...Object.values(ApiKeyStatus), 'expired'] },
    q: { kind: 'text' },
  },
});
export type ApiKeySortField = (typeof API_KEY_LIST.sortable)[number];
export type ApiKeyFilterField = keyof typeof API_KEY_LIST.filters;

const expiresAt = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .nullable()
  .optional()
  .transform((value) => (value ? new Date(value) : null));

const keyName = z.string().trim().min(1).max(200);

export const createApiKeySchema = z.object({ applicationId: z.uuid(), name: keyName, expiresAt });
export const createOwnApiKeySchema = z.object({ name: keyName, expiresAt });
export const keyActionSchema = z.object({ reason: z.string().trim().max(2000).optional() });
/** Termination is permanent, so it always says why. */
/** Suspension may say which kind of problem it is; the developer's 401 names it. */
export const suspendKeySchema = keyActionSchema.extend({
  category: z.enum(KEY_ENFORCEMENT_REASONS).optional(),
});
/** Termination is permanent, so it always says why, and in which category (a policy violation unless told). */
export const terminateKeySchema = z.object({
  reason: z.string().trim().min(1, 'say why the key is terminated').max(2000),
  category: z.enum(KEY_ENFORCEMENT_REASONS).default(KeyEnforcementReason.PolicyViolation),
});

export interface ApiKeyResponse {
  id: string;
  applicationId: string;
  applicationName: string;
  name: string;
  prefix: string;
  kind: ApiKeyKind;
  status: EffectiveKeyStatus;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  statusReason: string | null;
  /** Only in the answer that created or rotated the key. */
  secret?: string;
}

export function toApiKeyResponse(row: ApiKeyRow, now: Date = new Date()): ApiKeyResponse {
  return {
    id: row.id,
    applicationId: row.applicationId,
    applicationName: row.applicationName,
    name: row.name,
    prefix: row.prefix,
    kind: row.kind,
    status: effectiveKeyStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    statusReason: row.statusReason,
  };
}

export function toIssuedApiKeyResponse(issued: IssuedApiKeyRow): ApiKeyResponse {
  return { ...toApiKeyResponse(issued.row), secret: issued.secret };
}
