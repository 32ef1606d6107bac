import { randomBytes } from 'node:crypto';
import { CHECKLIST_ITEMS } from '../../contracts/src';

/** Thin HTTP helpers for Warden's APIs (`/v1` with an API key, `/admin` and `/portal` with a session token), and
 * factories for the staff and developer flows. */
export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  requestId: string;
  body: T;
}

/** A string body goes out as it is, so that a test can send malformed JSON; anything else is sent as JSON. */
export async function request<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...options.headers },
    body:
      options.body === undefined || typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    requestId: response.headers.get('x-request-id')!,
    body: (text ? parsedOrText(text) : null) as T,
  };
}

/** POSTs a JSON body to Warden with the API key (none when undefined) as bearer token. */
export function postJson<T = Record<string, any>>(
  baseUrl: string,
  path: string,
  apiKey: string | undefined,
  body: unknown,
  options: { headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  return request<T>(baseUrl, 'POST', path, { token: apiKey, body, headers: options.headers });
}

/** An event stream or an HTML page is not JSON: its text is kept for the test to read. */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.com`;
}

export const STAFF_PASSWORD = 'staff-password-long-enough';
export const DEVELOPER_PASSWORD = 'developer-password-long-enough';

export interface Session {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

export interface DeveloperSession extends Session {
  organizationId: string;
  organizationName: string;
}

export async function staffLogin(baseUrl: string, email: string, password: string): Promise<Session> {
  const result = await request<{ accessToken: string; refreshToken: string; user: { id: string } }>(
    baseUrl,
    'POST',
    '/admin/auth/login',
    {
      body: { email, password },
    },
  );
  if (result.status !== 200) {
    throw new Error(`staff login failed for ${email}: ${result.status} ${JSON.stringify(result.body)}`);
  }
  return {
    id: result.body.user.id,
    email,
    password,
    token: result.body.accessToken,
    refreshToken: result.body.refreshToken,
  };
}

export async function createStaff(
  baseUrl: string,
  adminToken: string,
  role: 'admin' | 'reviewer' | 'analyst' | 'labeler',
  email = uniqueEmail(role),
): Promise<Session> {
  const created = await request(baseUrl, 'POST', '/admin/staff', {
    token: adminToken,
    body: { email, password: STAFF_PASSWORD, role },
  });
  if (created.status !== 201) {
    throw new Error(`could not create ${role}: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return staffLogin(baseUrl, email, STAFF_PASSWORD);
}

/**
 * A reviewer, a developer in an organization of their own, and an insider: staff (a reviewer unless `insiderRole`
 * says otherwise) signed up with the developer's e-mail address, whom self-review keeps from deciding for that
 * organization.
 */
export async function reviewerDeveloperAndInsider(
  baseUrl: string,
  admin: { email: string; password: string },
  insiderRole: 'admin' | 'reviewer' | 'analyst' | 'labeler' = 'reviewer',
): Promise<{ reviewer: Session; developer: DeveloperSession; insider: Session }> {
  const { token } = await staffLogin(baseUrl, admin.email, admin.password);
  const reviewer = await createStaff(baseUrl, token, 'reviewer');
  const developer = await registerDeveloper(baseUrl);
  const insider = await createStaff(baseUrl, token, insiderRole, developer.email);
  return { reviewer, developer, insider };
}

