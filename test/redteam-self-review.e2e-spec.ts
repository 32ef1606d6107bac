import { randomBytes } from 'node:crypto';
import { ApiKeyManagementErrorCode, OrganizationsErrorCode, staffAnswer } from './support/error-catalog';
import {
  applyForResearch,
  decide,
  DeveloperSession,
  expectStatus,
  liveApplication,
  postJson,
  request,
  reviewerDeveloperAndInsider,
  Session,
  staffLogin,
} from './support/review-api';
import { COOKING_TOPICS } from './support/topics';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { eventually, loggedRow, runCli, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

/**
 * Self-review kept a staff member who is also a developer in an organization from deciding on its applications, but
 * not on the other ways that organization asks for, or gets back, access.
 */
describe('redteam: staff deciding for their own organization', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'redteam_self_review', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  const selfReview = () => staffAnswer(OrganizationsErrorCode.SelfReview);

  /** A blocklist word that acts (`action`) on input, and the application's strike thresholds, set by `reviewer`. */
  async function blocklistPolicy(
    reviewer: Session,
    applicationId: string,
    action: 'flag' | 'block',
    strikes: { throttleAt: number; blockAt: number },
  ): Promise<void> {
    expectStatus(
      await request(warden.url, 'PUT', `/admin/policies/${applicationId}`, {
        token: reviewer.token,
        body: {
          blocklist: { words: ['zorbanite'] },
          categories: { blocklist: { input: { action }, output: { action: 'allow' } } },
          strikes,
        },
      }),
      200,
    );
  }

  const endUser = (applicationId: string, user: string) =>
    warden
      .query<{ status: string; strike_points: number }>(
        'SELECT status, strike_points FROM end_users WHERE application_id = $1 AND end_user = $2',
        [applicationId, user],
      )
      .then((rows) => rows[0]);

  /**
   * A fine-tuning job whose training data waits for staff, and a model (trained upstream) awaiting review, of the
   * developer's application. Written straight to the tables: training one is not what this suite is about.
   */
  async function fineTuningUnderReview(
    developer: DeveloperSession,
    applicationId: string,
  ): Promise<{ jobId: string; modelId: string }> {
    const tag = randomBytes(4).toString('hex');
    const fileId = `file-${tag}`;
    await warden.query(
      `INSERT INTO files (id, organization_id, application_id, purpose, filename, bytes, content, format, examples)
       VALUES ($1, $2, $3, 'fine-tune', 'train.jsonl', 2, $4, 'completion', 1)`,
      [fileId, developer.organizationId, applicationId, Buffer.from('{}')],
    );
    const job = (id: string, status: string, screening: string, report: unknown) =>
      warden.query(
        `INSERT INTO fine_tuning_jobs (id, organization_id, application_id, model, training_file, n_epochs,
           batch_size, learning_rate_multiplier, seed, status, screening_status, screening_report)
         VALUES ($1, $2, $3, 'house-model', $4, 1, 1, 1, 7, $5, $6, $7)`,
        [id, developer.organizationId, applicationId, fileId, status, screening, JSON.stringify(report)],
      );
    const jobId = `ftjob-${tag}a`;
    const flagged = { file: 'training', line: 1, categories: ['violence'], text: 'borderline' };
    await job(jobId, 'validating_files', 'awaiting_review', {
      examples: 40,
      flagged: 1,
      share: 0.025,
      limit: 0.05,
      reviewAboveShare: 0,
      lines: [flagged],
    });
    const trainedJobId = `ftjob-${tag}b`;
    await job(trainedJobId, 'succeeded', 'passed', null);
    const modelId = `ft:house-model:org:${tag}:${trainedJobId}`;
    await warden.query(
      `INSERT INTO fine_tuned_models (id, job_id, organization_id, application_id, base_model, upstream_model)
       VALUES ($1, $2, $3, $4, 'house-model', $5)`,
      [modelId, trainedJobId, developer.organizationId, applicationId, `upstream-${tag}`],
    );
    return { jobId, modelId };
  }

  /**
   * Self-review kept a staff member who is also a developer in an organization from approving or reinstating its
   * applications, but not from undoing enforcement on them through the keys: after another reviewer suspended their
   * application's key, the insider unsuspended it, minted a fresh key past the freeze (staff may, its developers may
   * not) and lifted the freeze. Giving access back is a conflicted decision wherever it is taken.
   */
  it('refuses an insider’s unsuspend, new key and lifted freeze; another reviewer may', async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN);
    const live = await liveApplication(url, developer, reviewer);
    const keyId = live.productionKey.id;

    expectStatus(
      await request(url, 'POST', `/admin/api-keys/${keyId}/suspend`, {
        token: reviewer.token,
        body: { reason: 'scraping', category: 'policy_violation' },
      }),
      200,
    );

    expect(
      await request(url, 'POST', `/admin/api-keys/${keyId}/unsuspend`, { token: insider.token, body: {} }),
    ).toMatchObject(staffAnswer(OrganizationsErrorCode.SelfReview));
    expect(
      await request(url, 'POST', '/admin/api-keys', {
        token: insider.token,
        body: { applicationId: live.id, name: 'fresh' },
      }),
    ).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.ApplicationUnderEnforcement));
    expect(
      await request(url, 'POST', `/admin/applications/${live.id}/lift-enforcement`, {
        token: insider.token,
        body: { reason: 'reviewed' },
      }),
    ).toMatchObject(staffAnswer(OrganizationsErrorCode.SelfReview));

    const [application] = await warden.query<{ enforced_at: Date | null }>(
      'SELECT enforced_at FROM applications WHERE id = $1',
      [live.id],
    );
    expect(application.enforced_at).not.toBeNull();
    const keys = await warden.query<{ status: string }>(
      'SELECT status FROM api_keys WHERE application_id = $1',
      [live.id],
    );
    expect(keys.map((key) => key.status).sort()).toEqual(['active', 'suspended']);

    // Another reviewer decides, and the developer may mint keys again.
    expectStatus(
      await request(url, 'POST', `/admin/api-keys/${keyId}/unsuspend`, { token: reviewer.token, body: {} }),
      200,
    );
    expectStatus(
      await request(url, 'POST', `/admin/applications/${live.id}/lift-enforcement`, {
        token: reviewer.token,
        body: { reason: 'reviewed' },
      }),
      204,
    );
    expectStatus(
      await request(url, 'POST', `/portal/applications/${live.id}/keys`, {
        token: developer.token,
        body: { name: 'after review' },
      }),
      201,
    );
  });

  /**
   * A developer proposes new topics for a live application and staff decide; the insider approved their own
   * proposal, which rewrites what the application may be asked about.
   */
  it('refuses an insider’s decision on their own topic proposal; another reviewer decides', async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN);
    const live = await liveApplication(url, developer, reviewer);
    const proposed = await request<{ id: string }>(
      url,
      'POST',
      `/portal/applications/${live.id}/topic-proposals`,
      {
        token: developer.token,
        body: COOKING_TOPICS,
      },
    );
    expectStatus(proposed, 201);

    for (const decision of ['approve', 'reject']) {
      expect(
        await request(url, 'POST', `/admin/topic-proposals/${proposed.body.id}/${decision}`, {
          token: insider.token,
          body: {},
        }),
      ).toMatchObject(staffAnswer(OrganizationsErrorCode.SelfReview));
    }
    const [pending] = await warden.query<{ status: string }>(
      'SELECT status FROM topic_proposals WHERE id = $1',
      [proposed.body.id],
    );
    expect(pending.status).toBe('pending');
    expectStatus(
      await request(url, 'POST', `/admin/topic-proposals/${proposed.body.id}/reject`, {
        token: reviewer.token,
        body: { note: 'not yet' },
      }),
      200,
    );
  });

  /**
   * An output a policy held waits for staff because the application may not have it unseen: the insider released
   * what their own application's policy held back.
   */
  it("refuses an insider's release or discard of a held output; another reviewer may release it", async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN);
    const live = await liveApplication(url, developer, reviewer);
    const policy = {
      blocklist: { words: ['heldword'] },
      categories: { blocklist: { input: { action: 'hold' }, output: { action: 'allow' } } },
    };
    expect((await runCli(warden.env, ['policies:set', live.id, JSON.stringify(policy)])).code).toBe(0);
    const held = await postJson(url, '/v1/completions', live.productionKey.secret, {
      model: 'house-model',
      prompt: 'please heldword',
      max_tokens: 8,
      user: 'someone',
    });
    expect(held.status).toBe(202);
    const heldId = held.body.warden.held_completion_id as string;
    const decide = (token: string, decision: 'release' | 'discard') =>
      request(url, 'POST', `/admin/held-completions/${heldId}/decisions`, {
        token,
        body: { decision, reason: 'looked at it' },
      });

    expect(await decide(insider.token, 'release')).toMatchObject(
      staffAnswer(OrganizationsErrorCode.SelfReview),
    );
    expect(await decide(insider.token, 'discard')).toMatchObject(
      staffAnswer(OrganizationsErrorCode.SelfReview),
    );
    const released = await decide(reviewer.token, 'release');
    expectStatus(released, 200);
    expect(released.body).toMatchObject({ status: 'released' });
  });

  /**
   * Fine-tuning waits for staff twice: training data the screening flagged, and the trained model before production
   * keys may call it. The insider approved their own organization's flagged data and model. Retiring a model only
   * withdraws it, as suspending a key does, so the insider may.
   */
  it('refuses an insider’s screening and model decisions on their own fine-tuning; another reviewer decides', async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN);
    const live = await liveApplication(url, developer, reviewer);
    const { jobId, modelId } = await fineTuningUnderReview(developer, live.id);
    const screen = (token: string, decision: 'approve' | 'reject') =>
      request(url, 'POST', `/admin/fine-tuning-jobs/${jobId}/screening`, {
        token,
        body: { decision, note: 'looked at line 1' },
      });
    const decideModel = (token: string, decision: 'approve' | 'reject' | 'retire') =>
      request<{ reviewStatus: string }>(
        url,
        'POST',
        `/admin/fine-tuned-models/${encodeURIComponent(modelId)}/decisions`,
        { token, body: { decision, note: 'samples read' } },
      );

    expect(await screen(insider.token, 'approve')).toMatchObject(selfReview());
    expect(await screen(insider.token, 'reject')).toMatchObject(selfReview());
    expect(await decideModel(insider.token, 'approve')).toMatchObject(selfReview());
    expect(await decideModel(insider.token, 'reject')).toMatchObject(selfReview());
    const [job] = await warden.query<{ screening_status: string }>(
      'SELECT screening_status FROM fine_tuning_jobs WHERE id = $1',
      [jobId],
    );
    expect(job.screening_status).toBe('awaiting_review');
    const [model] = await warden.query<{ review_status: string }>(
      'SELECT review_status FROM fine_tuned_models WHERE id = $1',
      [modelId],
    );
    expect(model.review_status).toBe('pending_review');

    expectStatus(await screen(reviewer.token, 'reject'), 201);
    const approved = await decideModel(reviewer.token, 'approve');
    expectStatus(approved, 201);
    expect(approved.body.reviewStatus).toBe('approved');
    const retired = await decideModel(insider.token, 'retire');
    expectStatus(retired, 201);
    expect(retired.body.reviewStatus).toBe('retired');
  });

  /** An end user whom strikes blocked from an application is served again only by staff outside its organization. */
  it('refuses an insider’s unblocking of their own application’s end user; another reviewer may', async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN);
    const live = await liveApplication(url, developer, reviewer);
    await blocklistPolicy(reviewer, live.id, 'block', { throttleAt: 1, blockAt: 2 });
    const refused = await postJson(url, '/v1/completions', live.productionKey.secret, {
      model: 'house-model',
      prompt: 'tell me about zorbanite',
      max_tokens: 8,
      user: 'mallory',
    });
    expect(refused.status).toBe(400);
    await eventually(
      () => endUser(live.id, 'mallory'),
      (row) => row?.status === 'blocked',
    );
    const unblock = (token: string) =>
      request<{ status: string }>(url, 'POST', `/admin/end-users/${live.id}:mallory/unblock`, {
        token,
        body: { reason: 'a misunderstanding' },
      });

    expect(await unblock(insider.token)).toMatchObject(selfReview());
    expect((await endUser(live.id, 'mallory')).status).toBe('blocked');
    const unblocked = await unblock(reviewer.token);
    expectStatus(unblocked, 200);
    expect(unblocked.body.status).toBe('active');
    // Blocking only takes access away, as suspending a key does: the insider may.
    const blocked = await request<{ status: string; blockedByStaff: boolean }>(
      url,
      'POST',
      `/admin/end-users/${live.id}:mallory/block`,
      { token: insider.token, body: { reason: 'keeps probing the filter' } },
    );
    expectStatus(blocked, 200);
    expect(blocked.body).toMatchObject({ status: 'blocked', blockedByStaff: true });
  });

  /**
   * An application's policy is the terms it is served under: the insider loosened their own application's (here,
   * every category observe-only). Any edit is refused to them, and so is applying a policy proposal to it, which
   * takes the same path.
   */
  it('refuses an insider’s edit of their own application’s policy, or a proposal applied to it; others may', async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN, 'admin');
    const admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    const live = await liveApplication(url, developer, reviewer);
    const policyOf = async () =>
      (
        await request<{ patch: Record<string, unknown> }>(url, 'GET', `/admin/policies/${live.id}`, {
          token: reviewer.token,
        })
      ).body.patch;
    const before = await policyOf();

    expect(
      await request(url, 'PUT', `/admin/policies/${live.id}`, {
        token: insider.token,
        body: { categories: { violence: { input: { action: 'observe' }, output: { action: 'observe' } } } },
      }),
    ).toMatchObject(selfReview());
    expect(await policyOf()).toEqual(before);
    expectStatus(
      await request(url, 'PUT', `/admin/policies/${live.id}`, {
        token: reviewer.token,
        body: { blocklist: { words: ['zorbanite'] } },
      }),
      200,
    );

    const proposed = await request<{ id: string }>(url, 'POST', '/admin/policy-proposals', {
      token: admin.token,
      body: { applicationId: live.id, patch: { blocklist: { words: ['zorbanite', 'quixotite'] } } },
    });
    expectStatus(proposed, 201);
    const proposalId = proposed.body.id;
    const replay = await request<{ id: string }>(
      url,
      'POST',
      `/admin/policy-proposals/${proposalId}/replays`,
      {
        token: admin.token,
        body: {
          from: new Date(Date.now() - 60_000).toISOString(),
          to: new Date(Date.now() + 60_000).toISOString(),
        },
      },
    );
    expectStatus(replay, 202);
    await eventually(
      async () =>
        (
          await request<{ status: string }>(
            url,
            'GET',
            `/admin/policy-proposals/${proposalId}/replays/${replay.body.id}`,
            { token: admin.token },
          )
        ).body.status,
      (status) => status === 'completed' || status === 'failed',
      60_000,
    );
    const apply = (token: string) =>
      request<{ status: string }>(url, 'POST', `/admin/policy-proposals/${proposalId}/apply`, { token });

    expect(await apply(insider.token)).toMatchObject(selfReview());
    const unapplied = await policyOf();
    expect(unapplied.blocklist).toEqual({ words: ['zorbanite'] });
    const applied = await apply(admin.token);
    expectStatus(applied, 200);
    expect(applied.body.status).toBe('applied');
    expect((await policyOf()).blocklist).toEqual({ words: ['zorbanite', 'quixotite'] });
  });

  /**
   * A staff label saying a verdict was a false positive refunds the strike points it cost the end user; the insider
   * refunded their own application's end user. Staff may not judge their own organization's traffic at all, in or
   * out of a queue (labels feed the calibrations its policy is tuned from); skipping a queue item judges nothing.
   */
  it('refuses an insider’s labels on their own application’s calls; they may skip, another labeler may label', async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN, 'labeler');
    const admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    const live = await liveApplication(url, developer, reviewer);
    await blocklistPolicy(reviewer, live.id, 'flag', { throttleAt: 10, blockAt: 20 });
    const requestIds: string[] = [];
    for (const prompt of ['tell me about zorbanite', 'more zorbanite please']) {
      const flagged = await postJson(url, '/v1/completions', live.productionKey.secret, {
        model: 'house-model',
        prompt,
        max_tokens: 8,
        user: 'mallory',
      });
      expectStatus(flagged, 200);
      await loggedRow(warden, flagged.requestId, 'request_id');
      requestIds.push(flagged.requestId);
    }
    await eventually(
      () => endUser(live.id, 'mallory'),
      (row) => row?.strike_points === 2,
    );
    const staffLabel = (token: string, requestId: string) =>
      request<{ refundedPoints: number }>(url, 'POST', '/admin/labels', {
        token,
        body: { requestId, falsePositive: true, comment: 'zorbanite is a mineral' },
      });

    expect(await staffLabel(insider.token, requestIds[0])).toMatchObject(selfReview());
    expect((await endUser(live.id, 'mallory')).strike_points).toBe(2);
    const labeled = await staffLabel(admin.token, requestIds[0]);
    expectStatus(labeled, 201);
    expect(labeled.body.refundedPoints).toBe(1);

    const queue = await request<{ id: string }>(url, 'POST', '/admin/label-queues', {
      token: admin.token,
      body: {
        name: `self-review ${randomBytes(3).toString('hex')}`,
        filter: { applicationId: live.id },
        sampling: { rule: 'flagged' },
        targetSize: 5,
      },
    });
    expectStatus(queue, 201);
    const item = await request<{ requestId: string }>(
      url,
      'GET',
      `/admin/label-queues/${queue.body.id}/next`,
      {
        token: insider.token,
      },
    );
    expectStatus(item, 200);
    const itemLabel = (token: string, body: unknown) =>
      request(url, 'POST', `/admin/label-queues/${queue.body.id}/items/${item.body.requestId}/labels`, {
        token,
        body,
      });
    expect(
      await itemLabel(insider.token, { categories: { blocklist: false }, falsePositive: true }),
    ).toMatchObject(selfReview());
    expect(await itemLabel(insider.token, { categories: { blocklist: true } })).toMatchObject(selfReview());
    expectStatus(await itemLabel(insider.token, { skip: true, comment: 'my own application' }), 201);
    expectStatus(
      await itemLabel(admin.token, { categories: { blocklist: false }, falsePositive: true }),
      201,
    );
    const labels = await warden.query<{ staff_user_id: string }>(
      'SELECT staff_user_id FROM labels WHERE application_id = $1 AND staff_user_id = $2 AND categories <> $3',
      [live.id, insider.id, '{}'],
    );
    expect(labels).toEqual([]);
  });

  /**
   * A research grant's terms set what its keys may do: the insider lifted the lock-down and made violence
   * observe-only for their own study.
   */
  it('refuses an insider’s change to their own research grant’s terms; another reviewer may', async () => {
    const url = warden.url;
    const { reviewer, developer: researcher, insider } = await reviewerDeveloperAndInsider(url, ADMIN);
    const grantId = await applyForResearch(url, researcher);
    expectStatus(await decide(url, reviewer, grantId, 'start_review'), 200);
    const terms = (token: string, body: unknown) =>
      request<{ profile: Record<string, unknown> }>(url, 'PUT', `/admin/research-grants/${grantId}`, {
        token,
        body,
      });

    expect(
      await terms(insider.token, {
        profile: { lockedDown: false, allowLogprobs: true, observeOnlyCategories: ['violence'] },
      }),
    ).toMatchObject(selfReview());
    expect(await terms(insider.token, { quotas: { requestsPerDay: 10_000_000 } })).toMatchObject(
      selfReview(),
    );
    const [grant] = await warden.query<{ profile: Record<string, unknown>; quotas: Record<string, unknown> }>(
      'SELECT profile, quotas FROM research_grants WHERE id = $1',
      [grantId],
    );
    expect(grant.profile).toMatchObject({ allowLogprobs: false, observeOnlyCategories: [] });
    expect(grant.quotas).toMatchObject({ requestsPerDay: null });

    const changed = await terms(reviewer.token, { profile: { allowLogprobs: true } });
    expectStatus(changed, 200);
    expect(changed.body.profile).toMatchObject({ allowLogprobs: true });
  });

  /**
   * New keys are frozen while enforcement stands, and the insider may not issue one; but they could rotate an
   * expired key of their own application into a fresh one that never expires. A rotation issues a key, under the
   * same rule.
   */
  it('refuses an insider’s rotation of their own frozen application’s expired key; another reviewer may', async () => {
    const url = warden.url;
    const { reviewer, developer, insider } = await reviewerDeveloperAndInsider(url, ADMIN);
    const live = await liveApplication(url, developer, reviewer);
    const expiresAt = new Date(Date.now() + 1_500);
    const short = await request<{ id: string }>(url, 'POST', `/portal/applications/${live.id}/keys`, {
      token: developer.token,
      body: { name: 'short', expiresAt: expiresAt.toISOString() },
    });
    expectStatus(short, 201);
    expectStatus(
      await request(url, 'POST', `/admin/api-keys/${live.productionKey.id}/suspend`, {
        token: reviewer.token,
        body: { reason: 'scraping', category: 'policy_violation' },
      }),
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now() + 100)));
    const rotate = (token: string) =>
      request<{ id: string; expiresAt: string | null }>(
        url,
        'POST',
        `/admin/api-keys/${short.body.id}/rotate`,
        {
          token,
          body: { reason: 'expired' },
        },
      );

    expect(await rotate(insider.token)).toMatchObject(
      staffAnswer(ApiKeyManagementErrorCode.ApplicationUnderEnforcement),
    );
    const keys = await warden.query<{ status: string }>(
      'SELECT status FROM api_keys WHERE application_id = $1 ORDER BY created_at',
      [live.id],
    );
    expect(keys.map((key) => key.status).sort()).toEqual(['active', 'active', 'suspended']);
    const rotated = await rotate(reviewer.token);
    expectStatus(rotated, 200);
    expect(rotated.body.expiresAt).toBeNull();
  });
});
