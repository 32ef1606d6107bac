import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import type { WebhookEvent } from '@warden/contracts';
import { API_URL, httpClient } from './session';
import type {
  ApiKey,
  Application,
  ApplicationTopics,
  Questionnaire,
  ResearchGrant,
  TopicProposal,
  Topics,
  Webhook,
} from './types';

export interface ApplicationInput {
  name: string;
  questionnaire: Questionnaire;
}

/** Instants go out as ISO strings, as the server's schemas take them. */
export interface RenewalInput {
  endsAt: string;
  reason: string;
}

export interface ResearchKeyInput {
  name: string;
  expiresAt: string;
}

/** The portal API's operations beyond CRUD. */
export interface PortalDataProvider extends DataProvider {
  submitApplication(id: Identifier): Promise<Application>;
  /** A sandbox key while the application is in sandbox, a production key once it is live; the secret only here. */
  createKey(applicationId: Identifier, name: string): Promise<ApiKey>;
  revokeKey(applicationId: Identifier, keyId: Identifier): Promise<ApiKey>;
  webhook(applicationId: Identifier): Promise<Webhook>;
  /** Setting the URL issues a new signing secret: the answer is the only place it appears, as on rotation. */
  setWebhook(applicationId: Identifier, url: string): Promise<Webhook>;
  rotateWebhookSecret(applicationId: Identifier): Promise<Webhook>;
  /** null: every event. */
  setWebhookEvents(applicationId: Identifier, events: WebhookEvent[] | null): Promise<Webhook>;
  topics(applicationId: Identifier): Promise<ApplicationTopics>;
  proposeTopics(applicationId: Identifier, topics: Topics): Promise<TopicProposal>;
  requestRenewal(grantId: Identifier, renewal: RenewalInput): Promise<ResearchGrant>;
  /** A key under a research grant, expiring no later than the grant; the secret only here. */
  createResearchKey(grantId: Identifier, key: ResearchKeyInput): Promise<ApiKey>;
}

const segment = (id: Identifier) => encodeURIComponent(String(id));

// Records cross as the server wrote them (contracts); react-admin's methods are generic over the record type.
async function request<T = any>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: options.method ?? 'GET',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return json as T;
}

/** The portal answers whole lists (an organization has a handful of applications and keys): sorted and paged here. */
function page<T extends RaRecord>(
  rows: T[],
  { sort, pagination }: Pick<GetListParams, 'sort' | 'pagination'>,
) {
  const sorted = sort?.field
    ? [...rows].sort((a, b) => {
        const [x, y] = [a[sort.field], b[sort.field]];
        const order = x === y ? 0 : x == null ? -1 : y == null ? 1 : x < y ? -1 : 1;
        return sort.order === 'DESC' ? -order : order;
      })
    : rows;
  const { page: number, perPage } = pagination ?? { page: 1, perPage: rows.length };
  return { data: sorted.slice((number - 1) * perPage, number * perPage), total: rows.length };
}

/**
 * What a resource and a reference read from: applications and research grants are top-level, keys and labels
 * belong to an application, research keys to a grant.
 */
function listPath(resource: string, parentId?: Identifier): string {
  switch (resource) {
    case 'applications':
      return '/applications';
    case 'keys':
      return `/applications/${segment(parentId!)}/keys`;
    case 'labels':
      return `/applications/${segment(parentId!)}/labels`;
    case 'research-grants':
      return '/research/grants';
    case 'research-keys':
      return `/research/grants/${segment(parentId!)}/keys`;
    default:
      throw new Error(`The portal has no ${resource}`);
  }
}

/** Where a new record is sent: a research grant starts as an application for academic access. */
const createPath = (resource: string) =>
  resource === 'research-grants' ? '/research/applications' : listPath(resource);

const unsupported = (what: string) => () => Promise.reject(new Error(`The portal cannot ${what}`));

export const dataProvider: PortalDataProvider = {
  getList: async (resource, params) =>
    page(await request(listPath(resource, params.filter?.applicationId)), params),
  getManyReference: async (resource, params) => page(await request(listPath(resource, params.id)), params),
  getOne: async (resource, params) => ({
    data: await request(`${listPath(resource)}/${segment(params.id)}`),
  }),
  getMany: async (resource, params) => ({
    data: await Promise.all(params.ids.map((id) => request(`${listPath(resource)}/${segment(id)}`))),
  }),
  create: async (resource, params) => ({
    // An application's answer carries its sandbox key (NewApplication), once.
    data: await request(createPath(resource), { method: 'POST', body: params.data }),
  }),
  // The server takes the name and the answers; everything else on the record is its own.
  update: async (resource, params) => {
    const { name, questionnaire } = params.data as Partial<ApplicationInput>;
    return {
      data: await request(`${listPath(resource)}/${segment(params.id)}`, {
        method: 'PUT',
        body: { name, questionnaire },
      }),
    };
  },
  updateMany: unsupported('update several records at once'),
  delete: unsupported('delete an application: it stays on record'),
  deleteMany: unsupported('delete applications'),
  submitApplication: (id) => request(`/applications/${segment(id)}/submit`, { method: 'POST', body: {} }),
  createKey: (applicationId, name) =>
    request(`/applications/${segment(applicationId)}/keys`, { method: 'POST', body: { name } }),
  revokeKey: (applicationId, keyId) =>
    request(`/applications/${segment(applicationId)}/keys/${segment(keyId)}/revoke`, {
      method: 'POST',
      body: {},
    }),
  webhook: (applicationId) => request(`/applications/${segment(applicationId)}/webhook`),
  setWebhook: (applicationId, url) =>
    request(`/applications/${segment(applicationId)}/webhook`, { method: 'PUT', body: { url } }),
  setWebhookEvents: (applicationId, events) =>
    request(`/applications/${segment(applicationId)}/webhook/events`, { method: 'PUT', body: { events } }),
  rotateWebhookSecret: (applicationId) =>
    request(`/applications/${segment(applicationId)}/webhook/rotate-secret`, { method: 'POST', body: {} }),
  topics: (applicationId) => request(`/applications/${segment(applicationId)}/topics`),
  proposeTopics: (applicationId, topics) =>
    request(`/applications/${segment(applicationId)}/topic-proposals`, { method: 'POST', body: topics }),
  requestRenewal: (grantId, renewal) =>
    request(`/research/grants/${segment(grantId)}/renewal`, { method: 'POST', body: renewal }),
  createResearchKey: (grantId, key) =>
    request(`/research/grants/${segment(grantId)}/keys`, { method: 'POST', body: key }),
};
