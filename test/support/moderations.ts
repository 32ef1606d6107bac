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
  const response = await fetch(`${warden.url}/v1/moderations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: ModerationResult[] }).results;
}
