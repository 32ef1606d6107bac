import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { ApiKeyEntity, ApiKeyStatus } from './api-key.entity';
import { ApiKeyCache } from './api-key.cache';
import { apiKeyMatches, generateApiKey, hashApiKey, maskApiKey, parseApiKey } from './api-key.secret';
import { ApiKeyError } from './api-keys.errors';
import { ApiKeysRepository, KeyWithApplication } from './api-keys.repository';

const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedApiKey {
  key: ApiKeyEntity;
  /** The only time the full secret exists outside the caller's hands. */
  secret: string;
}

@Injectable()
export class ApiKeysService {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly repository: ApiKeysRepository,
    private readonly cache: ApiKeyCache,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async issue(applicationId: string, name: string, manager?: EntityManager, secret = generateApiKey()): Promise<IssuedApiKey> {
    const parsed = parseApiKey(secret);
    if (!parsed) {
      throw new Error('refusing to register a key that is not in the wk-<prefix>_<secret> form');
    }
    const key = await this.repository.create(
      { applicationId, name, prefix: parsed.prefix, secretHash: hashApiKey(secret) },
      manager,
    );
    return { key, secret };
  }

  async authenticate(authorization: string | undefined): Promise<KeyWithApplication> {
    const presented = bearerToken(authorization);
    if (!presented) {
      throw ApiKeyError.missing();
    }
    const parsed = parseApiKey(presented);
    if (!parsed) {
      throw ApiKeyError.invalid(maskApiKey(presented));
    }
    const found = this.cache.get(parsed.prefix) ?? (await this.repository.findByPrefixWithApplication(parsed.prefix));
    if (!found || !apiKeyMatches(presented, found.key.secretHash)) {
      throw ApiKeyError.invalid(maskApiKey(presented));
    }
    if (found.key.status === ApiKeyStatus.Revoked) {
      throw ApiKeyError.revoked(maskApiKey(presented));
    }
    this.cache.set(parsed.prefix, found);
    this.touch(found.key);
    return found;
  }

  async revoke(prefix: string): Promise<ApiKeyEntity | null> {
    const key = await this.repository.findByPrefix(prefix);
    if (!key) {
      return null;
    }
    const revoked = await this.repository.revoke(key.id);
    await this.cache.invalidateEverywhere(prefix);
    return revoked;
  }

  /** `last_used_at` is kept to the minute so a busy key does not turn every request into a write. */
  private touch(key: ApiKeyEntity): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(key.id) ?? 0) < LAST_USED_RESOLUTION_MS) {
      return;
    }
    this.lastTouched.set(key.id, now);
    this.repository
      .touchLastUsed(key.id, new Date(now))
      .catch((err: unknown) => this.logger.warn({ err, keyPrefix: key.prefix }, 'could not record last_used_at'));
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
