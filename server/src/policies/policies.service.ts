import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { RedisEvents } from '../common/redis.module';
import { SharedReadCache } from '../common/shared-read-cache';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { defaultPolicy, PolicySubject, SANDBOX_STATUS } from './policy.defaults';
import { applyPolicyPatch, PolicyPatch, policyPatchSchema, policyProblems } from './policy.schema';
import { PolicyRules } from './policy.types';
import { PoliciesRepository } from './policies.repository';

const INVALIDATION_EVENT = 'policies:invalidated';

interface PatchEntry {
  patch: PolicyPatch;
  rules: Map<string, PolicyRules>;
}

export class InvalidPolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid policy: ${problems.join('; ')}`);
  }
}

/**
 * Resolves the rules an application is held to: the defaults for its status with its own stored patch on top.
 * Cached per instance; a change is published on Redis so every instance re-reads it at once.
 */
@Injectable()
export class PoliciesService implements OnModuleInit {
  /** Each application's stored patch and the rules resolved from it, per status and key kind, until it changes. */
  private readonly patches: SharedReadCache<PatchEntry>;

  constructor(
    private readonly repository: PoliciesRepository,
    private readonly events: RedisEvents,
    @Inject(WARDEN_CONFIG) config: WardenConfig,
  ) {
    this.patches = new SharedReadCache(config.keyCacheTtlMs);
  }

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(INVALIDATION_EVENT, (applicationId) => this.patches.drop(applicationId));
  }

  /**
   * A sandbox key of an application that has gone live is still held to sandbox defaults, so a developer cannot
   * test with production limits; of the application's own patch only the blocklist, which only tightens, applies.
   */
  async resolve(application: PolicySubject, caller: { sandboxKey?: boolean } = {}): Promise<PolicyRules> {
    const entry = await this.entryFor(application.id);
    const sandboxDefaults = caller.sandboxKey === true && application.status !== SANDBOX_STATUS;
    // A sandbox key of a live application gets sandbox defaults and only the patch's blocklist: its own variant.
    const variant = sandboxDefaults ? 'sandbox key' : application.status;
    let rules = entry.rules.get(variant);
    if (!rules) {
      rules = deepFreeze(
        sandboxDefaults
          ? applyPolicyPatch(
              defaultPolicy(SANDBOX_STATUS),
              entry.patch.blocklist ? { blocklist: entry.patch.blocklist } : {},
            )
          : applyPolicyPatch(defaultPolicy(application.status), entry.patch),
      );
      entry.rules.set(variant, rules);
    }
    return rules;
  }

  async storedPatch(applicationId: string): Promise<PolicyPatch> {
    return (await this.repository.findForApplication(applicationId))?.rules ?? {};
  }

  /** The stored policy's version (0 before the application's first edit); every edit increments it. */
  async version(applicationId: string): Promise<number> {
    return (await this.repository.findForApplication(applicationId))?.version ?? 0;
  }

  /**
   * The rules `change` would put in force if `update` applied it now, read from the database rather than the
   * cache, without storing anything: what a shadow replay runs under.
   */
  async preview(application: PolicySubject, change: unknown): Promise<PolicyRules> {
    return mergeValidated(application, await this.storedPatch(application.id), change).rules;
  }

  /** Validates and merges `change` into the application's stored patch. */
  async update(application: PolicySubject, change: unknown): Promise<PolicyRules> {
    const { merged, rules } = mergeValidated(application, await this.storedPatch(application.id), change);
    await this.repository.save(application.id, merged);
    this.patches.drop(application.id);
    await this.events.publish(INVALIDATION_EVENT, application.id);
    return rules;
  }

  private async entryFor(applicationId: string): Promise<PatchEntry> {
    const cached = this.patches.get(applicationId, this.readEntry);
    if (cached) return cached;
    const read = this.patches.read(applicationId, this.readEntry);
    const entry = (await read.found)!;
    this.patches.set(applicationId, entry, read.epoch);
    return entry;
  }

  /** A re-read that finds the patch unchanged keeps the rules already resolved from it. */
  private readonly readEntry = async (applicationId: string): Promise<PatchEntry> => {
    const patch = await this.storedPatch(applicationId);
    const previous = this.patches.peek(applicationId);
    const unchanged = previous !== undefined && isDeepStrictEqual(previous.patch, patch);
    return { patch, rules: unchanged ? previous.rules : new Map<string, PolicyRules>() };
  };
}

/**
 * Resolved rules are shared by every request of an application until its policy changes, so they are frozen: a
 * consumer that changed them would change them for everyone, and now fails loudly instead.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Throws InvalidPolicyError listing every problem: the one validation policy edits and proposals share. */
export function validatePatch(change: unknown): PolicyPatch {
  const parsed = policyPatchSchema.safeParse(change);
  if (!parsed.success) {
    throw new InvalidPolicyError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'policy'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** Merges a validated `change` into `base` and checks the rules that result (cross-field rules need the whole). */
function mergeValidated(
  application: PolicySubject,
  base: PolicyPatch,
  change: unknown,
): { merged: PolicyPatch; rules: PolicyRules } {
  const merged = mergePatches(base, validatePatch(change));
  const rules = applyPolicyPatch(defaultPolicy(application.status), merged);
  const problems = policyProblems(rules);
  if (problems.length > 0) {
    throw new InvalidPolicyError(problems);
  }
  return { merged, rules };
}

function mergePatches(base: PolicyPatch, change: PolicyPatch): PolicyPatch {
  const categories = { ...(base.categories ?? {}) };
  for (const [name, value] of Object.entries(change.categories ?? {})) {
    const current = categories[name] ?? {};
    categories[name] = {
      input: { ...current.input, ...value.input },
      output: { ...current.output, ...value.output },
    };
  }
  return {
    ...base,
    ...change,
    categories,
    limits: { ...base.limits, ...change.limits },
    rateLimits: { ...base.rateLimits, ...change.rateLimits },
    strikes: { ...base.strikes, ...change.strikes },
    blocklist: { ...base.blocklist, ...change.blocklist },
    fineTuning: { ...base.fineTuning, ...change.fineTuning },
  };
}
