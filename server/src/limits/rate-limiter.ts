import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { RateLimitError } from './limits.errors';
import { RateLimits } from './limits.types';
import { RedisClient } from '../common/redis-connection';

/** Whose budget a counter is; each scope answers with its own family of x-ratelimit-* headers. */
export enum BudgetScope {
  Key = 'key',
  EndUser = 'end-user',
  Application = 'application',
}

export interface RateBudget {
  scope: BudgetScope;
  /** Counter identity, e.g. `key:<id>`, `user:<application>:<end user>` or `app:<application>:<tier>`. */
  subject: string;
  /** The application the budget belongs to: on a Redis Cluster its counters share that application's slot. */
  applicationId: string;
  requestsPerMinute: number;
  tokensPerMinute: number;
}

export interface BudgetState {
  budget: RateBudget;
  remainingRequests: number;
  remainingTokens: number;
}

export interface RateDecision {
  allowed: boolean;
  /** The budget that refused the request, when one did. */
  exceeded?: { budget: RateBudget; dimension: 'requests' | 'tokens' };
  /** Every budget after this request: charged when allowed, as it stood when refused. */
  states: BudgetState[];
  resetMs: number;
}

/** Who is calling, as far as budgets care. */
export interface BudgetSubject {
  keyId: string;
  applicationId: string;
  /** A sandbox key draws on its own application budget, apart from production traffic. */
  sandboxKey: boolean;
  endUser: string | null;
  /** A throttled end user's requests-per-minute cap (the policy's strikes decide it), or null. */
  throttledRequestsPerMinute: number | null;
}

const WINDOW_MS = 60_000;
/** Budgets whose last answer this process remembers; past this many the memory starts over (it is only a hint). */
const MAX_REMEMBERED_BUDGETS = 10_000;

/** Charges sent to Redis in one script call at most; more wait for the next call. */
const MAX_CHARGES_PER_CALL = 64;

/**
 * Checks and charges every budget of a request in one atomic step: either all its counters move or none does, so a
 * request refused by its end user's budget costs its key nothing. Fixed one-minute windows keyed by the window's
 * start. One call carries the charges of every request that reached the limiter in the same turn of the event loop
 * (ARGV: window, number of charges, then per charge its budget count, tokens and limits; KEYS: each charge's two
 * counters per budget, in order) and answers one row per charge: allowed, the refusing budget and dimension, then the
 * request and token counts of every budget (after charging, or as they stood when refused). Charges run in order, so
 * two in one call that share a counter see each other. A charge is made first and taken back when a budget refuses
 * it (refusals are rare; checking first cost a read of every counter on every request). A counter's expiry is set
 * when this script creates it (its window's first charge), not on every charge.
 */
const CHARGE = `
local window = tonumber(ARGV[1])
local charges = tonumber(ARGV[2])
local arg = 3
local key = 0
local rows = {}
for c = 1, charges do
  local n = tonumber(ARGV[arg])
  local tokens = tonumber(ARGV[arg + 1])
  local limit = arg + 1
  local row = {1, 0, 0}
  for i = 1, n do
    local requests = redis.call('INCR', KEYS[key + 2 * i - 1])
    local used = redis.call('INCRBY', KEYS[key + 2 * i], tokens)
    if requests == 1 then redis.call('PEXPIRE', KEYS[key + 2 * i - 1], window * 2) end
    if used == tokens then redis.call('PEXPIRE', KEYS[key + 2 * i], window * 2) end
    table.insert(row, requests)
    table.insert(row, used)
    if row[2] == 0 and requests > tonumber(ARGV[limit + 2 * i - 1]) then row[1] = 0; row[2] = i; row[3] = 1 end
    if row[2] == 0 and used > tonumber(ARGV[limit + 2 * i]) then row[1] = 0; row[2] = i; row[3] = 2 end
  end
  if row[1] == 0 then
    for i = 1, n do
      row[2 + 2 * i] = redis.call('DECR', KEYS[key + 2 * i - 1])
      row[3 + 2 * i] = redis.call('DECRBY', KEYS[key + 2 * i], tokens)
    end
  end
  rows[c] = row
  arg = arg + 2 + 2 * n
  key = key + 2 * n
end
return rows`;

/** The shared client once `CHARGE` is defined on it as a command. */
type ChargingRedis = RedisClient & {
  wardenRateCharge(keyCount: number, ...keysAndArgs: Array<string | number>): Promise<number[][]>;
};

