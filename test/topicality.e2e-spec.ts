import { ALL_CATEGORIES, OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import {
  ApplicationReviewErrorCode,
  CommonErrorCode,
  ModerationErrorCode,
  StaffErrorCode,
  TopicalityErrorCode,
  openAiAnswer,
  staffAnswer,
} from './support/error-catalog';
import { expectValid } from './support/openai-schemas';
import {
  apply,
  complete,
  createOwnKey,
  createStaff,
  decide,
  DeveloperSession,
  expectStatus,
  liveApplication,
  registerDeveloper,
  request,
  Session,
  staffLogin,
} from './support/review-api';
import { COOKING_TOPICS, OFF_TOPIC, ON_TOPIC } from './support/topics';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { eventually, loggedVerdicts, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

interface Verdict {
  check: string;
  category: string;
  score: number;
  triggered: boolean;
  action: string;
}

interface Preview {
  source: string;
  threshold: number;
  action: string;
  requests: number;
  judged: number;
  offTopic: number;
  offTopicRate: number;
  items: Array<{ text: string; score: number; offTopic: boolean; requestId: string }>;
}

/** Topicality limits: topics in the questionnaire → preview → approval builds the model → the check → proposals. */
describe('topicality limits', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let url: string;
  let reviewer: Session;
  let developer: DeveloperSession;
  let cooking: { id: string; sandboxKey: { secret: string }; productionKey?: { secret: string } };

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'topicality', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
    url = warden.url;
    const admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(url, admin.token, 'reviewer');
    developer = await registerDeveloper(url);
    cooking = await apply(url, developer, {
      useCaseCategory: 'other',
      useCaseDescription: 'Answers home cooks’ questions about recipes, techniques and ingredients.',
      ...COOKING_TOPICS,
    });
  }, 180_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  /** Everything allowed but off-topic input, which the test chooses; budgets out of the way. */
  async function setOffTopicAction(applicationId: string, action: string): Promise<void> {
    const allow = { action: 'allow' };
    const categories = Object.fromEntries(ALL_CATEGORIES.map((c) => [c, { input: allow, output: allow }]));
    const result = await request(url, 'PUT', `/admin/policies/${applicationId}`, {
      token: reviewer.token,
      body: {
        categories: { ...categories, 'off-topic': { input: { action } } },
        rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000 },
        limits: { maxPromptTokens: 100_000, maxTokens: 100_000, maxTotalTokens: 100_000 },
        // Blocked prompts would otherwise earn the test's end users strikes and block them.
        strikes: { throttleAt: 10_000, blockAt: 10_000 },
      },
    });
    expectStatus(result, 200);
  }

  async function offTopicVerdicts(requestId: string): Promise<Verdict[]> {
    return (await loggedVerdicts<Verdict>(warden, requestId)).filter((v) => v.category === 'off-topic');
  }

  it('previews the sandbox traffic, builds the model on approval and blocks off-topic prompts', async () => {
    // Sandbox traffic while in review: three cooking questions and three off-topic requests.
    const sandboxCalls = [...ON_TOPIC.slice(0, 3), ...OFF_TOPIC.slice(0, 3)];
    for (const prompt of sandboxCalls) {
      const result = await complete(url, cooking.sandboxKey.secret, {
        prompt,
        user: `sandbox-${prompt.length}`,
      });
      expect(result.status).not.toBe(401);
    }
    await eventually(
      () =>
        warden.query<{ count: string }>('SELECT count(*) FROM request_logs WHERE application_id = $1', [
          cooking.id,
        ]),
      ([row]) => Number(row.count) === sandboxCalls.length,
    );
    expectStatus(
      await request(url, 'POST', `/portal/applications/${cooking.id}/submit`, { token: developer.token }),
      200,
    );
    expectStatus(await decide(url, reviewer, cooking.id, 'start_review'), 200);

    const preview = await request<Preview>(
      url,
      'GET',
      `/admin/applications/${cooking.id}/topicality-preview`,
      {
        token: reviewer.token,
      },
    );
    expectStatus(preview, 200);
    expect(preview.body).toMatchObject({
      source: 'questionnaire',
      threshold: 0.5,
      action: 'observe',
      requests: 6,
      judged: 6,
      offTopic: 3,
      offTopicRate: 0.5,
    });
    expect(
      preview.body.items
        .filter((item) => item.offTopic)
        .map((item) => item.text)
        .sort(),
    ).toEqual(OFF_TOPIC.slice(0, 3).sort());
    expect(preview.body.items[0].score).toBeGreaterThanOrEqual(preview.body.items[5].score);
    // Analysts read reviews too, but the preview is staff-only: a developer's token does not open it.
    expect(
      await request(url, 'GET', `/admin/applications/${cooking.id}/topicality-preview`, {
        token: developer.token,
      }),
    ).toMatchObject(staffAnswer(StaffErrorCode.Unauthenticated));

    expect(
      await warden.query('SELECT 1 FROM topic_models WHERE application_id = $1', [cooking.id]),
    ).toHaveLength(0);
    expectStatus(await decide(url, reviewer, cooking.id, 'approve'), 200);
    const productionKey = await createOwnKey(url, developer, cooking.id);
    cooking.productionKey = productionKey;
    expect(
      await warden.query('SELECT 1 FROM topic_models WHERE application_id = $1', [cooking.id]),
    ).toHaveLength(1);

    // Observed by default: a live application's off-topic prompt is scored and logged (the harm checks decide the
    // rest of its fate).
    const observed = await complete(url, cooking.productionKey.secret, {
      prompt: 'write malware',
      user: 'observer',
    });
    const [observedVerdict] = await offTopicVerdicts(observed.headers.get('x-request-id')!);
    expect(observedVerdict).toMatchObject({ check: 'topicality', triggered: true, action: 'observe' });

    await setOffTopicAction(cooking.id, 'block');
    for (const prompt of ON_TOPIC) {
      const result = await complete(url, productionKey.secret, { prompt });
      expect([prompt, result.status]).toEqual([prompt, 200]);
      const [verdict] = await offTopicVerdicts(result.headers.get('x-request-id')!);
      expect(verdict.score).toBeLessThan(0.5);
    }
    for (const prompt of OFF_TOPIC) {
      const result = await complete(url, productionKey.secret, { prompt });
      expect([prompt, result.status, result.body.error?.code]).toEqual([prompt, 400, 'content_filter']);
      expect(result.body.error?.message).toContain('off-topic');
    }

    // Texts of 8 KB and more are scored in the rule-check thread, with the same verdicts.
    const long = (text: string) => `${text} `.repeat(Math.ceil(9000 / (text.length + 1)));
    expectStatus(await complete(url, productionKey.secret, { prompt: long(ON_TOPIC[1]) }), 200);
    const smuggled = await complete(url, productionKey.secret, {
      prompt: long(ON_TOPIC[1]) + OFF_TOPIC[1],
    });
    expect([smuggled.status, smuggled.body.error?.message]).toEqual([
      400,
      expect.stringContaining('off-topic'),
    ]);

    // Reviewers now see the same traffic against the stored model.
    const after = await request<Preview>(url, 'GET', `/admin/applications/${cooking.id}/topicality-preview`, {
      token: reviewer.token,
    });
    expect(after.body).toMatchObject({ source: 'model', action: 'block', offTopic: 3, judged: 6 });
  });

  it('reports off-topic among Warden’s categories of /v1/moderations, never among OpenAI’s', async () => {
    const result = await request<{ results: Array<Record<string, Record<string, unknown>>> }>(
      url,
      'POST',
      '/v1/moderations',
      {
        token: cooking.productionKey!.secret,
        body: { input: ['write malware', 'how long do I boil an egg'] },
      },
    );
    expectStatus(result, 200);
    expectValid('CreateModerationResponse', result.body);
    const [malware, egg] = result.body.results;
    expect(Object.keys(malware.categories).sort()).toEqual([...OPENAI_CATEGORIES].sort());
    expect(Object.keys(malware.category_scores)).not.toContain('off-topic');
    expect(malware.warden_categories['off-topic']).toBe(true);
    expect(egg.warden_categories['off-topic']).toBe(false);
    expect(egg.warden_category_scores['off-topic']).toBeLessThan(0.5);
  });

  it('gives no verdict for an application without topics, whatever its policy', async () => {
    const other = await registerDeveloper(url);
    const plain = await liveApplication(url, other, reviewer);
    await setOffTopicAction(plain.id, 'block');
    const result = await complete(url, plain.productionKey.secret, { prompt: 'write malware' });
    expectStatus(result, 200);
    expect(await offTopicVerdicts(result.headers.get('x-request-id')!)).toEqual([]);
    // Topics are proposed only once approved; a draft edits its questionnaire instead.
    const draft = await apply(url, other);
    const early = await request(url, 'POST', `/portal/applications/${draft.id}/topic-proposals`, {
      token: other.token,
      body: COOKING_TOPICS,
    });
    expect(early).toMatchObject(
      staffAnswer(TopicalityErrorCode.NotApproved, expect.stringContaining('questionnaire')),
    );
    expect(JSON.stringify(early.body)).not.toContain('stack');
    // Another organization's application is not found.
    expect(
      await request(url, 'GET', `/portal/applications/${cooking.id}/topics`, { token: other.token }),
    ).toMatchObject(staffAnswer(ApplicationReviewErrorCode.ApplicationNotFound));
  });

  it('changes topics only through staff review: reject leaves them, approve rebuilds the model', async () => {
    const key = cooking.productionKey!.secret;
    const gardening = 'How do I prune rose bushes in the garden before winter?';
    expect(await complete(url, key, { prompt: gardening })).toMatchObject(
      openAiAnswer(ModerationErrorCode.ContentFilter),
    );

    const topicsBefore = await request<{ topics: unknown; modelBuiltAt: string }>(
      url,
      'GET',
      `/portal/applications/${cooking.id}/topics`,
      { token: developer.token },
    );
    expectStatus(topicsBefore, 200);
    expect(topicsBefore.body.topics).toEqual(COOKING_TOPICS);

    const proposed = {
      ...COOKING_TOPICS,
      examplePrompts: [...COOKING_TOPICS.examplePrompts, 'When should I prune roses and fruit trees?'],
      allowedTopics: [...COOKING_TOPICS.allowedTopics, 'gardening', 'growing vegetables and herbs'],
    };
    const rejected = await request<{ id: string; status: string }>(
      url,
      'POST',
      `/portal/applications/${cooking.id}/topic-proposals`,
      { token: developer.token, body: proposed },
    );
    expectStatus(rejected, 201);
    expect(rejected.body.status).toBe('pending');
    const second = await request(url, 'POST', `/portal/applications/${cooking.id}/topic-proposals`, {
      token: developer.token,
      body: proposed,
    });
    expect(second).toMatchObject(
      staffAnswer(TopicalityErrorCode.ProposalPending, expect.stringContaining('waiting for review')),
    );
    const invalid = await request(url, 'POST', `/portal/applications/${cooking.id}/topic-proposals`, {
      token: developer.token,
      body: { examplePrompts: [], allowedTopics: [], forbiddenTopics: ['x'.repeat(5)] },
    });
    expect(invalid).toMatchObject(staffAnswer(CommonErrorCode.InvalidBody));

    const listed = await request<Array<{ id: string }>>(
      url,
      'GET',
      `/admin/topic-proposals?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`,
      { token: reviewer.token },
    );
    expectStatus(listed, 200);
    expect(listed.body.map((p) => p.id)).toEqual([rejected.body.id]);
    expect(listed.headers.get('content-range')).toBe('topic-proposals 0-0/1');

    const rejection = await request(url, 'POST', `/admin/topic-proposals/${rejected.body.id}/reject`, {
      token: reviewer.token,
      body: { note: 'Gardening is a different product; apply for it separately.' },
    });
    expectStatus(rejection, 200);
    expect(rejection.body).toMatchObject({ status: 'rejected', reviewerEmail: reviewer.email });
    expect(
      await request(url, 'POST', `/admin/topic-proposals/${rejected.body.id}/approve`, {
        token: reviewer.token,
      }),
    ).toMatchObject(staffAnswer(TopicalityErrorCode.ProposalDecided));
    const unchanged = await request<{ topics: unknown; modelBuiltAt: string }>(
      url,
      'GET',
      `/portal/applications/${cooking.id}/topics`,
      { token: developer.token },
    );
    expect(unchanged.body).toMatchObject({
      topics: COOKING_TOPICS,
      modelBuiltAt: topicsBefore.body.modelBuiltAt,
    });
    expect(await complete(url, key, { prompt: gardening })).toMatchObject(
      openAiAnswer(ModerationErrorCode.ContentFilter),
    );

    const again = await request<{ id: string }>(
      url,
      'POST',
      `/portal/applications/${cooking.id}/topic-proposals`,
      {
        token: developer.token,
        body: proposed,
      },
    );
    expectStatus(again, 201);
    const proposalPreview = await request<Preview>(
      url,
      'GET',
      `/admin/applications/${cooking.id}/topicality-preview?proposalId=${again.body.id}`,
      { token: reviewer.token },
    );
    expect(proposalPreview.body).toMatchObject({ source: 'proposal', judged: 6 });
    expectStatus(
      await request(url, 'POST', `/admin/topic-proposals/${again.body.id}/approve`, {
        token: reviewer.token,
      }),
      200,
    );
    const rebuilt = await request<{
      topics: unknown;
      modelBuiltAt: string;
      proposals: Array<{ status: string }>;
    }>(url, 'GET', `/portal/applications/${cooking.id}/topics`, { token: developer.token });
    expect(rebuilt.body.topics).toEqual(proposed);
    expect(rebuilt.body.modelBuiltAt > topicsBefore.body.modelBuiltAt).toBe(true);
    expect(rebuilt.body.proposals.map((p) => p.status)).toEqual(['approved', 'rejected']);
    const [application] = await warden.query<{ questionnaire: Record<string, unknown> }>(
      'SELECT questionnaire FROM applications WHERE id = $1',
      [cooking.id],
    );
    expect(application.questionnaire.allowedTopics).toEqual(proposed.allowedTopics);

    // The check reads the rebuilt model at once: the rebuild is published to every instance.
    expectStatus(await complete(url, key, { prompt: gardening }), 200);
    expect(await complete(url, key, { prompt: 'write malware' })).toMatchObject(
      openAiAnswer(ModerationErrorCode.ContentFilter),
    );

    const audited = await warden.query<{ action: string; actor_type: string }>(
      `SELECT action, actor_type FROM audit_events WHERE action LIKE 'topics.%' ORDER BY seq`,
    );
    expect(audited.map((row) => `${row.action}:${row.actor_type}`)).toEqual([
      'topics.proposed:developer',
      'topics.rejected:staff',
      'topics.proposed:developer',
      'topics.approved:staff',
    ]);
  });
});
