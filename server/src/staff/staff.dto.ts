import { listContract } from '../common/list-query';
import { z } from 'zod';
import { strongPassword } from './password-policy';
import type { IssuedSession } from './sessions.service';
import { permissionsFor, StaffRole } from '../contracts';
import { StaffUserEntity } from './staff-user.entity';
import type { StaffRow } from './staff.repository';

/** What staff may sort and filter staff by; the repository maps each name to SQL. */
export const STAFF_LIST = listContract({
  resource: 'staff',
  sortable: ['id', 'email', 'role', 'createdAt', 'lockedUntil'],
  defaultSort: { field: 'email', order: 'ASC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    role: { kind: 'values', type: 'text', allowed: Object.values(StaffRole) },
    q: { kind: 'text' },
  },
});
export type StaffSortField = (typeof STAFF_LIST.sortable)[number];
export type StaffFilterField = keyof typeof STAFF_LIST.filters;

const email = z
  .email()
  .max(320)
  .transform((value) => value.toLowerCase());
/** Strength is checked on the whole body (strongPassword), where the e-mail address is known. */
const password = z.string().max(1024);

export const loginSchema = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});
export const refreshSchema = z.object({ refreshToken: z.string().min(1).max(200) });
export const createStaffSchema = z
  .object({ email, password, role: z.enum(StaffRole) })
  .superRefine(strongPassword((value) => [value.email]));
export const updateStaffSchema = z
  .object({
    role: z.enum(StaffRole).optional(),
    password: password.optional(),
  })
  .superRefine(strongPassword(() => []));

export interface StaffUserSummary {
  id: string;
  email: string;
  role: StaffRole;
}

export interface TokenResponse<User> {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: User;
}

export interface MeResponse extends StaffUserSummary {
  permissions: string[];
}

export interface StaffResponse {
  id: string;
  email: string;
  role: StaffRole;
  createdAt: string;
  /** Set only while a lock-out is in force. */
  lockedUntil: string | null;
}

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