/** Registers (202, the same answer for a taken address) and signs in: the portal's two steps. */
export async function registerDeveloper(
  baseUrl: string,
  email = uniqueEmail('developer'),
): Promise<DeveloperSession> {
  const organizationName = `Org ${randomBytes(4).toString('hex')}`;
  const registered = await request(baseUrl, 'POST', '/portal/auth/register', {
    body: { organizationName, email, password: DEVELOPER_PASSWORD },
  });
  if (registered.status !== 202) {
    throw new Error(`registration failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  const result = await request<{
    accessToken: string;
    refreshToken: string;
    user: { id: string; organizationId: string };
  }>(baseUrl, 'POST', '/portal/auth/login', { body: { email, password: DEVELOPER_PASSWORD } });
  if (result.status !== 200) {
    throw new Error(`sign-in after registration failed: ${result.status} ${JSON.stringify(result.body)}`);
  }
  return {
    id: result.body.user.id,
    email,
    password: DEVELOPER_PASSWORD,
    token: result.body.accessToken,
    refreshToken: result.body.refreshToken,
    organizationId: result.body.user.organizationId,
    organizationName,
  };
}

export function questionnaire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    useCaseCategory: 'customer-support',
    useCaseDescription: 'Drafts replies to customer e-mails that an agent edits and sends.',
    openEndedness: 'mixed',
    endUsers: 'Our own support agents',
    audienceSize: 'small',
    humanInTheLoop: true,
    endUserAuthentication: true,
    misuseHandling: 'Agents flag bad drafts; we review flagged drafts daily and block abusive accounts.',
    inputLength: 400,
    outputLength: 200,
    expectedVolume: 3000,
    ...overrides,
  };
}

export interface Applied {
  id: string;
  sandboxKey: { id: string; prefix: string; secret: string; kind: string };
}

export async function apply(
  baseUrl: string,
  developer: DeveloperSession,
  overrides: Record<string, unknown> = {},
): Promise<Applied> {
  const result = await request<Applied>(baseUrl, 'POST', '/portal/applications', {
    token: developer.token,
    body: { name: `App ${randomBytes(3).toString('hex')}`, questionnaire: questionnaire(overrides) },
  });
  if (result.status !== 201) {
    throw new Error(`apply failed: ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body;
}

/** `researcher` applies for academic access (the answers a grant needs, `overrides` replacing some); the grant's id. */
export async function applyForResearch(
  baseUrl: string,
  researcher: DeveloperSession,
  name = 'Stereotype study',
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await request<{ id: string }>(baseUrl, 'POST', '/portal/research/applications', {
    token: researcher.token,
    body: {
      name,
      questionnaire: {
        institution: 'University of Testing',
        researchQuestion: 'Does the model complete prompts about professions with stereotypes?',
        harmsStudied: ['occupational stereotypes'],
        dataHandling: 'Outputs stay on the university cluster and are deleted after 12 months.',
        ethicsApprovalReference: 'IRB-2026-0412',
        ethicsApproved: true,
        ...overrides,
      },
    },
  });
  expectStatus(result, 201);
  return result.body.id;
}

/** Every review checklist item answered yes: what an approval needs. */
export function fullChecklist(): Record<string, boolean> {
  return Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, true]));
}

export async function decide(
  baseUrl: string,
  reviewer: Session,
  applicationId: string,
  decision: string,
  extra: Record<string, unknown> = {},
): Promise<HttpResult<Record<string, unknown>>> {
  return request(baseUrl, 'POST', `/admin/applications/${applicationId}/decisions`, {
    token: reviewer.token,
    body: {
      decision,
      rationale: `${decision} in a test`,
      checklist: decision === 'approve' ? fullChecklist() : {},
      ...extra,
    },
  });
}

/** An application taken through submit and start_review, ready for a decision. */
export async function applicationInReview(
  baseUrl: string,
  developer: DeveloperSession,
  reviewer: Session,
): Promise<Applied> {
  const applied = await apply(baseUrl, developer);
  expectStatus(
    await request(baseUrl, 'POST', `/portal/applications/${applied.id}/submit`, { token: developer.token }),
    200,
  );
  expectStatus(await decide(baseUrl, reviewer, applied.id, 'start_review'), 200);
  return applied;
}

export interface IssuedKey {
  id: string;
  kind: string;
  secret: string;
}

/** The developer's own key for an application, made in the portal (a production key once the application is live). */
export async function createOwnKey(
  baseUrl: string,
  developer: DeveloperSession,
  applicationId: string,
  name = 'production',
): Promise<IssuedKey> {
  const created = await request<IssuedKey>(baseUrl, 'POST', `/portal/applications/${applicationId}/keys`, {
    token: developer.token,
    body: { name },
  });
  expectStatus(created, 201);
  return created.body;
}

/** Approved by `reviewer`, then given a production key by its developer (approval issues none). */
export async function liveApplication(
  baseUrl: string,
  developer: DeveloperSession,
  reviewer: Session,
): Promise<Applied & { productionKey: IssuedKey }> {
  const applied = await applicationInReview(baseUrl, developer, reviewer);
  expectStatus(await decide(baseUrl, reviewer, applied.id, 'approve'), 200);
  return { ...applied, productionKey: await createOwnKey(baseUrl, developer, applied.id) };
}

export function expectStatus(result: HttpResult, status: number): void {
  if (result.status !== status) {
    throw new Error(`expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  }
}

export interface CompletionResult {
  choices?: Array<{ text: string }>;
  error?: { code: string; type: string; message: string; param: string | null };
}

/** Calls /v1/completions with a key; the upstream answers deterministically. */
export async function complete(
  baseUrl: string,
  key: string,
  body: Record<string, unknown> = {},
): Promise<HttpResult<CompletionResult>> {
  return request(baseUrl, 'POST', '/v1/completions', {
    token: key,
    body: { model: 'house-model', prompt: 'Once upon a time', max_tokens: 8, user: 'end-user-1', ...body },
  });
}
