import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode, WardenError } from './common/errors';
import { ERROR_CATALOG, errorCatalog } from './error-catalog';

/**
 * Error classes carry no status or type: every answer (the filter's, the request log's, a bulk decision's) reads the
 * catalog by code. The compiler demands an entry for every registered code; these check the errors the domains
 * actually build, casts included, and the one lookup everything goes through.
 */
describe('error catalog', () => {
  const errorFiles = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.errors.ts') || file.endsWith('.errors.js'));

  // Factories take ids, names, lists and dates; one of these fits each.
  const ARGUMENT_SETS: unknown[][] = [
    ['x', [], 'x', 'x'],
    ['x', new Date()],
    [new Date()],
    [[], 'x'],
    ['x', null],
    [null, 'x', new Date()],
  ];
  const unbuilt: string[] = [];

  function built(): WardenError[] {
    const errors: WardenError[] = [];
    for (const file of errorFiles) {
      const module = require(path.join(__dirname, file)) as Record<string, unknown>;
      for (const exported of Object.values(module)) {
        if (typeof exported !== 'function' || !(exported.prototype instanceof WardenError)) continue;
        // Classes with a fixed code are built directly; the others (status and code as arguments) refuse these.
        const direct = ARGUMENT_SETS.map((args) => {
          try {
            return new (exported as new (...args: unknown[]) => unknown)(...args);
          } catch {
            return null;
          }
        }).find(
          (error) =>
            error instanceof WardenError && typeof error.code === 'string' && (error.code as string) !== 'x',
        );
        if (direct instanceof WardenError) errors.push(direct);
        for (const name of Object.getOwnPropertyNames(exported)) {
          const factory = (exported as unknown as Record<string, unknown>)[name];
          if (typeof factory !== 'function' || ['length', 'name', 'prototype'].includes(name)) continue;
          const made = ARGUMENT_SETS.map((args) => {
            try {
              return (factory as (...args: unknown[]) => unknown).apply(exported, args);
            } catch {
              return null;
            }
          }).find((error) => error instanceof WardenError);
          if (made instanceof WardenError) errors.push(made);
          else unbuilt.push(`${exported.name}.${name}`);
        }
      }
    }
    return errors;
  }

  it('finds the domain errors files', () => {
    expect(errorFiles.length).toBeGreaterThanOrEqual(15);
  });

  it('has an entry for the code of every factory-built error', () => {
    const errors = built();
    expect(errors.length).toBeGreaterThan(40);
    const uncatalogued = errors
      .filter((error) => !Object.hasOwn(ERROR_CATALOG, error.code))
      .map((error) => `${error.name}: ${error.code}`);
    expect(uncatalogued).toEqual([]);
    expect(unbuilt).toEqual([]);
  });

  it('answers an error with the status and type of its code', () => {
    const [sample] = built().filter((error) => ERROR_CATALOG[error.code].status === 409);
    const { status, type } = ERROR_CATALOG[sample.code];
    expect(errorCatalog.statusOf(sample)).toBe(409);
    expect(errorCatalog.bodyOf(sample)).toEqual({
      message: sample.message,
      type,
      param: sample.param,
      code: sample.code,
    });
    expect(errorCatalog.presentationOf(sample.code)).toEqual({ status, type });
  });

  it('gives every code a client or server error status', () => {
    const outOfRange = Object.entries(ERROR_CATALOG)
      .filter(([, { status }]) => status < 400 || status > 599)
      .map(([code]) => code as ErrorCode);
    expect(outOfRange).toEqual([]);
  });
});
