import OpenAI from 'openai';
import { ALL_CATEGORIES } from '../server/src/moderation/moderation.types';
import { CHECKLIST_ITEMS, RESEARCH_CHECKLIST_ITEMS } from '../contracts/src';
import {
  ApiKeyManagementErrorCode,
  ApplicationReviewErrorCode,
  CommonErrorCode,
  ModerationErrorCode,
  OPENAI_ERRORS,
  OpenAiErrorName,
  ResearchGrantErrorCode,
  openAiError,
  staffAnswer,
} from './support/error-catalog';
import { expectValid } from './support/openai-schemas';
import {
  createStaff,
  decide,
  DeveloperSession,
  expectStatus,
  registerDeveloper,
  request,
  Session,
  staffLogin,
} from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { eventually, loggedVerdicts, startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };
const MODEL = 'house-model';
const HARMFUL = 'I will kill you and your whole family with a knife';
const DAY_MS = 24 * 3600 * 1000;
/** Short, so a date changed in the database is read on the next call without waiting on a timer. */
const CACHE_TTL_MS = 100;

interface Grant {
  id: string;
  status: string;
  reviewState: string;
  startsAt: string | null;
  endsAt: string | null;
  daysLeft: number | null;
  profile: Record<string, unknown>;
  renewal: { state: string; requestedEndsAt: string | null; count: number; rationale: string | null };
  usage?: { requestsToday: number; tokensToday: number; requestsTotal: number; tokensTotal: number };
  biasRuns?: Array<{ id: string; status: string }>;
}

function researchQuestionnaire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    institution: 'University of Testing, Department of Computational Social Science',
    researchQuestion: 'Does the model complete prompts about professions with gendered stereotypes?',
    harmsStudied: ['gender bias', 'occupational stereotypes'],
    dataHandling:
      'Outputs stay on the university cluster, are deleted after 12 months and never published raw.',
    ethicsApprovalReference: 'IRB-2026-0412',
    ethicsApproved: true,
    ...overrides,
  };
}

/** The OpenAI envelope of a refusal, as the official client raises it. */
async function refusal(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (err) {
    if (err instanceof OpenAI.APIError) {
      return { status: err.status, ...(err.error as Record<string, unknown>) };
    }
    throw err;
  }
  throw new Error('the call was not refused');
}

function expected(name: OpenAiErrorName): Record<string, unknown> {
  return { ...OPENAI_ERRORS[name] };
}

