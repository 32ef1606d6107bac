import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { may, Permission } from './permissions';
import { StaffAuthService } from './staff-auth.service';
import { StaffError } from './staff.errors';
import { StaffPrincipal } from './staff-principal';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}

const REQUIRED_ACCESS = 'warden:staff-access';
const ANY_STAFF_MEMBER = 'any-staff-member';

/** Also published in the OpenAPI document, so the RBAC suite can check every route, including ones added later. */
function requireAccess(access: string) {
  return applyDecorators(SetMetadata(REQUIRED_ACCESS, access), ApiExtension('x-warden-permission', access));
}

/** The permission a staff route needs (see permissions.ts). */
export const RequirePermission = (permission: Permission) => requireAccess(permission);

/** For routes every signed-in staff member may use (their own session). */
export const AnyStaffMember = () => requireAccess(ANY_STAFF_MEMBER);

/**
 * 401 without a valid staff access token, 403 when the role lacks the route's permission. A route that declares
 * neither decorator is refused: forgetting one must not open it.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly auth: StaffAuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const staff = await this.auth.authenticate(request.headers.authorization);
    const required = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required === undefined) {
      throw StaffError.forbidden('route declares no permission');
    }
    if (required !== ANY_STAFF_MEMBER && !may(staff.role, required as Permission)) {
      throw StaffError.forbidden(required);
    }
    request.staff = staff;
    return true;
  }
}

export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal => {
    const staff = context.switchToHttp().getRequest<FastifyRequest>().staff;
    if (!staff) {
      throw new Error('CurrentStaff needs StaffAuthGuard on the route');
    }
    return staff;
  },
);
