import type { PolicyPatch, PolicyRules } from '../types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What `edited` changes relative to `previous`: objects recurse, anything else (arrays too) is a leaf. */
function diff(previous: Json | undefined, edited: Json): Json | undefined {
  if (isObject(previous) && isObject(edited)) {
    const changes: JsonObject = {};
    for (const [key, value] of Object.entries(edited)) {
      const change = diff(previous[key], value);
      if (change !== undefined) changes[key] = change;
    }
    return Object.keys(changes).length ? changes : undefined;
  }
  return JSON.stringify(previous) === JSON.stringify(edited) ? undefined : edited;
}

export function diffPolicy(previous: PolicyRules, edited: PolicyRules): PolicyPatch {
  return (diff(previous as unknown as Json, edited as unknown as Json) ?? {}) as PolicyPatch;
}
