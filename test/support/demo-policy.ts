import { runCli, WardenInstance } from './warden';

/** The id of the application the first start creates for `WARDEN_INIT_API_KEY`. */
export async function demoApplicationId(warden: WardenInstance): Promise<string> {
  const [{ id }] = await warden.query<{ id: string }>(
    `SELECT id FROM applications WHERE name = 'Demo application'`,
  );
  return id;
}

/** Stores a policy patch for the demo application through the operator CLI, as an operator would. */
export async function setDemoPolicy(warden: WardenInstance, patch: object): Promise<void> {
  const result = await runCli(warden.env, [
    'policies:set',
    await demoApplicationId(warden),
    JSON.stringify(patch),
  ]);
  if (result.code !== 0) throw new Error(`policies:set failed: ${JSON.stringify(result)}`);
}

/**
 * The red-team suites' policy: no `user` required, budgets no suite reaches, and "coffee" on the blocklist (a word no
 * classifier flags, so a blocklist verdict shows the lexicons read a reshaped text).
 */
export const RED_TEAM_POLICY = {
  requireUser: false,
  rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000 },
  blocklist: { words: ['coffee'] },
};
