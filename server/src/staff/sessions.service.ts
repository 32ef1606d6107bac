import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SessionAudience, SessionEntity } from './session.entity';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  generateSessionToken,
  hashSessionToken,
  hasTokenShape,
  REFRESH_TOKEN_TTL_SECONDS,
} from './session-tokens';
import { SessionsRepository } from './sessions.repository';

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type RotationResult =
  { kind: 'rotated'; principalId: string; session: IssuedSession } | { kind: 'refused' };

/**
 * Opaque session tokens stored hashed in Postgres, for staff and developers alike. Stored sessions rather than
 * signed tokens: logout, a password change or a deleted account take effect on every api instance at once, and
 * there is no signing secret to configure, share between replicas or rotate. The price is one indexed lookup per
 * staff or portal call, which those low-volume surfaces do not notice.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: SessionsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async issue(
    manager: EntityManager,
    audience: SessionAudience,
    principalId: string,
    familyId: string = randomUUID(),
  ): Promise<IssuedSession> {
    const accessToken = generateSessionToken(audience, 'access');
    const refreshToken = generateSessionToken(audience, 'refresh');
    const now = Date.now();
    const session = await this.repository.insert(manager, {
      audience,
      principalId,
      familyId,
      accessHash: hashSessionToken(accessToken),
      refreshHash: hashSessionToken(refreshToken),
      accessExpiresAt: new Date(now + ACCESS_TOKEN_TTL_SECONDS * 1000),
      refreshExpiresAt: new Date(now + REFRESH_TOKEN_TTL_SECONDS[audience] * 1000),
    });
    return { sessionId: session.id, accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  async authenticate(
    audience: SessionAudience,
    accessToken: string | undefined,
  ): Promise<SessionEntity | null> {
    if (!accessToken || !hasTokenShape(accessToken, audience, 'access')) {
      return null;
    }
    return this.repository.findUsableByAccessHash(audience, hashSessionToken(accessToken));
  }

  /**
   * Exchanges a refresh token for a new pair. The old access token stays valid until it expires (requests in
   * flight during a refresh still succeed); the old refresh token is spent, and spending it twice ends the family.
   */
  rotate(audience: SessionAudience, refreshToken: string): Promise<RotationResult> {
    if (!hasTokenShape(refreshToken, audience, 'refresh')) {
      return Promise.resolve({ kind: 'refused' });
    }
    return this.dataSource.transaction(async (manager): Promise<RotationResult> => {
      const session = await this.repository.lockByRefreshHash(
        manager,
        audience,
        hashSessionToken(refreshToken),
      );
      if (!session || session.revokedAt) {
        return { kind: 'refused' };
      }
      if (session.rotatedAt) {
        await this.repository.revokeFamily(manager, session.familyId);
        return { kind: 'refused' };
      }
      if (session.refreshExpiresAt.getTime() <= Date.now()) {
        return { kind: 'refused' };
      }
      await this.repository.markRotated(manager, session.id);
      const issued = await this.issue(manager, audience, session.principalId, session.familyId);
      return { kind: 'rotated', principalId: session.principalId, session: issued };
    });
  }

  revokeFamily(manager: EntityManager, session: Pick<SessionEntity, 'familyId'>): Promise<void> {
    return this.repository.revokeFamily(manager, session.familyId);
  }

  revokeAllFor(manager: EntityManager, audience: SessionAudience, principalId: string): Promise<void> {
    return this.repository.revokeAllFor(manager, audience, principalId);
  }
}
