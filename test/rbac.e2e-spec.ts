import { randomUUID } from 'node:crypto';
import {
  apply,
  applyForResearch,
  complete,
  createStaff,
  DeveloperSession,
  expectStatus,
  liveApplication,
  registerDeveloper,
  request,
  Session,
  STAFF_PASSWORD,
  staffLogin,
  uniqueEmail,
} from './support/review-api';
import { RESEARCH_CHECKLIST_ITEMS } from '../contracts/src';
import { UpstreamServer } from './support/upstream-server';
import { eventually, startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

const PRINCIPALS = ['admin', 'reviewer', 'analyst', 'anonymous', 'developer', 'otherDeveloper'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expected = Record<Principal, number>;
const STAFF: readonly Principal[] = ['admin', 'reviewer', 'analyst'];

function answers(
  admin: number,
  reviewer: number,
  analyst: number,
  anonymous: number,
  developer: number,
  otherDeveloper: number,
): Expected {
  return { admin, reviewer, analyst, anonymous, developer, otherDeveloper };
}

// The specified answers. Developer tokens are not staff tokens (401 on /admin); staff tokens are not developer
// tokens (401 on /portal); another organization's resources do not exist for a developer (404).
const STAFF_READ = answers(200, 200, 200, 401, 401, 401);
const REVIEWER_WRITE = answers(200, 200, 403, 401, 401, 401);
const REVIEWER_CREATE = answers(201, 201, 403, 401, 401, 401);
const ADMIN_ONLY = answers(200, 403, 403, 401, 401, 401);
const ADMIN_ONLY_CREATE = answers(201, 403, 403, 401, 401, 401);
const STAFF_LOGOUT = answers(204, 204, 204, 401, 401, 401);
const PUBLIC = answers(200, 200, 200, 200, 200, 200);
/** Registration answers 202 to anyone, whether or not the address was new. */
const PUBLIC_ACCEPTED = answers(202, 202, 202, 202, 202, 202);
const DEVELOPER_SELF = answers(401, 401, 401, 401, 200, 200);
const DEVELOPER_CREATE = answers(401, 401, 401, 401, 201, 201);
const DEVELOPER_LOGOUT = answers(401, 401, 401, 401, 204, 204);
const OWN_ONLY = answers(401, 401, 401, 401, 200, 404);
const OWN_ONLY_CREATE = answers(401, 401, 401, 401, 201, 404);

interface Prepared {
  path: string;
  body?: unknown;
  /** Replaces the principal's usual token (a fresh session for logout). */
  token?: string;
}

interface Case {
  route: string;
  expected: Expected;
  prepare: (principal: Principal) => Promise<Prepared>;
}

/**
 * Every `/admin/*` and `/portal/*` route × admin, reviewer, analyst, anonymous, a developer of the organization
 * and a developer of another organization. Mutating routes get a fresh target for each call, so every principal
 * meets the same state. Routes are listed from the OpenAPI document: one missing here fails the suite.
 */
describe('RBAC matrix', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let url: string;
  const tokens = {} as Record<Principal, string | undefined>;
  let staff: Record<'admin' | 'reviewer' | 'analyst', Session>;
  let developer: DeveloperSession;
  let otherDeveloper: DeveloperSession;
  let draft: { id: string; sandboxKey: { id: string } };
  let fixtures: { organizationId: string; staffId: string; auditEventId: string; requestId: string };

  /** Staff routes above suspend and terminate the draft's keys, which freezes its new keys; staff lift that. */
  const liftEnforcement = async (applicationId: string) =>
    expectStatus(
      await request(url, 'POST', `/admin/applications/${applicationId}/lift-enforcement`, {
        token: staff.admin.token,
        body: { reason: 'rbac suite' },
      }),
      204,
    );

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    warden = await startWarden('rbac', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_UPSTREAM_URL: upstreamUrl,
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_EMBEDDED_MODELS: '',
      // Every route is called on the same few applications; the cap has its own test (key-termination).
      WARDEN_MAX_ACTIVE_KEYS_PER_APPLICATION: '1000',
    });
    url = warden.url;
    const admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    staff = {
      admin,
      reviewer: await createStaff(url, admin.token, 'reviewer'),
      analyst: await createStaff(url, admin.token, 'analyst'),
    };
    developer = await registerDeveloper(url);
    otherDeveloper = await registerDeveloper(url);
    Object.assign(tokens, {
      admin: staff.admin.token,
      reviewer: staff.reviewer.token,
      analyst: staff.analyst.token,
      anonymous: undefined,
      developer: developer.token,
      otherDeveloper: otherDeveloper.token,
    });
    draft = await apply(url, developer);
    expect((await complete(url, (await apply(url, developer)).sandboxKey.secret)).status).toBe(200);
    const [logged] = await eventually(
      () => warden.query<{ request_id: string }>('SELECT request_id FROM request_logs LIMIT 1'),
      (rows) => rows.length > 0,
    );
    const [event] = await warden.query<{ id: string }>('SELECT id FROM audit_events ORDER BY seq LIMIT 1');
    fixtures = {
      organizationId: developer.organizationId,
      staffId: (await createStaff(url, admin.token, 'analyst')).id,
      auditEventId: event.id,
      requestId: logged.request_id,
    };
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  const fixed = (path: string, body?: unknown) => async (): Promise<Prepared> => ({ path, body });

  async function submitted(): Promise<string> {
    const applied = await apply(url, developer);
    expectStatus(
      await request(url, 'POST', `/portal/applications/${applied.id}/submit`, { token: developer.token }),
      200,
    );
    return applied.id;
  }

  /** A research application of `developer`'s organization, approved with its grant (30 days). */
  async function approvedGrant(): Promise<string> {
    const id = await applyForResearch(url, developer, `Study ${randomUUID().slice(0, 8)}`, {
      institution: 'Matrix University',
      researchQuestion: 'Does every route answer each principal as the matrix says?',
      harmsStudied: ['access control'],
      dataHandling: 'Nothing leaves the test database, which is dropped at the end.',
      ethicsApprovalReference: null,
      ethicsApproved: false,
    });
    const admin = staff.admin.token;
    const staffCall = (method: string, path: string, body: unknown) =>
      request(url, method, path, { token: admin, body });
    expectStatus(
      await staffCall('POST', `/admin/applications/${id}/decisions`, {
        decision: 'start_review',
        rationale: 'rbac',
      }),
      200,
    );
    expectStatus(
      await staffCall('PUT', `/admin/research-grants/${id}`, {
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
      }),
      200,
    );
    expectStatus(
      await staffCall('POST', `/admin/applications/${id}/decisions`, {
        decision: 'approve',
        rationale: 'rbac',
        checklist: Object.fromEntries(RESEARCH_CHECKLIST_ITEMS.map((item) => [item, true])),
      }),
      200,
    );
    return id;
  }

  let sharedLive: Promise<string> | undefined;
  const live = () =>
    (sharedLive ??= liveApplication(url, developer, staff.reviewer).then((applied) => applied.id));

  let sharedGrant: Promise<string> | undefined;
  const grant = () => (sharedGrant ??= approvedGrant());

  async function freshKey(suspended = false): Promise<string> {
    const created = await request<{ id: string }>(url, 'POST', '/admin/api-keys', {
      token: staff.admin.token,
      body: { applicationId: draft.id, name: 'rbac' },
    });
    expectStatus(created, 201);
    if (suspended) {
      expectStatus(
        await request(url, 'POST', `/admin/api-keys/${created.body.id}/suspend`, {
          token: staff.admin.token,
          body: {},
        }),
        200,
      );
    }
    return created.body.id;
  }

  async function freshStaffId(): Promise<string> {
    const created = await request<{ id: string }>(url, 'POST', '/admin/staff', {
      token: staff.admin.token,
      body: { email: uniqueEmail('target'), password: STAFF_PASSWORD, role: 'analyst' },
    });
    return created.body.id;
  }

  /** A fresh session of the principal's own account, so logging out does not end the session the matrix uses. */
  async function ownFreshSession(principal: Principal): Promise<string | undefined> {
    if (principal === 'admin' || principal === 'reviewer' || principal === 'analyst') {
      const account = staff[principal];
      return (await staffLogin(url, account.email, account.password)).token;
    }
    if (principal === 'developer' || principal === 'otherDeveloper') {
      const account = principal === 'developer' ? developer : otherDeveloper;
      const result = await request<{ accessToken: string }>(url, 'POST', '/portal/auth/login', {
        body: { email: account.email, password: account.password },
      });
      return result.body.accessToken;
    }
    return undefined;
  }

  const CASES: Case[] = [
    {
      route: 'POST /admin/auth/login',
      expected: PUBLIC,
      prepare: async () => ({
        path: '/admin/auth/login',
        body: { email: staff.reviewer.email, password: STAFF_PASSWORD },
      }),
    },
    {
      route: 'POST /admin/auth/refresh',
      expected: PUBLIC,
      prepare: async () => ({
        path: '/admin/auth/refresh',
        body: { refreshToken: (await staffLogin(url, staff.analyst.email, STAFF_PASSWORD)).refreshToken },
      }),
    },
    {
      route: 'POST /admin/auth/logout',
      expected: STAFF_LOGOUT,
      prepare: async (principal) => ({
        path: '/admin/auth/logout',
        body: {},
        token: STAFF.includes(principal) ? await ownFreshSession(principal) : tokens[principal],
      }),
    },
    { route: 'GET /admin/auth/me', expected: STAFF_READ, prepare: fixed('/admin/auth/me') },

    { route: 'GET /admin/applications', expected: STAFF_READ, prepare: fixed('/admin/applications') },
    {
      route: 'GET /admin/applications/{id}',
      expected: STAFF_READ,
      prepare: async () => ({ path: `/admin/applications/${draft.id}` }),
    },
    {
      route: 'POST /admin/applications/{id}/decisions',
      expected: REVIEWER_WRITE,
      prepare: async () => ({
        path: `/admin/applications/${await submitted()}/decisions`,
        body: { decision: 'start_review', rationale: 'rbac', checklist: {} },
      }),
    },
    {
      route: 'POST /admin/applications/bulk-decisions',
      expected: REVIEWER_WRITE,
      prepare: async () => ({
        path: '/admin/applications/bulk-decisions',
        body: { ids: [await submitted()], decision: 'start_review', rationale: 'rbac' },
      }),
    },

    { route: 'GET /admin/api-keys', expected: STAFF_READ, prepare: fixed('/admin/api-keys') },
    {
      route: 'GET /admin/api-keys/{id}',
      expected: STAFF_READ,
      prepare: async () => ({ path: `/admin/api-keys/${draft.sandboxKey.id}` }),
    },
    {
      route: 'POST /admin/api-keys',
      expected: REVIEWER_CREATE,
      prepare: async () => ({ path: '/admin/api-keys', body: { applicationId: draft.id, name: 'rbac' } }),
    },
    ...(['rotate', 'revoke', 'suspend', 'terminate'] as const).map((action): Case => ({
      route: `POST /admin/api-keys/{id}/${action}`,
      expected: REVIEWER_WRITE,
      prepare: async () => ({
        path: `/admin/api-keys/${await freshKey()}/${action}`,
        body: { reason: 'rbac' },
      }),
    })),
    {
      route: 'POST /admin/api-keys/{id}/unsuspend',
      expected: REVIEWER_WRITE,
      prepare: async () => ({
        path: `/admin/api-keys/${await freshKey(true)}/unsuspend`,
        body: { reason: 'rbac' },
      }),
    },

    { route: 'GET /admin/organizations', expected: STAFF_READ, prepare: fixed('/admin/organizations') },
    {
      route: 'GET /admin/organizations/{id}',
      expected: STAFF_READ,
      prepare: async () => ({ path: `/admin/organizations/${fixtures.organizationId}` }),
    },

    { route: 'GET /admin/policies', expected: STAFF_READ, prepare: fixed('/admin/policies') },
    {
      route: 'GET /admin/policies/classifier-thresholds',
      expected: STAFF_READ,
      prepare: fixed('/admin/policies/classifier-thresholds'),
    },
    {
      route: 'GET /admin/policies/{id}',
      expected: STAFF_READ,
      prepare: async () => ({ path: `/admin/policies/${draft.id}` }),
    },
    {
      route: 'PUT /admin/policies/{id}',
      expected: REVIEWER_WRITE,
      prepare: async () => ({ path: `/admin/policies/${draft.id}`, body: { requireUser: true } }),
    },

    { route: 'GET /admin/staff', expected: ADMIN_ONLY, prepare: fixed('/admin/staff') },
    {
      route: 'GET /admin/staff/{id}',
      expected: ADMIN_ONLY,
      prepare: async () => ({ path: `/admin/staff/${fixtures.staffId}` }),
    },
    {
      route: 'POST /admin/staff',
      expected: ADMIN_ONLY_CREATE,
      prepare: async () => ({
        path: '/admin/staff',
        body: { email: uniqueEmail('new'), password: STAFF_PASSWORD, role: 'analyst' },
      }),
    },
    {
      route: 'PUT /admin/staff/{id}',
      expected: ADMIN_ONLY,
      prepare: async () => ({ path: `/admin/staff/${await freshStaffId()}`, body: { role: 'reviewer' } }),
    },
    {
      route: 'DELETE /admin/staff/{id}',
      expected: ADMIN_ONLY,
      prepare: async () => ({ path: `/admin/staff/${await freshStaffId()}` }),
    },

    { route: 'GET /admin/audit-log', expected: STAFF_READ, prepare: fixed('/admin/audit-log') },
    { route: 'GET /admin/audit-log/verify', expected: STAFF_READ, prepare: fixed('/admin/audit-log/verify') },
    {
      route: 'GET /admin/audit-log/{id}',
      expected: STAFF_READ,
      prepare: async () => ({ path: `/admin/audit-log/${fixtures.auditEventId}` }),
    },

    { route: 'GET /admin/request-logs', expected: STAFF_READ, prepare: fixed('/admin/request-logs') },
    {
      route: 'GET /admin/request-logs/{id}',
      expected: STAFF_READ,
      prepare: async () => ({ path: `/admin/request-logs/${fixtures.requestId}` }),
    },

    {
      route: 'POST /portal/auth/register',
      expected: PUBLIC_ACCEPTED,
      prepare: async () => ({
        path: '/portal/auth/register',
        body: {
          organizationName: `Org ${randomUUID()}`,
          email: uniqueEmail('signup'),
          password: developer.password,
        },
      }),
    },
    {
      route: 'POST /portal/auth/login',
      expected: PUBLIC,
      prepare: async () => ({
        path: '/portal/auth/login',
        body: { email: developer.email, password: developer.password },
      }),
    },
    {
      route: 'POST /portal/auth/refresh',
      expected: PUBLIC,
      prepare: async () => {
        const login = await request<{ refreshToken: string }>(url, 'POST', '/portal/auth/login', {
          body: { email: developer.email, password: developer.password },
        });
        return { path: '/portal/auth/refresh', body: { refreshToken: login.body.refreshToken } };
      },
    },
    {
      route: 'POST /portal/auth/logout',
      expected: DEVELOPER_LOGOUT,
      prepare: async (principal) => ({
        path: '/portal/auth/logout',
        body: {},
        token:
          principal === 'developer' || principal === 'otherDeveloper'
            ? await ownFreshSession(principal)
            : tokens[principal],
      }),
    },
    { route: 'GET /portal/auth/me', expected: DEVELOPER_SELF, prepare: fixed('/portal/auth/me') },
    { route: 'GET /portal/applications', expected: DEVELOPER_SELF, prepare: fixed('/portal/applications') },
    {
      route: 'POST /portal/applications',
      expected: DEVELOPER_CREATE,
      prepare: async () => ({
        path: '/portal/applications',
        body: { name: 'From the matrix', questionnaire: await currentQuestionnaire() },
      }),
    },
    {
      route: 'GET /portal/applications/{id}',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/applications/${draft.id}` }),
    },
    {
      route: 'PUT /portal/applications/{id}',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/applications/${draft.id}`, body: { name: 'Renamed' } }),
    },
    {
      route: 'POST /portal/applications/{id}/submit',
      expected: OWN_ONLY,
      prepare: async () => ({
        path: `/portal/applications/${(await apply(url, developer)).id}/submit`,
        body: {},
      }),
    },
    {
      route: 'GET /portal/applications/{id}/keys',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/applications/${draft.id}/keys` }),
    },
    {
      route: 'POST /portal/applications/{id}/keys',
      expected: OWN_ONLY_CREATE,
      prepare: async () => {
        await liftEnforcement(draft.id);
        return { path: `/portal/applications/${draft.id}/keys`, body: { name: 'rbac' } };
      },
    },
    {
      route: 'GET /portal/applications/{id}/topics',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/applications/${await live()}/topics` }),
    },
    {
      route: 'POST /portal/applications/{id}/topic-proposals',
      expected: OWN_ONLY_CREATE,
      // A fresh live application per call: an application takes one pending proposal at a time.
      prepare: async () => ({
        path: `/portal/applications/${(await liveApplication(url, developer, staff.reviewer)).id}/topic-proposals`,
        body: {
          examplePrompts: ['How long do I boil an egg?'],
          allowedTopics: ['cooking'],
          forbiddenTopics: [],
        },
      }),
    },
    {
      route: 'GET /portal/applications/{id}/labels',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/applications/${draft.id}/labels` }),
    },
    {
      route: 'POST /portal/research/applications',
      expected: DEVELOPER_CREATE,
      prepare: fixed('/portal/research/applications', {
        name: 'Matrix study',
        questionnaire: {
          institution: 'Matrix University',
          researchQuestion: 'Does every route answer each principal as the matrix says?',
          harmsStudied: ['access control'],
          dataHandling: 'Nothing leaves the test database, which is dropped at the end.',
          ethicsApproved: false,
        },
      }),
    },
    {
      route: 'GET /portal/research/grants',
      expected: DEVELOPER_SELF,
      prepare: fixed('/portal/research/grants'),
    },
    {
      route: 'GET /portal/research/grants/{id}',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/research/grants/${await grant()}` }),
    },
    {
      route: 'POST /portal/research/grants/{id}/renewal',
      expected: OWN_ONLY,
      // A fresh grant per call: a grant takes one pending renewal at a time.
      prepare: async () => ({
        path: `/portal/research/grants/${await approvedGrant()}/renewal`,
        body: {
          endsAt: new Date(Date.now() + 90 * 24 * 3600_000).toISOString(),
          reason: 'The matrix needs it.',
        },
      }),
    },
    {
      route: 'GET /portal/research/grants/{id}/keys',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/research/grants/${await grant()}/keys` }),
    },
    {
      route: 'POST /portal/research/grants/{id}/keys',
      expected: OWN_ONLY_CREATE,
      prepare: async () => ({
        path: `/portal/research/grants/${await grant()}/keys`,
        body: { name: 'rbac', expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString() },
      }),
    },
    {
      route: 'GET /portal/applications/{id}/webhook',
      expected: OWN_ONLY,
      prepare: async () => ({ path: `/portal/applications/${draft.id}/webhook` }),
    },
    {
      route: 'PUT /portal/applications/{id}/webhook',
      expected: OWN_ONLY,
      prepare: async () => ({
        path: `/portal/applications/${draft.id}/webhook`,
        body: { url: 'https://93.184.216.34/rbac-hook' },
      }),
    },
    {
      route: 'PUT /portal/applications/{id}/webhook/events',
      expected: OWN_ONLY,
      prepare: async () => ({
        path: `/portal/applications/${draft.id}/webhook/events`,
        body: { events: ['end_user.blocked'] },
      }),
    },
    {
      route: 'POST /portal/applications/{id}/webhook/rotate-secret',
      expected: OWN_ONLY,
      prepare: async () => {
        await request(url, 'PUT', `/portal/applications/${draft.id}/webhook`, {
          token: developer.token,
          body: { url: 'https://93.184.216.34/rbac-hook' },
        });
        return { path: `/portal/applications/${draft.id}/webhook/rotate-secret` };
      },
    },
    {
      route: 'POST /portal/applications/{id}/keys/{keyId}/revoke',
      expected: OWN_ONLY,
      prepare: async () => {
        await liftEnforcement(draft.id);
        const created = await request<{ id: string }>(url, 'POST', `/portal/applications/${draft.id}/keys`, {
          token: developer.token,
          body: { name: 'to revoke' },
        });
        return { path: `/portal/applications/${draft.id}/keys/${created.body.id}/revoke`, body: {} };
      },
    },
  ];

  async function currentQuestionnaire(): Promise<unknown> {
    return (
      await request<{ questionnaire: unknown }>(url, 'GET', `/portal/applications/${draft.id}`, {
        token: developer.token,
      })
    ).body.questionnaire;
  }

  async function answersFor(method: string, prepare: Case['prepare']): Promise<Expected> {
    const actual = {} as Expected;
    for (const principal of PRINCIPALS) {
      const prepared = await prepare(principal);
      const token = 'token' in prepared ? prepared.token : tokens[principal];
      actual[principal] = (await request(url, method, prepared.path, { token, body: prepared.body })).status;
    }
    return actual;
  }

  it.each(CASES.map((testCase) => [testCase.route, testCase] as const))('%s', async (_route, testCase) => {
    const [method] = testCase.route.split(' ');
    expect(await answersFor(method, testCase.prepare)).toEqual(testCase.expected);
  });

  describe('routes other modules add under /admin', () => {
    it('declare a permission and enforce it: 401 without a staff token, 403 for a role without it', async () => {
      const document = (
        await request<{ paths: Record<string, Record<string, { 'x-warden-permission'?: string }>> }>(
          url,
          'GET',
          '/docs/openapi.json',
        )
      ).body;
      const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({
          route: `${method.toUpperCase()} ${path}`,
          permission: operation['x-warden-permission'],
        })),
      );
      const surface = routes.filter(({ route }) => / \/(admin|portal)(\/|$)/.test(route));
      const listed = new Set(CASES.map((testCase) => testCase.route));
      // Every route in the matrix exists, and every portal route and every public admin route is in the matrix.
      expect([...listed].filter((route) => !surface.some((found) => found.route === route))).toEqual([]);
      expect(
        surface.filter(
          ({ route, permission }) => !listed.has(route) && (route.includes(' /portal') || !permission),
        ),
      ).toEqual([]);

      const granted = {} as Record<string, string[]>;
      for (const role of STAFF) {
        granted[role] = (
          await request<{ permissions: string[] }>(url, 'GET', '/admin/auth/me', { token: tokens[role] })
        ).body.permissions;
      }
      for (const { route, permission } of surface.filter(({ route }) => !listed.has(route))) {
        const [method, template] = route.split(' ');
        const path = template.replace(/\{[^}]+\}/g, () => randomUUID());
        const actual = await answersFor(method, async () => ({
          path,
          body: method === 'GET' || method === 'DELETE' ? undefined : {},
        }));
        for (const principal of PRINCIPALS) {
          const context = `${route} as ${principal}`;
          if (!STAFF.includes(principal)) {
            expect([context, actual[principal]]).toEqual([context, 401]);
          } else if (granted[principal].includes(permission!)) {
            expect([context, [401, 403].includes(actual[principal])]).toEqual([context, false]);
          } else {
            expect([context, actual[principal]]).toEqual([context, 403]);
          }
        }
      }
    });
  });
});
