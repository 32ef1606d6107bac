import {
  createStaffSchema as createStaffShape,
  meResponseSchema,
  staffResponseSchema,
  staffUserSummarySchema,
  StaffRole,
  tokenResponseSchema,
} from '../contracts';
import type { StaffRow } from './staff.repository';
import {
  createStaffSchema,
  toMeResponse,
  toStaffResponse,
  toStaffUserSummary,
  toTokenResponse,
} from './staff.dto';

const now = new Date('2026-11-02T10:00:00Z');
const row = (lockedUntil: Date | null = null): StaffRow => ({
  id: '1c7d0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
  email: 'reviewer@example.com',
  role: StaffRole.Reviewer,
  createdAt: new Date('2026-10-01T08:00:00Z'),
  lockedUntil,
});

describe('staff contract', () => {
  it('accepts a staff member as the server answers it, lock-out only while in force', () => {
    expect(
      staffResponseSchema.parse(toStaffResponse(row(new Date('2026-11-02T11:00:00Z')), now)),
    ).toMatchObject({
      lockedUntil: '2026-11-02T11:00:00.000Z',
    });
    expect(
      staffResponseSchema.parse(toStaffResponse(row(new Date('2026-11-02T09:00:00Z')), now)).lockedUntil,
    ).toBe(null);
  });

  it('accepts /auth/me and a sign-in answer, and refuses a permission the matrix does not have', () => {
    const me = meResponseSchema.parse(toMeResponse(row()));
    expect(me.permissions).toContain('applications:decide');
    expect(meResponseSchema.safeParse({ ...me, permissions: ['everything'] }).success).toBe(false);
    const session = { sessionId: 's1', accessToken: 'a.b.c', refreshToken: 'r1', expiresIn: 900 };
    const token = toTokenResponse(session, toStaffUserSummary(row()));
    expect('sessionId' in token).toBe(false);
    expect(tokenResponseSchema(staffUserSummarySchema).parse(token)).toEqual(token);
    expect(
      tokenResponseSchema(staffUserSummarySchema).safeParse({
        ...token,
        user: { ...token.user, passwordHash: 'x' },
      }).success,
    ).toBe(false);
  });

  it('refuses an unmapped row and a role the server does not know', () => {
    expect(staffResponseSchema.safeParse(row()).success).toBe(false);
    expect(createStaffShape.safeParse({ email: 'a@example.com', password: 'x', role: 'owner' }).success).toBe(
      false,
    );
  });

  it('validates staff creation with the contract shape plus the server-side strength check', () => {
    const body = { email: 'New@Example.com', password: 'correct horse battery staple', role: 'analyst' };
    expect(createStaffSchema.parse(body).email).toBe('new@example.com');
    expect(createStaffShape.safeParse({ ...body, password: 'password1234' }).success).toBe(true);
    expect(createStaffSchema.safeParse({ ...body, password: 'password1234' }).success).toBe(false);
  });
});
