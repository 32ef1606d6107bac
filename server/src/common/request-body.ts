import { CommonErrorCode } from './errors';
import { z } from 'zod';
import { InvalidRequestError } from '../common/errors';

/** Validates a staff or developer request body; a 400 lists every problem, not just the first. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new InvalidRequestError(CommonErrorCode.InvalidBody, describeIssues(parsed.error.issues));
  }
  return parsed.data;
}

export function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
