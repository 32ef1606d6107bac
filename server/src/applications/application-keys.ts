import { EntityManager } from 'typeorm';
import { Actor } from '../audit/audit.types';
import { ApiKeyKind } from '../contracts';

/** A key issued while an application is created (its sandbox key); the only time its secret is known. */
export interface IssuedApplicationKey {
  key: { id: string; name: string; prefix: string; kind: ApiKeyKind };
  secret: string;
}

/**
 * What the review workflow needs from the key domain. Keys belong to applications (api-keys reads applications),
 * so applications asks for keys through this port, provided by the api-keys module, and never imports it.
 */
export interface ApplicationKeys {
  /** Inside the caller's transaction. */
  issue(
    manager: EntityManager,
    actor: Actor,
    input: { applicationId: string; name: string; kind: ApiKeyKind; expiresAt?: Date | null },
  ): Promise<IssuedApplicationKey>;
  /** Inside the caller's transaction; the caller publishes with `invalidateApplication` once it commits. */
  terminateAllForApplication(
    manager: EntityManager,
    actor: Actor,
    applicationId: string,
    reason: string,
  ): Promise<void>;
  invalidateApplication(applicationId: string): Promise<void>;
}

export const APPLICATION_KEYS = Symbol('ApplicationKeys');
