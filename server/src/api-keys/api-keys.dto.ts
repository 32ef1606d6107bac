import { listContract } from '../common/list-query';
import { ApiKeyKind, ApiKeyStatus } from './api-key.entity';
import type { ApiKeyRow } from './api-keys.repository';
import { effectiveKeyStatus } from './key-lifecycle';
import type { ApiKeyResponse } from '../contracts';
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

// The request bodies are contracts the console shares.
export {
  createApiKeySchema,
  createOwnApiKeySchema,
  keyActionSchema,
  suspendKeySchema,
  terminateKeySchema,
} from '../contracts';

export type { ApiKeyResponse };

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