/** The academic access program end to end: portal → review (research checklist) → grant → /v1 → expiry → renewal. */
describe('academic access program', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let url: string;
  let admin: Session;
  let reviewer: Session;
  let researcher: DeveloperSession;
  let grantId: string;
  let researchKey: { id: string; secret: string; expiresAt: string };
  let client: OpenAI;

  const grant = async (): Promise<Grant> => {
    const result = await request<Grant>(url, 'GET', `/admin/research-grants/${grantId}`, {
      token: reviewer.token,
    });
    expectStatus(result, 200);
    return result.body;
  };
  const setTerms = async (terms: Record<string, unknown>): Promise<Grant> => {
    const result = await request<Grant>(url, 'PUT', `/admin/research-grants/${grantId}`, {
      token: reviewer.token,
      body: terms,
    });
    expectStatus(result, 200);
    return result.body;
  };
  const complete = (body: Partial<OpenAI.CompletionCreateParamsNonStreaming> = {}) =>
    client.completions.create({ model: MODEL, prompt: 'Once upon a time', max_tokens: 4, ...body });

  beforeAll(async () => {
    warden = await startWarden('academic', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: MODEL,
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_KEY_CACHE_TTL_MS: String(CACHE_TTL_MS),
    });
    url = warden.url;
    admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(url, admin.token, 'reviewer');
    researcher = await registerDeveloper(url);
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  it('takes a research application through review to a grant whose key expires with it', async () => {
    // An approved study names its ethics reference.
    const missingReference = await request(url, 'POST', '/portal/research/applications', {
      token: researcher.token,
      body: {
        name: 'Stereotype study',
        questionnaire: researchQuestionnaire({ ethicsApprovalReference: null }),
      },
    });
    expect(missingReference).toMatchObject(
      staffAnswer(CommonErrorCode.InvalidBody, expect.stringContaining('ethicsApprovalReference')),
    );

    const applied = await request<Grant>(url, 'POST', '/portal/research/applications', {
      token: researcher.token,
      body: { name: 'Stereotype study', questionnaire: researchQuestionnaire() },
    });
    expectStatus(applied, 201);
    expect(applied.body).toMatchObject({ status: 'pending', reviewState: 'submitted', endsAt: null });
    grantId = applied.body.id;

    // Staff see it in the same review queue, as a research application.
    const queued = await request<{ kind: string; reviewState: string }>(
      url,
      'GET',
      `/admin/applications/${grantId}`,
      {
        token: reviewer.token,
      },
    );
    expect(queued.body).toMatchObject({ kind: 'research', reviewState: 'submitted' });
    // No key before approval: research has no sandbox.
    const early = await request(url, 'POST', `/portal/research/grants/${grantId}/keys`, {
      token: researcher.token,
      body: { name: 'early', expiresAt: new Date(Date.now() + DAY_MS).toISOString() },
    });
    expect(early).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.ApplicationNotAcceptingKeys));
    expectStatus(await decide(url, reviewer, grantId, 'start_review'), 200);

    // The product checklist does not approve a research grant: its own checklist is enforced.
    const productChecklist = await decide(url, reviewer, grantId, 'approve');
    expect(productChecklist).toMatchObject(
      staffAnswer(
        ApplicationReviewErrorCode.ChecklistIncomplete,
        expect.stringContaining('ethicsApprovalChecked'),
      ),
    );
    const researchChecklist = Object.fromEntries(RESEARCH_CHECKLIST_ITEMS.map((item) => [item, true]));
    const oneUnanswered = { ...researchChecklist, dataHandlingAdequate: false };
    const refused = await decide(url, reviewer, grantId, 'approve', { checklist: oneUnanswered });
    expect(refused).toMatchObject(
      staffAnswer(
        ApplicationReviewErrorCode.ChecklistIncomplete,
        expect.stringContaining('dataHandlingAdequate'),
      ),
    );
    expect(refused.body.message).not.toContain(CHECKLIST_ITEMS[0]);

    // Nor without the grant's dates.
    const undated = await decide(url, reviewer, grantId, 'approve', { checklist: researchChecklist });
    expect(undated).toMatchObject(
      staffAnswer(ApplicationReviewErrorCode.GrantTermsMissing, expect.stringContaining('dates')),
    );

    const endsAt = new Date(Date.now() + 30 * DAY_MS);
    const terms = await setTerms({
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      endsAt: endsAt.toISOString(),
      profile: { allowLogprobs: true },
    });
    expect(terms).toMatchObject({ status: 'pending', daysLeft: 29 });

    const approved = await decide(url, reviewer, grantId, 'approve', { checklist: researchChecklist });
    expectStatus(approved, 200);
    // The approval issues no key (staff never see a researcher's secret): the researcher makes them, below.
    expect(approved.body).not.toHaveProperty('productionKey');
    expect(await warden.query(`SELECT id FROM api_keys WHERE application_id = $1`, [grantId])).toEqual([]);
    expect((await grant()).status).toBe('active');
    // Approved: the dates move only through a renewal.
    const moved = await request(url, 'PUT', `/admin/research-grants/${grantId}`, {
      token: reviewer.token,
      body: { endsAt: new Date(Date.now() + 300 * DAY_MS).toISOString() },
    });
    expect(moved).toMatchObject(staffAnswer(ResearchGrantErrorCode.DatesLocked));

    // Researchers issue their own keys: an expiry is required and cannot pass the grant's end.
    const keyPath = `/portal/research/grants/${grantId}/keys`;
    const noExpiry = await request(url, 'POST', keyPath, {
      token: researcher.token,
      body: { name: 'laptop' },
    });
    expect(noExpiry).toMatchObject(staffAnswer(CommonErrorCode.InvalidBody));
    const genericNoExpiry = await request(url, 'POST', `/portal/applications/${grantId}/keys`, {
      token: researcher.token,
      body: { name: 'laptop' },
    });
    expect(genericNoExpiry).toMatchObject(
      staffAnswer(ApiKeyManagementErrorCode.ExpiryRequired, expect.stringContaining('time-boxed')),
    );
    const tooLong = await request(url, 'POST', keyPath, {
      token: researcher.token,
      body: { name: 'laptop', expiresAt: new Date(endsAt.getTime() + DAY_MS).toISOString() },
    });
    expect(tooLong).toMatchObject(
      staffAnswer(ApiKeyManagementErrorCode.ExpiryBeyondGrant, expect.stringContaining("grant's end")),
    );
    const created = await request<{ id: string; secret: string; expiresAt: string }>(url, 'POST', keyPath, {
      token: researcher.token,
      body: { name: 'laptop', expiresAt: new Date(Date.now() + 10 * DAY_MS).toISOString() },
    });
    expectStatus(created, 201);
    researchKey = created.body;
    client = new OpenAI({ apiKey: researchKey.secret, baseURL: `${url}/v1`, maxRetries: 0 });

    const completion = await complete();
    expectValid('CreateCompletionResponse', completion);
    expect(completion.choices[0].text).toContain('upstream heard');
  });

  it('holds research keys to the grant profile: logprobs and echo only where allowed', async () => {
    expect((await complete({ logprobs: 2 })).choices).toHaveLength(1);
    const chat = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'hello there' }],
      logprobs: true,
      top_logprobs: 1,
    });
    expect(chat.choices[0].logprobs?.content?.length).toBeGreaterThan(0);
    expect(await refusal(complete({ echo: true }))).toMatchObject(expected('researchEchoNotAllowed'));

    await setTerms({ profile: { allowLogprobs: false, allowEcho: true } });
    expect(await refusal(complete({ logprobs: 2 }))).toMatchObject(expected('researchLogprobsNotAllowed'));
    expect(
      await refusal(
        client.chat.completions.create({
          model: MODEL,
          messages: [{ role: 'user', content: 'hi' }],
          logprobs: true,
        }),
      ),
    ).toMatchObject(expected('researchLogprobsNotAllowed'));
    expect((await complete({ echo: true })).choices).toHaveLength(1);
    expect(upstream.received.at(-1)?.body).toMatchObject({ echo: true });
  });

  it('lets observe-only categories through, logged, where the application policy blocks them', async () => {
    const allow = { action: 'allow' };
    const policy = await request(url, 'PUT', `/admin/policies/${grantId}`, {
      token: reviewer.token,
      body: {
        categories: {
          ...Object.fromEntries(
            ALL_CATEGORIES.map((category) => [category, { input: allow, output: allow }]),
          ),
          violence: { input: { action: 'block' }, output: { action: 'block' } },
        },
      },
    });
    expectStatus(policy, 200);
    expect(await refusal(complete({ prompt: HARMFUL }))).toMatchObject(
      openAiError(ModerationErrorCode.ContentFilter),
    );

    await setTerms({ profile: { observeOnlyCategories: ['violence'] } });
    const { data, response } = await complete({ prompt: HARMFUL, max_tokens: 16 }).withResponse();
    expect(data.choices[0].text).toContain('kill');
    const verdicts = await loggedVerdicts<{ category: string; action: string; direction: string }>(
      warden,
      response.headers.get('x-request-id')!,
    );
    const violence = verdicts.filter((verdict) => verdict.category === 'violence');
    expect(violence.length).toBeGreaterThan(0);
    expect(violence.every((verdict) => verdict.action === 'observe')).toBe(true);

    const unknown = await request(url, 'PUT', `/admin/research-grants/${grantId}`, {
      token: reviewer.token,
      body: { profile: { observeOnlyCategories: ['no-such-category'] } },
    });
    expect(unknown).toMatchObject(staffAnswer(ResearchGrantErrorCode.UnknownCategory));
  });

  it("keeps a locked-down grant's outputs in the log: the API answers with the request id and a notice", async () => {
    await setTerms({ profile: { lockedDown: true, allowLogprobs: true } });
    const { data, response } = await complete({ prompt: 'The nurse said', logprobs: 1 }).withResponse();
    const requestId = response.headers.get('x-request-id')!;
    expectValid('CreateCompletionResponse', data);
    expect(data.choices[0].text).toContain(requestId);
    expect(data.choices[0].text).not.toContain('upstream heard');
    expect(data.choices[0].logprobs).toBeNull();
    expect(data).toMatchObject({ warden: { status: 'withheld', request_id: requestId } });

    const stream = await client.completions.create({
      model: MODEL,
      prompt: 'The engineer said',
      max_tokens: 4,
      stream: true,
    });
    let streamed = '';
    for await (const chunk of stream) {
      streamed += chunk.choices.map((choice) => choice.text).join('');
    }
    expect(streamed).toContain('output withheld');
    expect(streamed).not.toContain('upstream heard');

    // The real output is in the request log, for the analysis that happens inside Warden.
    const [logged] = await eventually(
      () =>
        warden.query<{ output: Array<{ text: string }> }>(
          `SELECT output FROM request_logs WHERE request_id = $1`,
          [requestId],
        ),
      (rows) => rows.length === 1,
    );
    expect(logged.output[0].text).toContain('upstream heard: The nurse');
    await setTerms({ profile: { lockedDown: false } });
  });

  it('enforces research quotas with a 429 naming the quota', async () => {
    const before = (await grant()).usage!;
    expect(before.requestsToday).toBeGreaterThan(0);
    await setTerms({ quotas: { requestsPerDay: before.requestsToday + 2 } });
    await complete();
    await complete();
    const exceeded = await refusal(complete());
    expect(exceeded).toMatchObject(expected('researchQuotaExceeded'));
    expect(String(exceeded.message)).toContain('requests per day');
    expect((await grant()).usage!.requestsToday).toBe(before.requestsToday + 2);

    await setTerms({ quotas: { requestsPerDay: null, tokensTotal: before.tokensTotal + 1 } });
    expect(await refusal(complete())).toMatchObject(expected('researchQuotaExceeded'));
    await setTerms({ quotas: { tokensTotal: null } });
    await complete();
  });

  it('answers 401 key_expired once the key expires, and renews the grant on request', async () => {
    await warden.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      researchKey.id,
    ]);
    await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_MS * 3));
    expect(await refusal(complete())).toMatchObject(expected('expiredKey'));

    const current = await grant();
    const requestedEnd = new Date(new Date(current.endsAt!).getTime() + 60 * DAY_MS);
    const renewalPath = `/portal/research/grants/${grantId}/renewal`;
    const notLater = await request(url, 'POST', renewalPath, {
      token: researcher.token,
      body: { endsAt: current.endsAt, reason: 'The second wave of the survey was delayed.' },
    });
    expect(notLater).toMatchObject(staffAnswer(ResearchGrantErrorCode.RenewalNotLater));
    const requested = await request<Grant>(url, 'POST', renewalPath, {
      token: researcher.token,
      body: { endsAt: requestedEnd.toISOString(), reason: 'The second wave of the survey was delayed.' },
    });
    expectStatus(requested, 200);
    expect(requested.body.renewal).toMatchObject({
      state: 'requested',
      requestedEndsAt: requestedEnd.toISOString(),
    });

    const listed = await request<Grant[]>(
      url,
      'GET',
      '/admin/research-grants?filter={"renewalState":"requested"}',
      {
        token: reviewer.token,
      },
    );
    expect(listed.body.map((row) => row.id)).toEqual([grantId]);
    expect(listed.headers.get('content-range')).toBe('research-grants 0-0/1');

    const renewed = await request<Grant>(url, 'POST', `/admin/research-grants/${grantId}/renewal`, {
      token: reviewer.token,
      body: { decision: 'approve', rationale: 'Delay documented by the ethics board.' },
    });
    expectStatus(renewed, 200);
    expect(renewed.body).toMatchObject({
      endsAt: requestedEnd.toISOString(),
      renewal: { state: 'approved', count: 1, rationale: 'Delay documented by the ethics board.' },
    });
    const audited = await warden.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'research_grant.renewal%' ORDER BY seq`,
      [grantId],
    );
    expect(audited.map((row) => row.action)).toEqual([
      'research_grant.renewal_requested',
      'research_grant.renewal_approved',
    ]);
    const again = await request(url, 'POST', `/admin/research-grants/${grantId}/renewal`, {
      token: reviewer.token,
      body: { decision: 'deny', rationale: 'twice' },
    });
    expect(again).toMatchObject(staffAnswer(ResearchGrantErrorCode.NoRenewalPending));

    // A key reissued under the renewed grant may run past the old end.
    const reissued = await request<{ secret: string }>(
      url,
      'POST',
      `/portal/research/grants/${grantId}/keys`,
      {
        token: researcher.token,
        body: {
          name: 'renewed',
          expiresAt: new Date(new Date(current.endsAt!).getTime() + 30 * DAY_MS).toISOString(),
        },
      },
    );
    expectStatus(reissued, 201);
    client = new OpenAI({ apiKey: reissued.body.secret, baseURL: `${url}/v1`, maxRetries: 0 });
    await complete();

    // Past the grant's end, its keys stop with it.
    await warden.query(
      `UPDATE research_grants SET starts_at = now() - interval '90 days', ends_at = now() - interval '1 second' WHERE id = $1`,
      [grantId],
    );
    await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_MS * 3));
    expect(await refusal(complete())).toMatchObject(expected('researchGrantNotActive'));
    expect((await grant()).status).toBe('expired');
  });

  it('attaches a bias run to the grant and shows it there', async () => {
    const run = await request<{ id: string }>(url, 'POST', '/admin/bias-runs', {
      token: admin.token,
      body: { model: MODEL, probeSets: ['bold'], limit: 1 },
    });
    expectStatus(run, 201);
    const attached = await request<Grant>(url, 'POST', `/admin/research-grants/${grantId}/bias-runs`, {
      token: reviewer.token,
      body: { biasRunId: run.body.id },
    });
    expectStatus(attached, 200);
    expect(attached.body.biasRuns?.map((attachedRun) => attachedRun.id)).toEqual([run.body.id]);
    const missing = await request(url, 'POST', `/admin/research-grants/${grantId}/bias-runs`, {
      token: reviewer.token,
      body: { biasRunId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing).toMatchObject(staffAnswer(ResearchGrantErrorCode.BiasRunNotFound));
  });
});
