import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiTags } from '@nestjs/swagger';
import { Permission, StaffRole } from '../contracts';
import { FastifyRequest } from 'fastify';

/**
 * How a controller declares staff access. Only metadata lives here, so every domain can mark its `/admin/*`
 * controller without importing the staff domain; the staff module's global guard reads it.
 */

/** The signed-in staff member a request acts as. */
export interface StaffPrincipal {
  id: string;
  email: string;
  role: StaffRole;
  sessionFamilyId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}

export const STAFF_API = 'warden:staff-api';
export const REQUIRED_ACCESS = 'warden:staff-access';
export const ANY_STAFF_MEMBER = 'any-staff-member';

/** A staff controller: every route needs a staff access token and declares what it needs. */
export const StaffApi = () =>
  applyDecorators(SetMetadata(STAFF_API, true), ApiTags('admin'), ApiBearerAuth());

/** Also published in the OpenAPI document, so the RBAC suite can check every route, including ones added later. */
function requireAccess(access: string) {
  return applyDecorators(
    SetMetadata(STAFF_API, true),
    SetMetadata(REQUIRED_ACCESS, access),
    ApiExtension('x-warden-permission', access),
  );
}

/** The permission a staff route needs (see the role matrix in @warden/contracts). */
export const RequirePermission = (permission: Permission) => requireAccess(permission);

/** For routes every signed-in staff member may use (their own session). */
export const AnyStaffMember = () => requireAccess(ANY_STAFF_MEMBER);

export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal => {
    const staff = context.switchToHttp().getRequest<FastifyRequest>().staff;
    if (!staff) {
      throw new Error('CurrentStaff needs a staff route (@StaffApi or @RequirePermission)');
    }
    return staff;
  },
);
