import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DeveloperPrincipal } from './developer-principal';
import { PortalAuthService } from './portal-auth.service';

declare module 'fastify' {
  interface FastifyRequest {
    developer?: DeveloperPrincipal;
  }
}

/** 401 without a valid developer access token; staff tokens do not open the portal. */
@Injectable()
export class DeveloperAuthGuard implements CanActivate {
  constructor(private readonly auth: PortalAuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.developer = await this.auth.authenticate(request.headers.authorization);
    return true;
  }
}

export const CurrentDeveloper = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DeveloperPrincipal => {
    const developer = context.switchToHttp().getRequest<FastifyRequest>().developer;
    if (!developer) {
      throw new Error('CurrentDeveloper needs DeveloperAuthGuard on the route');
    }
    return developer;
  },
);
