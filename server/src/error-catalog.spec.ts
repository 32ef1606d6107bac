import fs from 'node:fs';
import path from 'node:path';
import { WardenError } from './common/errors';
import { ERROR_CATALOG } from './error-catalog';

/**
 * The filter answers from the catalog; the domain error classes still declare a status and type (the request log
 * records them). Every error a domain's factories build must agree with the catalog, or an answer would change.
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

  it("agrees with every factory-built error's status and type", () => {
    const errors = built();
    expect(errors.length).toBeGreaterThan(40);
    const disagreements = errors
      .filter((error) => {
        const entry = ERROR_CATALOG[error.code];
        return !entry || entry.status !== error.status || entry.type !== error.type;
      })
      .map(
        (error) =>
          `${error.code}: ${error.status} ${error.type} vs ${JSON.stringify(ERROR_CATALOG[error.code])}`,
      );
    expect(disagreements).toEqual([]);
    expect(unbuilt).toEqual([]);
  });
});
