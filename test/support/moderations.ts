import { postJson } from './review-api';
import { WardenInstance } from './warden';

/** One result of `/v1/moderations`, as far as the red-team suites read it. */
export interface ModerationResult {
  flagged: boolean;
  categories: Record<string, boolean>;
  warden_categories: Record<string, boolean>;
}

/** Moderates the texts through `/v1/moderations` under the key; the answer must be a 200. */
export async function moderate(
  warden: WardenInstance,
  apiKey: string,
  input: string[],
): Promise<ModerationResult[]> {
  const answer = await postJson<{ results: ModerationResult[] }>(warden.url, '/v1/moderations', apiKey, {
    input,
  });
  expect(answer.status).toBe(200);
  return answer.body.results;
}
