import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import { API_URL, httpClient } from './session';
import type { ApiKey, Application, Questionnaire } from './types';

export interface ApplicationInput {
  name: string;
  questionnaire: Questionnaire;
}

/** The portal API's operations beyond CRUD. */
export interface PortalDataProvider extends DataProvider {
  submitApplication(id: Identifier): Promise<Application>;
  /** A sandbox key while the application is in sandbox, a production key once it is live; the secret only here. */
  createKey(applicationId: Identifier, name: string): Promise<ApiKey>;
  revokeKey(applicationId: Identifier, keyId: Identifier): Promise<ApiKey>;
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

/** What a resource and a reference read from: applications are top-level, keys and labels belong to one. */
function listPath(resource: string, applicationId?: Identifier): string {
  switch (resource) {
    case 'applications':
      return '/applications';
    case 'keys':
      return `/applications/${segment(applicationId!)}/keys`;
    case 'labels':
      return `/applications/${segment(applicationId!)}/labels`;
    default:
      throw new Error(`The portal has no ${resource}`);
  }
}

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
    data: await request(listPath(resource), { method: 'POST', body: params.data }),
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
};
