import { listContract } from '../common/list-query';
import { strongPassword } from './password-policy';
import type { IssuedSession } from './sessions.service';
import {
  createStaffSchema as createStaffShape,
  loginSchema,
  type MeResponse,
  permissionsFor,
  refreshSchema,
  STAFF_ROLES,
  type StaffResponse,
  type StaffUserSummary,
  type TokenResponse,
  updateStaffSchema as updateStaffShape,
} from '../contracts';
import { StaffUserEntity } from './staff-user.entity';
import type { StaffRow } from './staff.repository';

/** What staff may sort and filter staff by; the repository maps each name to SQL. */
export const STAFF_LIST = listContract({
  resource: 'staff',
  sortable: ['id', 'email', 'role', 'createdAt', 'lockedUntil'],
  defaultSort: { field: 'email', order: 'ASC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    role: { kind: 'values', type: 'text', allowed: STAFF_ROLES },
    q: { kind: 'text' },
  },
});
export type StaffSortField = (typeof STAFF_LIST.sortable)[number];
export type StaffFilterField = keyof typeof STAFF_LIST.filters;

export { loginSchema, refreshSchema };
export type { MeResponse, StaffResponse, StaffUserSummary, TokenResponse };

/** Strength is checked on the whole body, where the e-mail address is known. */
export const createStaffSchema = createStaffShape.superRefine(strongPassword((value) => [value.email]));
export const updateStaffSchema = updateStaffShape.superRefine(strongPassword(() => []));

export function toTokenResponse<User>(session: IssuedSession, user: User): TokenResponse<User> {
  return {
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    expiresIn: session.expiresIn,
    user,
  };
}

export function toStaffUserSummary(staff: Pick<StaffUserEntity, 'id' | 'email' | 'role'>): StaffUserSummary {
  return { id: staff.id, email: staff.email, role: staff.role };
}

export function toMeResponse(staff: Pick<StaffUserEntity, 'id' | 'email' | 'role'>): MeResponse {
  return { ...toStaffUserSummary(staff), permissions: permissionsFor(staff.role) };
}

export function toStaffResponse(staff: StaffRow | StaffUserEntity, now: Date = new Date()): StaffResponse {
  return {
    id: staff.id,
    email: staff.email,
    role: staff.role,
    createdAt: staff.createdAt.toISOString(),
    lockedUntil: staff.lockedUntil && staff.lockedUntil > now ? staff.lockedUntil.toISOString() : null,
  };
}
