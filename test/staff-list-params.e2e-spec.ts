import { CommonErrorCode, staffAnswer } from './support/error-catalog';
import { request, staffLogin } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

/** Every react-admin list the staff API serves. */
const LISTS = [
  'applications',
  'api-keys',
  'organizations',
  'policies',
  'staff',
  'audit-log',
  'request-logs',
  'end-users',
  'alerts',
  'held-completions',
  'bias-runs',
];

/** Parameters that once reached Postgres or Object.prototype and answered 500. */
const HOSTILE: Record<string, Record<string, string>> = {
  'sort by constructor': { sort: '["constructor","ASC"]' },
  'sort by __proto__': { sort: '["__proto__","DESC"]' },
  'sort by toString': { sort: '["toString","ASC"]' },
  'sort by hasOwnProperty': { sort: '["hasOwnProperty","ASC"]' },
  'filter on __proto__': { filter: '{"__proto__":"x"}' },
  'filter on constructor': { filter: '{"constructor":"x"}' },
  'filter on toString': { filter: '{"toString":"x"}' },
  'a huge range': { range: '[1e20,1e20]' },
  'a range past integers': { range: '[9007199254740993,9007199254740993]' },
  'a range past Postgres integers': { range: '[3000000000,3000000010]' },
  'a fractional range': { range: '[0.5,3]' },
  'a negative range': { range: '[-5,3]' },
  'NUL in q': { filter: JSON.stringify({ q: 'a\u0000b' }) },
  'NUL in an id': { filter: JSON.stringify({ id: '\u0000' }) },
  'an object as a filter value': { filter: '{"q":{"$ne":1}}' },
  'sort that is not JSON': { sort: '["id"' },
};

/** Integer filters given numbers no column can hold. */
const OVERFLOW: Array<[string, Record<string, string>]> = [
  ['request-logs', { filter: '{"statusCode":99999999999}' }],
  ['request-logs', { filter: '{"statusCode":1e400}' }],
  ['audit-log', { filter: '{"seq":"100000000000000000000000"}' }],
];

describe('admin list parameters never 500', () => {
  let warden: WardenInstance;
  let token: string;

  beforeAll(async () => {
    warden = await startWarden('list_params', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_EMBEDDED_MODELS: '',
    });
    token = (await staffLogin(warden.url, ADMIN.email, ADMIN.password)).token;
  });

  afterAll(async () => {
    await warden?.stop();
  });

  const list = (resource: string, params: Record<string, string>) =>
    request<Record<string, unknown>>(warden.url, 'GET', `/admin/${resource}?${new URLSearchParams(params)}`, {
      token,
    });

  it.each(LISTS)('serves %s without parameters', async (resource) => {
    const answered = await list(resource, {});
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-range')).toMatch(new RegExp(`^${resource} \\d+-\\d+/\\d+$`));
  });

  const cases = LISTS.flatMap((resource) =>
    Object.entries(HOSTILE).map(([label, params]) => [resource, label, params] as const),
  );

  it.each(cases)('%s: %s is a 400 that says what is wrong', async (resource, _label, params) => {
    const answered = await list(resource, params);
    expect({ status: answered.status, body: answered.body }).toEqual(
      staffAnswer(
        CommonErrorCode.InvalidListQuery,
        expect.stringMatching(/^(sort|range|filter|[a-z-]+ cannot be (sorted|filtered) by)/),
      ),
    );
  });

  it.each(OVERFLOW)('%s: %j is a 400', async (resource, params) => {
    const answered = await list(resource, params);
    expect(answered).toMatchObject(
      staffAnswer(CommonErrorCode.InvalidListQuery, expect.stringMatching(/whole number|not valid JSON/)),
    );
  });
});
