import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../contracts';

export { MIN_PASSWORD_LENGTH };
/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Built on first use: the dictionaries ship inside the packages, nothing is fetched. They are loaded here, not
 * imported at the top, because loading them takes ≈ 65 ms on an idle machine (more under load), which every
 * server start and CLI command paid though only setting a password needs them.
 */
function strength(): ZxcvbnFactory {
  if (!estimator) {
    const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    estimator = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  }
  return estimator;
}

/**
 * Why a password is too weak, or null. Length first, then zxcvbn against common passwords, keyboard patterns,
 * repeats and the words of this account (`context`: its e-mail address, its organization, the product name).
 */
export function passwordWeakness(password: string, context: readonly string[]): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  const words = context
    .map((value) => value.toLowerCase())
    .flatMap((value) => [value, ...value.split(/[^a-z0-9]+/)])
    .filter((word) => word.length > 2);
  const result = strength().check(password, ['warden', ...words]);
  if (result.score >= MIN_SCORE) {
    return null;
  }
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `is too easy to guess${hints ? `: ${hints}` : ''}`;
}

/** A zod check for a body with a new password and the values that make it guessable. */
export function strongPassword<T extends { password?: string }>(context: (value: T) => string[]) {
  return (value: T, ctx: z.core.$RefinementCtx<T>) => {
    if (value.password === undefined) {
      return;
    }
    const weakness = passwordWeakness(value.password, context(value));
    if (weakness) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: weakness });
    }
  };
}
