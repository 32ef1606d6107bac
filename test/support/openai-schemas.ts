import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPOSITORY_ROOT } from './warden';

/** Vendored copy (see vendor/openai-openapi/SOURCE.txt): the tests read nothing outside the repository. */
const SPEC_PATH = path.join(REPOSITORY_ROOT, 'vendor', 'openai-openapi', 'openapi.yaml');

let ajv: Ajv | undefined;

/** Validators for schemas of OpenAI's own OpenAPI description (`vendor/openai-openapi/openapi.yaml`). */
export function openAiSchema(name: string): ValidateFunction {
  if (!ajv) {
    const spec = parse(fs.readFileSync(SPEC_PATH, 'utf8')) as { components: unknown };
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addFormat('unixtime', { type: 'number', validate: (value: number) => Number.isInteger(value) });
    ajv.addSchema({ $id: 'openai', components: typedNullables(openApi30Bounds(spec.components)) });
  }
  const validate = ajv.getSchema(`openai#/components/schemas/${name}`);
  if (!validate) {
    throw new Error(`no schema ${name} in the OpenAI spec`);
  }
  return validate;
}

export function expectValid(name: string, body: unknown): void {
  const validate = openAiSchema(name);
  if (!validate(body)) {
    throw new Error(`${name} rejected ${JSON.stringify(body)}:\n${JSON.stringify(validate.errors, null, 2)}`);
  }
}

/**
 * OpenAPI 3.0 writes an exclusive bound as `minimum: x, exclusiveMinimum: true`; JSON Schema (what Ajv compiles)
 * as `exclusiveMinimum: x`. The spec mixes both (e.g. FineTuningJob's learning_rate_multiplier).
 */
function openApi30Bounds(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(openApi30Bounds);
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = openApi30Bounds(value);
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else {
        delete out[flag];
      }
    }
  }
  return out;
}

/**
 * The spec marks some `$ref`s and `anyOf`s `nullable` without a `type`, which Ajv refuses to compile; such a node
 * means "this schema, or null", so it is rewritten to exactly that (validation is neither looser nor stricter).
 */
function typedNullables(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(typedNullables);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, typedNullables(value)] as const);
  const rewritten = Object.fromEntries(entries) as Record<string, unknown>;
  if (rewritten.nullable !== true || 'type' in rewritten) return rewritten;
  const { nullable: _nullable, description, ...schema } = rewritten;
  return { description, anyOf: [schema, { type: 'null' }] };
}
