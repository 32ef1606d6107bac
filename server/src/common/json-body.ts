import { CommonErrorCode, InvalidRequestError } from './errors';

/**
 * Keys that would reach an object's prototype if a later `Object.assign` or merge copied them: refused, as Fastify
 * refuses them, but saying so (Fastify's parser answers "Body is not valid JSON" and drops the cause).
 */
const PROTOTYPE_KEY = '__proto__';
const CONSTRUCTOR_KEY = 'constructor';

/** Cheap screen before the walk: a JSON text spells those keys plainly or escapes their letters (`\u005f`). */
const MAY_HOLD_PROTOTYPE_KEY = /__proto__|constructor|\\u00[5-7]/i;

/** How much of a key path an error quotes: a hostile body can nest thousands of levels. */
const PATH_SHOWN = 6;

/** The body of an `application/json` request, or a 400 saying what is wrong with it. */
export function parseJsonBody(text: string): unknown {
  if (text.trim().length === 0) {
    throw new InvalidRequestError(CommonErrorCode.InvalidRequest, 'The body is empty: send a JSON object.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidRequest,
      `The body is not valid JSON: ${(err as Error).message}.`,
    );
  }
  if (MAY_HOLD_PROTOTYPE_KEY.test(text)) {
    const path = prototypeKeyPath(value);
    if (path !== null) {
      throw new InvalidRequestError(
        CommonErrorCode.InvalidRequest,
        `The body has a key this server refuses at ${describePath(path)} (a "__proto__" key, or "prototype" inside "constructor", could change the prototype of objects built from the body): remove it.`,
      );
    }
  }
  return value;
}

/**
 * The key path of the first `__proto__` key, or of a `constructor` object with a `prototype` key, in a parsed JSON
 * value; null when there is none. Iterative: JSON.parse accepts nesting deeper than the call stack allows.
 */
export function prototypeKeyPath(value: unknown): string[] | null {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (Array.isArray(next.value)) {
      for (const item of next.value) pending.push({ value: item, path: next.path });
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    const node = next.value as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const path = [...next.path.slice(-PATH_SHOWN), key];
      const child = node[key];
      if (key === PROTOTYPE_KEY) return path;
      if (
        key === CONSTRUCTOR_KEY &&
        typeof child === 'object' &&
        child !== null &&
        Object.hasOwn(child, 'prototype')
      ) {
        return [...path, 'prototype'];
      }
      pending.push({ value: child, path });
    }
  }
  return null;
}

function describePath(path: string[]): string {
  return path.map((key) => JSON.stringify(key)).join(' › ');
}
