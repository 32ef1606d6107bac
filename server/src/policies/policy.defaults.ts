import {
  ALL_CATEGORIES,
  CategoryPolicy,
  EVEN_ODDS,
  ModerationAction as A,
  ModerationCategory,
  OPENAI_CATEGORIES,
  GuardPolicy,
  GuardUse,
} from '../moderation/moderation.types';
import { PolicyRules } from './policy.types';

/** Harms serious enough to refuse outright even for reviewed, live applications. */
const SEVERE: ModerationCategory[] = [
  'sexual/minors',
  'hate/threatening',
  'harassment/threatening',
  'self-harm/instructions',
  'illicit/violent',
];

/**
 * Severe categories the live default refuses on the classifier's score alone only from even odds (EVEN_ODDS):
 * the default model's calibrated thresholds for them sit at or near its 0.1 floor, where everyday questions score
 * too (`Is it better to rent or buy a house?` illicit/violent 0.30; blind, 35 of 400 everyday questions were
 * refused). Below even odds the broader category (illicit, self-harm, harassment) still flags the input and the
 * output is still checked; a harm one of the classifier's documented rules read scores at least even odds
 * (classifier-scorer.ts) and is refused as before. Sandbox applications keep the calibrated thresholds.
 * Hate/threatening is not here: its calibrated threshold (0.565) is already above even odds.
 */
const REFUSED_WHEN_CONFIDENT: ModerationCategory[] = [
  'illicit/violent',
  'self-harm/instructions',
  'harassment/threatening',
];

function rule(input: A, output: A, threshold: number | null = null): CategoryPolicy {
  return { input: { threshold, action: input }, output: { threshold, action: output } };
}

/** Half of a text's tokens unread: the classifier judged at most half of what it says. */
const UNREADABLE_THRESHOLD = 0.5;

function liveCategory(category: ModerationCategory): CategoryPolicy {
  if (REFUSED_WHEN_CONFIDENT.includes(category)) {
    return {
      input: { threshold: EVEN_ODDS, action: A.Block },
      output: { threshold: null, action: A.Block },
    };
  }
  if (SEVERE.includes(category)) return rule(A.Block, A.Block);
  if ((OPENAI_CATEGORIES as readonly string[]).includes(category)) return rule(A.Flag, A.Block);
  switch (category) {
    case 'profanity':
      return rule(A.Observe, A.Flag);
    case 'blocklist':
      return rule(A.Block, A.Block);
    case 'prompt-injection':
      return rule(A.Flag, A.Allow);
    case 'off-topic':
      // Observed until staff choose flag or block for an application (after its topicality preview); scored on
      // input only, so the output rule never fires.
      return rule(A.Observe, A.Allow);
    case 'pii/secret':
      return rule(A.Redact, A.Redact);
    case 'check-failure':
      return rule(A.Block, A.Block); // fail closed: nothing passes a check that could not run
    case 'guard-unavailable':
      return rule(A.Block, A.Block); // only ever scores 1 when the policy fails closed
    case 'unreadable':
      // Recorded, not acted on: most of it is ordinary text in other languages. A policy that relies on the
      // classifier alone for such traffic should hold or block it, or enable a guard that reads it.
      return rule(A.Observe, A.Observe, UNREADABLE_THRESHOLD);
    default:
      return rule(A.Observe, A.Redact); // other PII: developers may send their users' data, but it is not echoed out
  }
}

/**
 * Sandbox applications have not been reviewed yet: every harm category blocks in both directions, at a lower
 * score than live (0.8 of the calibrated threshold), with tighter length limits and the end user required.
 */
function sandboxCategory(category: ModerationCategory): CategoryPolicy {
  const live = liveCategory(category);
  if ((OPENAI_CATEGORIES as readonly string[]).includes(category)) return rule(A.Block, A.Block, null);
  if (category === 'profanity') return rule(A.Flag, A.Block);
  if (category === 'prompt-injection') return rule(A.Block, A.Allow);
  return live;
}

export const SANDBOX_THRESHOLD_SCALE = 0.8;

/**
 * Strike points halve every three hours (by whole half-lives, so a burst adds up exactly). The classifier costs an
 * end user 0.07 points an ordinary chat message and 0.24 an everyday question shaped like a request (about twice that
 * under sandbox thresholds), and those fade; a harmful request costs about 3. `node dist/bench/strikes.js` simulates
 * them: with these defaults no simulated live end user sending 30 chat messages or 10 everyday questions a day was
 * throttled in 30 days and none was blocked even at 100 a day, while an abuser sending harmful requests back to back
 * is throttled after about 5 and blocked after about 10. The previous defaults (5 and 10, never fading) blocked every
 * simulated end user within the month. Sandbox keeps the same points to throttle and block: its stricter thresholds
 * already earn points twice as fast, and its throttle is tighter.
 */
export const STRIKE_HALF_LIFE_HOURS = 3;

/**
 * An application's status as policies read it. `applications` owns the status list and imports policies, so
 * policies take the status as a string rather than import it back.
 */
export const SANDBOX_STATUS = 'sandbox';

export interface PolicySubject {
  id: string;
  status: string;
}

/**
 * Guard checks run wherever the operator configured them. Live applications fail open (a guard outage must not take
 * the API down; the classifier still runs); unreviewed sandbox applications fail closed.
 */
function defaultGuards(sandbox: boolean): GuardPolicy {
  const use = (): GuardUse => ({
    input: true,
    output: true,
    failClosed: { input: sandbox, output: sandbox },
  });
  return { llmGuard: use(), upstreamModeration: use(), combine: 'max' };
}

export function defaultPolicy(status: string): PolicyRules {
  const sandbox = status === SANDBOX_STATUS;
  const categories = Object.fromEntries(
    ALL_CATEGORIES.map((category) => [
      category,
      sandbox ? sandboxCategory(category) : liveCategory(category),
    ]),
  ) as PolicyRules['categories'];
  return {
    categories,
    limits: sandbox
      ? { maxPromptTokens: 256, maxTokens: 64, maxTotalTokens: 320 }
      : { maxPromptTokens: 2048, maxTokens: 512, maxTotalTokens: 2560 },
    rateLimits: sandbox
      ? {
          requestsPerMinute: 20,
          tokensPerMinute: 10_000,
          endUserRequestsPerMinute: 10,
          endUserTokensPerMinute: 5_000,
          // The whole application, however many sandbox keys it mints, gets one key's budget.
          applicationRequestsPerMinute: 20,
          applicationTokensPerMinute: 10_000,
        }
      : {
          requestsPerMinute: 600,
          tokensPerMinute: 400_000,
          endUserRequestsPerMinute: 60,
          endUserTokensPerMinute: 40_000,
          applicationRequestsPerMinute: 3_000,
          applicationTokensPerMinute: 2_000_000,
        },
    strikes: sandbox
      ? { throttleAt: 15, blockAt: 30, throttledRequestsPerMinute: 2, halfLifeHours: STRIKE_HALF_LIFE_HOURS }
      : { throttleAt: 15, blockAt: 30, throttledRequestsPerMinute: 5, halfLifeHours: STRIKE_HALF_LIFE_HOURS },
    blocklist: { words: [], phrases: [], patterns: [] },
    requireUser: sandbox,
    classifierThresholdScale: sandbox ? SANDBOX_THRESHOLD_SCALE : 1,
    classifierSentenceMargin: { input: null, output: null },
    retentionDays: 30,
    redactLoggedText: false,
    guards: defaultGuards(sandbox),
    exemptSystemPrompt: false,
    fineTuning: { maxFlaggedShare: 0.02, reviewAboveShare: 0 },
  };
}
