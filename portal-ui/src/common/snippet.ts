/** The embedded model a fresh Warden serves; the snippet names it when /v1/models cannot be asked. */
export const DEFAULT_MODEL = 'stories260K';

/** The OpenAI API's base URL on this Warden: the portal is served by the same api. */
export function apiBaseUrl(): string {
  return `${window.location.origin}/v1`;
}

export function shellSnippet(secret: string): string {
  return `export WARDEN_API_KEY='${secret}'`;
}

/** The official client pointed at Warden; `user` names the end user, which Warden's per-user limits key on. */
export function openAiSnippet(model: string): string {
  return `// npm install openai
import OpenAI from 'openai';

const client = new OpenAI({
  apiKey: process.env.WARDEN_API_KEY,
  baseURL: '${apiBaseUrl()}',
});

const completion = await client.completions.create({
  model: '${model}',
  prompt: 'Once upon a time',
  max_tokens: 40,
  user: 'end-user-1234',
});
console.log(completion.choices[0].text);`;
}

/** The first model the new key may call, read with that key. */
export async function firstModel(secret: string): Promise<string> {
  try {
    const response = await fetch('/v1/models', { headers: { Authorization: `Bearer ${secret}` } });
    if (!response.ok) return DEFAULT_MODEL;
    const { data } = (await response.json()) as { data?: { id: string }[] };
    return data?.[0]?.id ?? DEFAULT_MODEL;
  } catch {
    return DEFAULT_MODEL;
  }
}

/** Checks a delivery's x-warden-signature (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`) on the raw body. */
export function webhookVerifySnippet(): string {
  return `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received, before any JSON parsing.
function verifyWardenSignature(rawBody, header, secret = process.env.WARDEN_WEBHOOK_SECRET) {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
  const age = Math.abs(Date.now() / 1000 - Number(parts.t));
  if (!parts.v1 || !(age <= 300)) return false;
  const expected = createHmac('sha256', secret).update(\`\${parts.t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;
}