/** One request's charge waiting for the next script call. */
interface PendingCharge {
  keys: string[];
  tokens: number;
  limits: number[];
  settle: { resolve(row: number[]): void; reject(error: unknown): void };
}

@Injectable()
export class RateLimiter {
  private readonly redis: ChargingRedis;
  /** What each budget had left after this process last charged it (by subject): see `lastSeenRoomFor`. */
  private readonly lastSeen = new Map<string, { remainingRequests: number; remainingTokens: number }>();
  /** Charges waiting for the next script call, by the slot group their counters share (see `slotGroup`). */
  private readonly pending = new Map<string, PendingCharge[]>();
  private callScheduled = false;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {
    // As a defined command the script goes by its SHA1 (EVALSHA, loaded by EVAL when Redis does not have it yet)
    // instead of its whole text on every request.
    redis.defineCommand('wardenRateCharge', { lua: CHARGE });
    this.redis = redis as ChargingRedis;
  }
  /** Charges a request of `tokens` to every budget; returns its x-ratelimit-* headers or throws a 429 with them. */
  async enforce(budgets: RateBudget[], tokens: number): Promise<Record<string, string>> {
    const decision = await this.charge(budgets, tokens);
    const headers = rateLimitHeaders(decision);
    if (decision.exceeded) {
      const { budget, dimension } = decision.exceeded;
      const limit = dimension === 'requests' ? budget.requestsPerMinute : budget.tokensPerMinute;
      throw new RateLimitError(
        `Rate limit reached for ${describeScope(budget)}: ${dimension} per minute (limit ${limit}). Retry after ${Math.ceil(decision.resetMs / 1000)} s.`,
        headers,
        decision.resetMs,
      );
    }
    return headers;
  }

  /**
   * Whether every budget had room for another request of `tokens` when this process last charged it. Only a hint
   * (other instances charge the same counters, a new window refills them): callers may start costly work alongside
   * the charge when it says yes, never skip the charge. A budget this process has not charged yet, or found
   * spent, says no, so a client refused once does not get that work done for it while it keeps being refused.
   */
  lastSeenRoomFor(budgets: RateBudget[], tokens: number): boolean {
    return budgets.every((budget) => {
      const seen = this.lastSeen.get(budget.subject);
      return seen !== undefined && seen.remainingRequests > 1 && seen.remainingTokens > tokens;
    });
  }

  async charge(budgets: RateBudget[], tokens: number, now = Date.now()): Promise<RateDecision> {
    const windowStart = now - (now % WINDOW_MS);
    const resetMs = windowStart + WINDOW_MS - now;
    const keys = budgets.flatMap((budget) => [
      this.counterKey(budget, windowStart, 'r'),
      this.counterKey(budget, windowStart, 't'),
    ]);
    const limits = budgets.flatMap((budget) => [budget.requestsPerMinute, budget.tokensPerMinute]);
    const result = await this.submit(this.slotGroup(budgets), keys, tokens, limits);
    const states = budgets.map((budget, i) => ({
      budget,
      remainingRequests: Math.max(0, budget.requestsPerMinute - result[3 + 2 * i]),
      remainingTokens: Math.max(0, budget.tokensPerMinute - result[4 + 2 * i]),
    }));
    if (this.lastSeen.size + states.length > MAX_REMEMBERED_BUDGETS) this.lastSeen.clear();
    for (const { budget, remainingRequests, remainingTokens } of states) {
      this.lastSeen.set(budget.subject, { remainingRequests, remainingTokens });
    }
    if (result[0] === 0) {
      const budget = budgets[result[1] - 1];
      return {
        allowed: false,
        exceeded: { budget, dimension: result[2] === 1 ? 'requests' : 'tokens' },
        states,
        resetMs,
      };
    }
    return { allowed: true, states, resetMs };
  }

  /**
   * A budget's counter for one window and dimension (`r` requests, `t` tokens). On a Redis Cluster the name carries
   * the application as a hash tag: a request's budgets all belong to one application, so one script can charge them.
   */
  private counterKey(budget: RateBudget, windowStart: number, dimension: 'r' | 't'): string {
    const slot = this.config.redisCluster ? `{${budget.applicationId}}:` : '';
    return `${this.config.redisPrefix}:rate:${slot}${budget.subject}:${windowStart}:${dimension}`;
  }

  /** Charges that may share a script call: all of them on one Redis, those of one application on a Cluster. */
  private slotGroup(budgets: RateBudget[]): string {
    return this.config.redisCluster ? budgets[0].applicationId : '';
  }

