import { apiKeyResponseSchema } from '../contracts/src';
import {
  applicationInReview,
  apply,
  complete,
  CompletionResult,
  createOwnKey,
  createStaff,
  decide,
  DeveloperSession,
  expectStatus,
  fullChecklist,
  HttpResult,
  liveApplication,
  registerDeveloper,
  request,
  Session,
  staffLogin,
} from './support/review-api';
import { CHECKLIST_ITEMS } from '../contracts/src';
import {
  ApiKeyManagementErrorCode,
  ApplicationReviewErrorCode,
  OrganizationsErrorCode,
  CommonErrorCode,
  OPENAI_ERRORS,
  OpenAiErrorName,
  staffAnswer,
  staffError,
} from './support/error-catalog';
import { UpstreamServer } from './support/upstream-server';
import { startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };
const DAY_MS = 24 * 3600 * 1000;

function expectRefused(result: HttpResult<CompletionResult>, name: OpenAiErrorName) {
  const { status, ...fields } = OPENAI_ERRORS[name];
  expect({ status: result.status, ...result.body.error }).toMatchObject({ status, ...fields });
}

/** The production review, end to end over HTTP: portal → staff console API → /v1 with the keys it issues. */
describe('production review workflow', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let url: string;
  let admin: Session;
  let reviewer: Session;

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    warden = await startWarden('review', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_UPSTREAM_URL: upstreamUrl,
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_EMBEDDED_MODELS: '',
    });
    url = warden.url;
    admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(url, admin.token, 'reviewer');
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  it('takes an application from registration to live, and cuts it off for good', async () => {
    const developer = await registerDeveloper(url);
    const applied = await apply(url, developer, {
      openEndedness: 'free-form',
      endUserAuthentication: false,
      audienceSize: 'large',
    });
    expect(applied.sandboxKey).toMatchObject({
      kind: 'sandbox',
      secret: expect.stringMatching(/^wk-[A-Za-z0-9]{8}_/),
    });

    // The sandbox key works at once, held to the sandbox policy.
    expect((await complete(url, applied.sandboxKey.secret)).status).toBe(200);
    const sandboxPolicy = await request<{ rules: { limits: unknown; requireUser: boolean } }>(
      url,
      'GET',
      `/admin/policies/${applied.id}`,
      {
        token: reviewer.token,
      },
    );
    expect(sandboxPolicy.body.rules).toMatchObject({
      limits: { maxPromptTokens: 256, maxTokens: 64, maxTotalTokens: 320 },
      requireUser: true,
    });

    // Reviewers see the tier and why.
    const draft = await request(url, 'GET', `/admin/applications/${applied.id}`, { token: reviewer.token });
    expect(draft.body).toMatchObject({
      reviewState: 'draft',
      status: 'sandbox',
      riskTier: 'high',
      organizationId: developer.organizationId,
      organizationName: developer.organizationName,
      decisions: [],
    });
    expect(draft.body.riskReasons).toContain(
      'Free-form generation for unauthenticated end users at large scale is always high risk',
    );

    // No state is skipped.
    expect(await decide(url, reviewer, applied.id, 'start_review')).toMatchObject(
      staffAnswer(ApplicationReviewErrorCode.InvalidTransition),
    );
    const submitted = await request(url, 'POST', `/portal/applications/${applied.id}/submit`, {
      token: developer.token,
    });
    expect(submitted.body).toMatchObject({
      reviewState: 'submitted',
      status: 'sandbox',
      submittedAt: expect.any(String),
    });
    expect(await decide(url, reviewer, applied.id, 'approve')).toMatchObject(
      staffAnswer(ApplicationReviewErrorCode.InvalidTransition),
    );
    expectStatus(await decide(url, reviewer, applied.id, 'start_review'), 200);

    // An approval attests its checklist.
    const unchecked = await decide(url, reviewer, applied.id, 'approve', {
      checklist: { useCaseAcceptable: true, volumeReasonable: false },
    });
    expect(unchecked).toMatchObject(
      staffAnswer(
        ApplicationReviewErrorCode.ChecklistIncomplete,
        expect.stringContaining('volumeReasonable'),
      ),
    );
    // Unanswered items are not a yes: an approval with an empty checklist is refused and names every item.
    const empty = await decide(url, reviewer, applied.id, 'approve', { checklist: {} });
    expect(empty).toMatchObject(staffAnswer(ApplicationReviewErrorCode.ChecklistIncomplete));
    for (const item of CHECKLIST_ITEMS) {
      expect(empty.body.message).toContain(item);
    }
    const partial = await decide(url, reviewer, applied.id, 'approve', {
      checklist: { useCaseAcceptable: true, mitigationsAdequate: true, userAuthenticationOk: true },
    });
    expect(partial).toMatchObject(
      staffAnswer(
        ApplicationReviewErrorCode.ChecklistIncomplete,
        expect.stringContaining('volumeReasonable'),
      ),
    );
    // The checklist is the contract's list, not any object.
    const invented = await decide(url, reviewer, applied.id, 'approve', {
      checklist: { ...fullChecklist(), looksFine: true },
    });
    expect(invented).toMatchObject(
      staffAnswer(CommonErrorCode.InvalidBody, expect.stringContaining('looksFine')),
    );

    const approved = await decide(url, reviewer, applied.id, 'approve', {
      rationale: 'Support drafts with a misuse plan; high tier limits apply.',
      checklist: {
        useCaseAcceptable: true,
        mitigationsAdequate: true,
        userAuthenticationOk: true,
        volumeReasonable: true,
      },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'live', reviewState: 'approved' });
    // No key comes with the approval: its secret would be the reviewer's to see. The developer makes one.
    expect(JSON.stringify(approved.body)).not.toMatch(/secret|wk-/);
    const productionKey = await createOwnKey(url, developer, applied.id);
    expect(productionKey).toMatchObject({ kind: 'production', secret: expect.stringMatching(/^wk-/) });
    const decisions = approved.body.decisions as Array<Record<string, unknown>>;
    expect(decisions.map((decision) => decision.decision)).toEqual(['start_review', 'approve']);
    expect(decisions[1]).toMatchObject({
      reviewerEmail: reviewer.email,
      rationale: 'Support drafts with a misuse plan; high tier limits apply.',
      checklist: {
        useCaseAcceptable: true,
        mitigationsAdequate: true,
        userAuthenticationOk: true,
        volumeReasonable: true,
      },
      fromReviewState: 'in_review',
      toReviewState: 'approved',
      fromStatus: 'sandbox',
      toStatus: 'live',
    });
    // A high-tier approval is due for re-review in 90 days unless the reviewer says otherwise.
    const reReview = new Date(decisions[1].reReviewAt as string).getTime() - Date.now();
    expect(Math.round(reReview / DAY_MS)).toBe(90);

    // The secret is shown once: never in a later read.
    const shownKey = await request(url, 'GET', `/admin/api-keys/${productionKey.id}`, {
      token: reviewer.token,
    });
    expect(shownKey.body).toMatchObject({ kind: 'production', status: 'active', applicationId: applied.id });
    expect(shownKey.body).not.toHaveProperty('secret');
    expect(apiKeyResponseSchema.safeParse(shownKey.body).error).toBeUndefined();

    // The tier picked the policy.
    const livePolicy = await request<{
      rules: { limits: unknown; requireUser: boolean };
      patch: Record<string, unknown>;
    }>(url, 'GET', `/admin/policies/${applied.id}`, { token: reviewer.token });
    expect(livePolicy.body.rules).toMatchObject({
      limits: { maxPromptTokens: 512, maxTokens: 128, maxTotalTokens: 640 },
      requireUser: true,
    });

    // Production key works; the developer sees the outcome and the feedback, not who decided.
    expect((await complete(url, productionKey.secret)).status).toBe(200);
    const seen = await request<{ reviewState: string; feedback: Array<Record<string, unknown>> }>(
      url,
      'GET',
      `/portal/applications/${applied.id}`,
      {
        token: developer.token,
      },
    );
    expect(seen.body.reviewState).toBe('approved');
    expect(seen.body.feedback.at(-1)).toEqual({
      decision: 'approve',
      rationale: 'Support drafts with a misuse plan; high tier limits apply.',
      reReviewAt: expect.any(String),
      at: expect.any(String),
    });

    // Suspend the key → refused; unsuspend → served again.
    expectStatus(
      await request(url, 'POST', `/admin/api-keys/${productionKey.id}/suspend`, {
        token: reviewer.token,
        body: { reason: 'spike' },
      }),
      200,
    );
    expectRefused(await complete(url, productionKey.secret), 'suspendedKey');
    expectStatus(
      await request(url, 'POST', `/admin/api-keys/${productionKey.id}/unsuspend`, {
        token: reviewer.token,
        body: {},
      }),
      200,
    );
    expect((await complete(url, productionKey.secret)).status).toBe(200);

    // Suspend the application → every key refused; reinstate → served again.
    expectStatus(await decide(url, reviewer, applied.id, 'suspend'), 200);
    expectRefused(await complete(url, productionKey.secret), 'applicationSuspended');
    expectStatus(await decide(url, reviewer, applied.id, 'reinstate'), 200);
    expect((await complete(url, productionKey.secret)).status).toBe(200);

    // Terminate → every key terminated, refused forever, and nothing brings the application back.
    const terminated = await decide(url, reviewer, applied.id, 'terminate', { rationale: 'Used for spam.' });
    expect(terminated.body).toMatchObject({ status: 'terminated', reviewState: 'approved' });
    expectRefused(await complete(url, productionKey.secret), 'terminatedKey');
    expectRefused(await complete(url, applied.sandboxKey.secret), 'terminatedKey');
    for (const decision of ['reinstate', 'suspend', 'start_review', 'approve', 'terminate']) {
      expect(await decide(url, reviewer, applied.id, decision)).toMatchObject(
        staffAnswer(ApplicationReviewErrorCode.InvalidTransition),
      );
    }
    expect(
      await request(url, 'POST', `/admin/api-keys/${productionKey.id}/unsuspend`, {
        token: reviewer.token,
        body: {},
      }),
    ).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.InvalidKeyTransition));
    expect(
      await request(url, 'POST', `/portal/applications/${applied.id}/keys`, {
        token: developer.token,
        body: { name: 'again' },
      }),
    ).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.ApplicationNotAcceptingKeys));
    expect(
      await request(url, 'POST', '/admin/api-keys', {
        token: admin.token,
        body: { applicationId: applied.id, name: 'again' },
      }),
    ).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.ApplicationNotAcceptingKeys));
    const keys = await request<Array<{ status: string; statusReason: string }>>(
      url,
      'GET',
      `/portal/applications/${applied.id}/keys`,
      {
        token: developer.token,
      },
    );
    expect(keys.body.map((key) => key.status)).toEqual(['terminated', 'terminated']);
    expect(keys.body[0].statusReason).toBe('application terminated: Used for spam.');
  });

  it('sends changes back to the developer and takes the resubmission', async () => {
    const developer = await registerDeveloper(url);
    const applied = await applicationInReview(url, developer, reviewer);
    expectStatus(
      await decide(url, reviewer, applied.id, 'request_changes', {
        rationale: 'Explain how end users sign in.',
      }),
      200,
    );

    const seen = await request<{ reviewState: string; feedback: Array<{ rationale: string }> }>(
      url,
      'GET',
      `/portal/applications/${applied.id}`,
      {
        token: developer.token,
      },
    );
    expect(seen.body.reviewState).toBe('changes_requested');
    expect(seen.body.feedback.map((item) => item.rationale)).toContain('Explain how end users sign in.');

    const edited = await request(url, 'PUT', `/portal/applications/${applied.id}`, {
      token: developer.token,
      body: {
        questionnaire: {
          ...(await currentQuestionnaire(developer, applied.id)),
          useCaseCategory: 'legal',
          outputLength: 2000,
        },
      },
    });
    expect(edited.status).toBe(200);
    const staffView = await request(url, 'GET', `/admin/applications/${applied.id}`, {
      token: reviewer.token,
    });
    expect(staffView.body.riskReasons).toEqual(
      expect.arrayContaining(['Sensitive domain: legal (+2)', 'Long outputs (more than 512 tokens) (+1)']),
    );

    expect(
      (await request(url, 'POST', `/portal/applications/${applied.id}/submit`, { token: developer.token }))
        .body,
    ).toMatchObject({
      reviewState: 'submitted',
    });
    // Once submitted, the questionnaire is the reviewer's to read, not the developer's to change.
    expect(
      await request(url, 'PUT', `/portal/applications/${applied.id}`, {
        token: developer.token,
        body: { name: 'Renamed' },
      }),
    ).toMatchObject(staffAnswer(ApplicationReviewErrorCode.NotEditable));
    expectStatus(await decide(url, reviewer, applied.id, 'start_review'), 200);
    expectStatus(
      await decide(url, reviewer, applied.id, 'reject', {
        rationale: 'Legal advice to the public is out of scope.',
      }),
      200,
    );
    expect(
      await request(url, 'POST', `/portal/applications/${applied.id}/submit`, { token: developer.token }),
    ).toMatchObject(staffAnswer(ApplicationReviewErrorCode.InvalidTransition));
  });

  it('refuses self-review: a reviewer who is a member of the organization cannot decide its application', async () => {
    const developer = await registerDeveloper(url);
    const applied = await apply(url, developer);
    expectStatus(
      await request(url, 'POST', `/portal/applications/${applied.id}/submit`, { token: developer.token }),
      200,
    );
    // Same person, two accounts: the developer's e-mail address also holds a staff reviewer account.
    const insider = await createStaff(url, admin.token, 'reviewer', developer.email.toUpperCase());

    const refused = await decide(url, insider, applied.id, 'start_review');
    expect(refused).toMatchObject(
      staffAnswer(OrganizationsErrorCode.SelfReview, expect.stringContaining('another reviewer')),
    );
    expect(refused.body.requestId).toMatch(/^req_/);

    expectStatus(await decide(url, reviewer, applied.id, 'start_review'), 200);
    expect(await decide(url, insider, applied.id, 'approve')).toMatchObject(
      staffAnswer(OrganizationsErrorCode.SelfReview),
    );
    // Taking access away is not a conflict of interest.
    expect((await decide(url, insider, applied.id, 'terminate')).status).toBe(200);
  });

  it('refuses expired keys with key_expired and lists them as expired', async () => {
    const developer = await registerDeveloper(url);
    const applied = await apply(url, developer);
    const past = await request(url, 'POST', `/portal/applications/${applied.id}/keys`, {
      token: developer.token,
      body: { name: 'stale', expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(past).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.ExpiryInPast));

    const expiresAt = new Date(Date.now() + 1500);
    const created = await request<{ id: string; secret: string; kind: string; expiresAt: string }>(
      url,
      'POST',
      '/admin/api-keys',
      {
        token: reviewer.token,
        body: { applicationId: applied.id, name: 'short-lived', expiresAt: expiresAt.toISOString() },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'sandbox', expiresAt: expiresAt.toISOString() });
    expect((await complete(url, created.body.secret)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now() + 50)));
    expectRefused(await complete(url, created.body.secret), 'expiredKey');
    const listed = await request<Array<{ id: string; status: string }>>(
      url,
      'GET',
      `/admin/api-keys?filter=${encodeURIComponent(JSON.stringify({ applicationId: applied.id, status: 'expired' }))}`,
      { token: reviewer.token },
    );
    expect(listed.body.map((key) => [key.id, key.status])).toEqual([[created.body.id, 'expired']]);
  });

  it('rotates a key: the new secret works, the old one is revoked at once', async () => {
    const developer = await registerDeveloper(url);
    const live = await liveApplication(url, developer, reviewer);
    expect((await complete(url, live.productionKey.secret)).status).toBe(200);
    const rotated = await request<{ id: string; secret: string; name: string; kind: string }>(
      url,
      'POST',
      `/admin/api-keys/${live.productionKey.id}/rotate`,
      { token: reviewer.token, body: { reason: 'leaked in a screenshot' } },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({
      name: 'production',
      kind: 'production',
      secret: expect.stringMatching(/^wk-/),
    });
    expect(rotated.body.id).not.toBe(live.productionKey.id);
    expectRefused(await complete(url, live.productionKey.secret), 'revokedKey');
    expect((await complete(url, rotated.body.secret)).status).toBe(200);
    const old = await request(url, 'GET', `/admin/api-keys/${live.productionKey.id}`, {
      token: reviewer.token,
    });
    expect(old.body).toMatchObject({ status: 'revoked', statusReason: 'rotated: leaked in a screenshot' });

    // Developers manage their own keys too; keys made for a live application are production keys.
    const own = await request<{ id: string; secret: string; kind: string }>(
      url,
      'POST',
      `/portal/applications/${live.id}/keys`,
      {
        token: developer.token,
        body: { name: 'ci' },
      },
    );
    expect(own.body.kind).toBe('production');
    expectStatus(
      await request(url, 'POST', `/portal/applications/${live.id}/keys/${own.body.id}/revoke`, {
        token: developer.token,
        body: {},
      }),
      200,
    );
    expectRefused(await complete(url, own.body.secret), 'revokedKey');
  });

  it('applies a bulk decision to each application on its own', async () => {
    const developer = await registerDeveloper(url);
    const first = await apply(url, developer);
    const second = await apply(url, developer);
    const draft = await apply(url, developer);
    for (const { id } of [first, second]) {
      expectStatus(
        await request(url, 'POST', `/portal/applications/${id}/submit`, { token: developer.token }),
        200,
      );
    }
    const bulk = await request<{
      succeeded: string[];
      failed: Array<{ id: string; statusCode: number }>;
      applications: unknown[];
    }>(url, 'POST', '/admin/applications/bulk-decisions', {
      token: reviewer.token,
      body: { ids: [first.id, draft.id, second.id], decision: 'start_review', rationale: 'queue picked up' },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.succeeded).toEqual([first.id, second.id]);
    expect(bulk.body.failed).toEqual([
      expect.objectContaining({
        id: draft.id,
        statusCode: staffError(ApplicationReviewErrorCode.InvalidTransition).statusCode,
        code: ApplicationReviewErrorCode.InvalidTransition,
      }),
    ]);
    expect(bulk.body.applications).toHaveLength(2);
  });

  it('lists applications the simple-REST way', async () => {
    const developer = await registerDeveloper(url);
    await apply(url, developer, { useCaseCategory: 'health' });
    await apply(url, developer);
    const filter = encodeURIComponent(
      JSON.stringify({ organizationId: developer.organizationId, reviewState: 'draft' }),
    );
    const page = await request<Array<{ organizationId: string; reviewState: string; name: string }>>(
      url,
      'GET',
      `/admin/applications?sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent('[0,0]')}&filter=${filter}`,
      { token: reviewer.token },
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-range')).toBe('applications 0-0/2');
    expect(page.headers.get('access-control-expose-headers')).toBe('Content-Range');
    expect(page.body).toHaveLength(1);
    const everything = await request<Array<{ name: string }>>(
      url,
      'GET',
      `/admin/applications?filter=${filter}&sort=${encodeURIComponent('["name","ASC"]')}`,
      {
        token: reviewer.token,
      },
    );
    expect(page.body[0].name).toBe(everything.body[0].name);
    expect(everything.body.map((application) => application.name)).toEqual(
      [...everything.body.map((application) => application.name)].sort(),
    );

    const bad = await request(
      url,
      'GET',
      `/admin/applications?filter=${encodeURIComponent('{"secret":1}')}`,
      { token: reviewer.token },
    );
    expect(bad).toMatchObject(
      staffAnswer(
        CommonErrorCode.InvalidListQuery,
        expect.stringContaining('cannot be filtered by "secret"'),
      ),
    );
    expect(Object.keys(bad.body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
  });

  it('validates policy edits and lists every problem', async () => {
    const developer = await registerDeveloper(url);
    const applied = await apply(url, developer);
    const invalid = await request(url, 'PUT', `/admin/policies/${applied.id}`, {
      token: reviewer.token,
      body: { limits: { maxTokens: -1 }, requireUser: 'yes', frobnicate: true },
    });
    expect(invalid).toMatchObject(
      staffAnswer(ApplicationReviewErrorCode.InvalidPolicy, expect.stringContaining('limits.maxTokens')),
    );
    expect(invalid.body.message).toEqual(expect.stringContaining('requireUser'));
    const valid = await request<{ rules: { limits: { maxTokens: number } }; patch: Record<string, unknown> }>(
      url,
      'PUT',
      `/admin/policies/${applied.id}`,
      {
        token: reviewer.token,
        body: { limits: { maxTokens: 32 } },
      },
    );
    expect(valid.status).toBe(200);
    expect(valid.body.rules.limits.maxTokens).toBe(32);
    expect(valid.body.patch).toMatchObject({ limits: { maxTokens: 32 } });
  });

  async function currentQuestionnaire(
    developer: DeveloperSession,
    id: string,
  ): Promise<Record<string, unknown>> {
    const result = await request<{ questionnaire: Record<string, unknown> }>(
      url,
      'GET',
      `/portal/applications/${id}`,
      { token: developer.token },
    );
    return result.body.questionnaire;
  }
});
