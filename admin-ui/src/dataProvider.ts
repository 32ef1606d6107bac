import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, UpdateParams } from 'react-admin';
import type { KeyEnforcementReason } from '@warden/contracts';
import { API_URL, httpClient } from './session';
import { diffPolicy } from './policies/policyPatch';
import type {
  Alert,
  AnomalyRule,
  ApiKey,
  BiasComparison,
  BiasRunAttachment,
  BulkDecisionResult,
  ChainStatus,
  Checklist,
  DecisionKind,
  DecisionResult,
  EndUser,
  HeldCompletion,
  HeldDecision,
  KeyAction,
  MonitoringSummary,
  MonitoringWindow,
  Policy,
  StaffMember,
} from './types';

export interface DecisionInput {
  decision: DecisionKind;
  rationale: string;
  /** Only the decisions that assess the application (approve, request changes, reject) carry it. */
  checklist?: Checklist;
  reReviewAt?: string;
}

export interface BulkDecisionInput {
  ids: Identifier[];
  decision: DecisionKind;
  rationale: string;
}

/** The staff API's operations beyond CRUD. */
export interface WardenDataProvider extends DataProvider {
  decide(applicationId: Identifier, input: DecisionInput): Promise<DecisionResult>;
  bulkDecide(input: BulkDecisionInput): Promise<BulkDecisionResult>;
  /** `reason` is optional except for suspend, revoke and terminate; an empty one is not sent. */
  keyAction(
    keyId: Identifier,
    action: KeyAction,
    reason: string,
    category?: KeyEnforcementReason,
  ): Promise<ApiKey>;
  verifyAuditLog(): Promise<ChainStatus>;
  acknowledgeAlert(alertId: Identifier): Promise<Alert>;
  /** `resolution` is optional; an empty one is not sent. */
  resolveAlert(alertId: Identifier, resolution: string): Promise<Alert>;
  unblockEndUser(endUserId: Identifier, reason: string): Promise<EndUser>;
  decideHeld(heldId: Identifier, decision: HeldDecision, reason: string): Promise<HeldCompletion>;
  monitoringSummary(window: MonitoringWindow): Promise<MonitoringSummary>;
  compareBiasRuns(runId: Identifier, otherId: Identifier): Promise<BiasComparison>;
  attachBiasRun(applicationId: Identifier, runId: Identifier): Promise<BiasRunAttachment>;
  /** Staff reviewed the application after acting on its keys: its developers may mint keys again. */
  liftEnforcement(applicationId: Identifier, reason: string): Promise<void>;
}

const base = simpleRestProvider(API_URL, httpClient);

async function post<T>(path: string, body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
}

async function get<T>(path: string): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`);
  return json as T;
}

async function put<T>(path: string, body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'PUT', body: JSON.stringify(body) });
  return json as T;
}

const segment = (id: Identifier) => encodeURIComponent(String(id));

/**
 * Updates send what each endpoint accepts rather than the whole record: a staff edit is `{role, password?}`
 * and a policy edit only what changed on screen, which the server merges into the application's stored patch,
 * so the status defaults keep applying to every rule nobody touched.
 */
function updateBody(resource: string, params: UpdateParams): unknown {
  switch (resource) {
    case 'staff': {
      const { role, password } = params.data as Partial<StaffMember> & { password?: string };
      return password ? { role, password } : { role };
    }
    case 'policies': {
      const edited = params.data as Partial<Policy>;
      const previous = params.previousData as Policy;
      return edited.rules ? diffPolicy(previous.rules, edited.rules) : {};
    }
    case 'anomaly-rules': {
      // The rule's id, description and change stamp are the server's; the contract schema is strict.
      const { enabled, windowSeconds, params: thresholds, action, severity } = params.data as AnomalyRule;
      return { enabled, windowSeconds, params: thresholds, action, severity };
    }
    default:
      return params.data;
  }
}

export const dataProvider: WardenDataProvider = {
  ...base,
  update: async (resource, params) => {
    const data = await put<typeof params.previousData>(
      `/${resource}/${segment(params.id)}`,
      updateBody(resource, params),
    );
    return { data };
  },
  decide: (applicationId, input) => post(`/applications/${segment(applicationId)}/decisions`, input),
  bulkDecide: (input) => post('/applications/bulk-decisions', input),
  keyAction: (keyId, action, reason, category) =>
    post(`/api-keys/${segment(keyId)}/${action}`, {
      ...(reason ? { reason } : {}),
      ...(category ? { category } : {}),
    }),
  verifyAuditLog: () => get('/audit-log/verify'),
  liftEnforcement: async (applicationId, reason) => {
    await httpClient(`${API_URL}/applications/${segment(applicationId)}/lift-enforcement`, {
      method: 'POST',
      body: JSON.stringify({ reason }),
    });
  },
  acknowledgeAlert: (alertId) => post(`/alerts/${segment(alertId)}/acknowledge`, {}),
  resolveAlert: (alertId, resolution) =>
    post(`/alerts/${segment(alertId)}/resolve`, resolution ? { resolution } : {}),
  unblockEndUser: (endUserId, reason) => post(`/end-users/${segment(endUserId)}/unblock`, { reason }),
  decideHeld: (heldId, decision, reason) =>
    post(`/held-completions/${segment(heldId)}/decisions`, { decision, reason }),
  monitoringSummary: (window) => get(`/monitoring/summary?window=${window}`),
  compareBiasRuns: (runId, otherId) => get(`/bias-runs/${segment(runId)}/compare/${segment(otherId)}`),
  attachBiasRun: (applicationId, runId) =>
    post(`/applications/${segment(applicationId)}/bias-runs/${segment(runId)}`, {}),
};
