import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { may, Permission } from '../contracts';
import { FastifyRequest } from 'fastify';
import { ANY_STAFF_MEMBER, REQUIRED_ACCESS, STAFF_API } from '../common/staff-access';
import { StaffAuthService } from './staff-auth.service';
import { StaffError } from './staff.errors';

/**
 * Registered globally: on every controller or route marked as staff API (common/staff-access.ts) it answers 401
 * without a valid staff access token and 403 when the role lacks the route's permission. A staff route that
 * declares no permission is refused: forgetting one must not open it. Other routes pass untouched.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly auth: StaffAuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (!this.reflector.getAllAndOverride<boolean | undefined>(STAFF_API, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const staff = await this.auth.authenticate(request.headers.authorization);
    const required = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_ACCESS, targets);
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
