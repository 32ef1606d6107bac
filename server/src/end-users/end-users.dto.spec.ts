import { endUserResponseSchema, endUserDecisionSchema } from '../contracts';
import type { EndUserAdminRow } from './end-users.admin.service';
import { toEndUserResponse } from './end-users.dto';

const applicationId = '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01';
const row = (): EndUserAdminRow => ({
  id: `${applicationId}:user-17`,
  applicationId,
  applicationName: 'Support bot',
  organizationId: '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  endUser: 'user-17',
  requestCount: 40,
  flaggedCount: 4,
  flaggedRate: 0.1,
  strikePoints: 2.5,
  status: 'throttled',
  blockedByStaff: false,
  statusReason: 'strike points 2.5 reached the throttle threshold',
  statusChangedAt: new Date('2026-11-02T10:00:00Z'),
  firstSeenAt: new Date('2026-11-01T10:00:00Z'),
  lastSeenAt: new Date('2026-11-02T10:05:00Z'),
});

describe('end-user contract', () => {
  it('accepts an end user as the server answers it', () => {
    expect(endUserResponseSchema.parse(toEndUserResponse(row()))).toMatchObject({
      status: 'throttled',
      statusChangedAt: '2026-11-02T10:00:00.000Z',
      lastSeenAt: '2026-11-02T10:05:00.000Z',
    });
    expect(
      endUserResponseSchema.parse(toEndUserResponse({ ...row(), statusChangedAt: null })).statusChangedAt,
    ).toBe(null);
  });

  it('refuses the raw row (Date instants), an unknown status and a rate above 1', () => {
    expect(endUserResponseSchema.safeParse(row()).success).toBe(false);
    const mapped = toEndUserResponse(row());
    expect(endUserResponseSchema.safeParse({ ...mapped, status: 'banned' }).success).toBe(false);
    expect(endUserResponseSchema.safeParse({ ...mapped, flaggedRate: 4 }).success).toBe(false);
  });

  it('needs a reason to block or unblock, and nothing else', () => {
    expect(endUserDecisionSchema.safeParse({ reason: '  ' }).success).toBe(false);
    expect(endUserDecisionSchema.safeParse({ reason: 'appeal granted', status: 'active' }).success).toBe(
      false,
    );
    expect(endUserDecisionSchema.parse({ reason: ' appeal granted ' })).toEqual({ reason: 'appeal granted' });
  });
});
