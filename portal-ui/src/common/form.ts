import type { z } from 'zod';

/**
 * What the portal's forms share: list fields edited one item per line, yes/no radio buttons, and validation with
 * the schema the server parses the request with (contracts), so a form refuses exactly what the server would.
 */

/**
 * Blank lines stay in the form value while typing (dropping them would swallow the line break just typed); `lines`
 * drops them when the form is sent.
 */
export const formatLines = (value: string[] | null | undefined) => (value ?? []).join('\n');
export const parseLines = (text: string) => text.split('\n');
export const lines = (value: string[] | null | undefined) =>
  (value ?? []).map((line) => line.trim()).filter(Boolean);

export const YES_NO_CHOICES = [
  { id: 'yes', name: 'Yes' },
  { id: 'no', name: 'No' },
];

/** Yes/no answers are booleans on the wire and radio buttons on screen, where nothing is picked until answered. */
export const formatYesNo = (value: boolean | null | undefined) =>
  value === true ? 'yes' : value === false ? 'no' : '';
export const parseYesNo = (value: string) => value === 'yes';

/** Zod's defaults name types ("expected number, received null"); a form names what to do instead. */
function describe(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null || input === '') {
        return issue.expected === 'boolean' ? 'Answer yes or no' : 'Required';
      }
      return issue.expected === 'int' ? 'A whole number' : undefined;
    case 'invalid_value':
      return input === undefined || input === null || input === '' ? 'Required' : 'Choose one of the options';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Required' : `At least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? 'Required' : undefined;
      return issue.origin === 'number' ? `At least ${Number(issue.minimum).toLocaleString()}` : undefined;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${Number(issue.maximum).toLocaleString()} characters`;
      if (issue.origin === 'array') return `At most ${issue.maximum} lines`;
      return issue.origin === 'number' ? `At most ${Number(issue.maximum).toLocaleString()}` : undefined;
    default:
      return undefined;
  }
}

/** The schema's own messages are written to follow a field name ("describe the use case in…"). */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

type Errors = { [field: string]: string | Errors };

/**
 * react-admin's form-level errors for `input` (the values as they would be sent): each field's first problem, in
 * the server's own wording where the schema has one. A list item's problem is shown on its list, naming the item;
 * a problem with the whole input (a refinement without a path) on `wholeInputField`.
 */
export function schemaErrors(schema: z.ZodType, input: unknown, wholeInputField?: string): Errors {
  const parsed = schema.safeParse(input, { error: describe });
  if (parsed.success) return {};
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const last = issue.path.at(-1);
    const item = typeof last === 'number' ? valueAt(input, issue.path) : undefined;
    if (typeof last === 'number') path.pop();
    if (path.length === 0 && wholeInputField) path.push(wholeInputField);
    if (path.length === 0) continue;
    const message =
      typeof item === 'string' ? `“${item}”: ${issue.message.toLowerCase()}` : sentence(issue.message);
    let level: Errors | null = errors;
    for (const key of path.slice(0, -1)) {
      const next: string | Errors = (level[key] ??= {});
      // A field that already has its own problem shows that one; its parts' wait until it is fixed.
      level = typeof next === 'string' ? null : next;
      if (!level) break;
    }
    if (level) level[path.at(-1)!] ??= message;
  }
  return errors;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
}
