import { apiKeyResponseSchema, ApiKeyKind, ApiKeyStatus } from '../contracts';
import type { ApiKeyRow } from './api-keys.repository';
import { toApiKeyResponse, toIssuedApiKeyResponse } from './api-keys.dto';
import { generateApiKey } from './api-key.secret';

const now = new Date('2026-11-02T10:00:00Z');
const row = (overrides: Partial<ApiKeyRow> = {}): ApiKeyRow => ({
  id: '5a1e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
  applicationId: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a02',
  applicationName: 'Support bot',
  organizationId: '7b5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a03',
  name: 'production',
  prefix: 'Ab3dEf7h',
  kind: ApiKeyKind.Production,
  status: ApiKeyStatus.Suspended,
  statusReason: 'suspected_compromise: leaked in a public repository',
  createdAt: new Date('2026-11-01T10:00:00Z'),
  lastUsedAt: null,
  expiresAt: null,
  ...overrides,
});

describe('api-key contract', () => {
  it('accepts a key as list, show and status changes answer it, expiry read from the date', () => {
    expect(apiKeyResponseSchema.parse(toApiKeyResponse(row(), now))).toMatchObject({
      status: 'suspended',
      createdAt: '2026-11-01T10:00:00.000Z',
      lastUsedAt: null,
    });
    const expired = row({ status: ApiKeyStatus.Active, expiresAt: new Date('2026-11-02T09:00:00Z') });
    expect(apiKeyResponseSchema.parse(toApiKeyResponse(expired, now))).toMatchObject({
      status: 'expired',
      expiresAt: '2026-11-02T09:00:00.000Z',
    });
  });

  it('accepts a minted or rotated key with its secret, and nothing but a wk- secret', () => {
    const issued = toIssuedApiKeyResponse({
      row: row({ status: ApiKeyStatus.Active }),
      secret: generateApiKey(),
    });
    expect(apiKeyResponseSchema.parse(issued).secret).toMatch(/^wk-/);
    expect(apiKeyResponseSchema.safeParse({ ...issued, secret: 'hunter2' }).success).toBe(false);
  });

  it('refuses the raw row, unknown fields and statuses or kinds the server does not have', () => {
    expect(apiKeyResponseSchema.safeParse(row()).success).toBe(false);
    const mapped = toApiKeyResponse(row(), now);
    expect(apiKeyResponseSchema.safeParse({ ...mapped, organizationId: row().organizationId }).success).toBe(
      false,
    );
    expect(apiKeyResponseSchema.safeParse({ ...mapped, status: 'frozen' }).success).toBe(false);
    expect(apiKeyResponseSchema.safeParse({ ...mapped, kind: 'research' }).success).toBe(false);
  });
});