  /**
   * Queues a charge for the script call that leaves once this turn of the event loop is over: under load the
   * requests that arrive together share one Redis round trip (a command's write and its reply cost more than the
   * script's work for one request); a lone request waits only for the end of its turn.
   */
  private submit(group: string, keys: string[], tokens: number, limits: number[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      const charges = this.pending.get(group) ?? [];
      if (charges.length === 0) this.pending.set(group, charges);
      charges.push({ keys, tokens, limits, settle: { resolve, reject } });
      if (charges.length >= MAX_CHARGES_PER_CALL) {
        this.send(group);
      } else if (!this.callScheduled) {
        this.callScheduled = true;
        setImmediate(() => {
          this.callScheduled = false;
          for (const waiting of [...this.pending.keys()]) this.send(waiting);
        });
      }
    });
  }

  private send(group: string): void {
    const charges = this.pending.get(group);
    if (!charges) return;
    this.pending.delete(group);
    const keys = charges.flatMap((charge) => charge.keys);
    const args = charges.flatMap((charge) => [charge.keys.length / 2, charge.tokens, ...charge.limits]);
    this.redis.wardenRateCharge(keys.length, ...keys, WINDOW_MS, charges.length, ...args).then(
      (rows) => charges.forEach((charge, i) => charge.settle.resolve(rows[i])),
      (error: unknown) => charges.forEach((charge) => charge.settle.reject(error)),
    );
  }
}

/** The key, end-user and application budgets a policy's rate limits set for one caller. */
export function rateBudgets(limits: RateLimits, subject: BudgetSubject): RateBudget[] {
  const budgets: RateBudget[] = [
    {
      scope: BudgetScope.Key,
      subject: `key:${subject.keyId}`,
      applicationId: subject.applicationId,
      requestsPerMinute: limits.requestsPerMinute,
      tokensPerMinute: limits.tokensPerMinute,
    },
    {
      scope: BudgetScope.Application,
      subject: `app:${subject.applicationId}:${subject.sandboxKey ? 'sandbox' : 'production'}`,
      applicationId: subject.applicationId,
      requestsPerMinute: limits.applicationRequestsPerMinute,
      tokensPerMinute: limits.applicationTokensPerMinute,
    },
  ];
  if (subject.endUser) {
    budgets.push({
      scope: BudgetScope.EndUser,
      subject: `user:${subject.applicationId}:${subject.endUser}`,
      applicationId: subject.applicationId,
      requestsPerMinute: Math.min(
        limits.endUserRequestsPerMinute,
        subject.throttledRequestsPerMinute ?? Number.POSITIVE_INFINITY,
      ),
      tokensPerMinute: limits.endUserTokensPerMinute,
    });
  }
  return budgets;
}

const HEADER_SUFFIX: Record<BudgetScope, string> = {
  [BudgetScope.Key]: '',
  [BudgetScope.EndUser]: '-end-user',
  [BudgetScope.Application]: '-application',
};

/**
 * OpenAI's header names and duration format ("1s", "6m0s"). `x-ratelimit-*` always describe the key's budget, as
 * OpenAI's do; the end user's and the application's budgets get the same headers with a `-end-user` or
 * `-application` suffix.
 */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const reset = formatDuration(decision.resetMs);
  const headers: Record<string, string> = {};
  for (const { budget, remainingRequests, remainingTokens } of decision.states) {
    const suffix = HEADER_SUFFIX[budget.scope];
    headers[`x-ratelimit-limit-requests${suffix}`] = String(budget.requestsPerMinute);
    headers[`x-ratelimit-limit-tokens${suffix}`] = String(budget.tokensPerMinute);
    headers[`x-ratelimit-remaining-requests${suffix}`] = String(remainingRequests);
    headers[`x-ratelimit-remaining-tokens${suffix}`] = String(remainingTokens);
    headers[`x-ratelimit-reset-requests${suffix}`] = reset;
    headers[`x-ratelimit-reset-tokens${suffix}`] = reset;
  }
  return headers;
}

function describeScope(budget: RateBudget): string {
  switch (budget.scope) {
    case BudgetScope.Key:
      return 'this API key';
    case BudgetScope.EndUser:
      return `end user "${budget.subject.split(':').slice(2).join(':')}"`;
    case BudgetScope.Application:
      return 'this application (all its keys together)';
  }
}

export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m${seconds % 60}s` : `${seconds}s`;
}
