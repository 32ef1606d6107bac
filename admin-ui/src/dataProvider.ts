import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, UpdateParams } from 'react-admin';
import type { KeyEnforcementReason } from '@warden/contracts';
import { API_URL, httpClient } from './session';
import type { ResearchGrant } from './research-grants/types';
import { diffPolicy } from './policies/policyPatch';
import type { ItemJudgment, LabelQueue, QueueItem } from './label-queues/types';
import type {
  Alert,
  AnomalyRule,
  ApiKey,
  BiasComparison,
  BiasRunAttachment,
  BulkDecisionResult,
  ChainStatus,
  Checklist,
  ClassifierThresholds,
  DecisionKind,
  DecisionResult,
  EndUser,
  HeldCompletion,
  HeldDecision,
  KeyAction,
  MonitoringSummary,
  MonitoringWindow,
  Policy,
  PolicyProposal,
  PolicyReplay,
  StaffMember,
  TopicalityPreview,
  TopicProposal,
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
  /** A block that stands until staff lift it, however the strike points fade. */
  blockEndUser(endUserId: Identifier, reason: string): Promise<EndUser>;
  decideHeld(heldId: Identifier, decision: HeldDecision, reason: string): Promise<HeldCompletion>;
  monitoringSummary(window: MonitoringWindow): Promise<MonitoringSummary>;
  /** The classifier's calibrated thresholds and the default live/sandbox values (read-only). */
  classifierThresholds(): Promise<ClassifierThresholds>;
  compareBiasRuns(runId: Identifier, otherId: Identifier): Promise<BiasComparison>;
  attachBiasRun(applicationId: Identifier, runId: Identifier): Promise<BiasRunAttachment>;
  /** Staff reviewed the application after acting on its keys: its developers may mint keys again. */
  liftEnforcement(applicationId: Identifier, reason: string): Promise<void>;
  /** The labeler's next item of a queue, or null when none is left for them. */
  nextLabelItem(queueId: Identifier): Promise<QueueItem | null>;
  labelItem(queueId: Identifier, requestId: string, judgment: ItemJudgment): Promise<void>;
  closeLabelQueue(queueId: Identifier): Promise<LabelQueue>;
  /** The queue's labeled items as a JSONL file. */
  exportLabelQueue(queueId: Identifier, format: 'moderation' | 'fine-tuning'): Promise<Blob>;
  topicalityPreview(applicationId: Identifier, proposalId?: Identifier): Promise<TopicalityPreview>;
  decideTopicProposal(id: Identifier, decision: 'approve' | 'reject', note: string): Promise<TopicProposal>;
  /** Shadow-replays a policy proposal over the logged calls of a window (runs in the worker). */
  startReplay(proposalId: Identifier, window: { from: string; to: string }): Promise<PolicyReplay>;
  applyProposal(proposalId: Identifier): Promise<PolicyProposal>;
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
    case 'research-grants': {
      // Dates are sent only when changed: an approved grant's end moves only through a renewal.
      const { startsAt, endsAt, quotas, profile } = params.data as Partial<ResearchGrant>;
      const previous = params.previousData as ResearchGrant;
      return {
        quotas,
        profile,
        ...(startsAt && startsAt !== previous.startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}),
        ...(endsAt && endsAt !== previous.endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
      };
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
  blockEndUser: (endUserId, reason) => post(`/end-users/${segment(endUserId)}/block`, { reason }),
  decideHeld: (heldId, decision, reason) =>
    post(`/held-completions/${segment(heldId)}/decisions`, { decision, reason }),
  monitoringSummary: (window) => get(`/monitoring/summary?window=${window}`),
  classifierThresholds: () => get('/policies/classifier-thresholds'),
  compareBiasRuns: (runId, otherId) => get(`/bias-runs/${segment(runId)}/compare/${segment(otherId)}`),
  startReplay: (proposalId, window) => post(`/policy-proposals/${segment(proposalId)}/replays`, window),
  applyProposal: (proposalId) => post(`/policy-proposals/${segment(proposalId)}/apply`, {}),
  attachBiasRun: (applicationId, runId) =>
    post(`/applications/${segment(applicationId)}/bias-runs/${segment(runId)}`, {}),
  nextLabelItem: async (queueId) => {
    const { status, json } = await httpClient(`${API_URL}/label-queues/${segment(queueId)}/next`);
    return status === 204 ? null : (json as QueueItem);
  },
  labelItem: async (queueId, requestId, judgment) => {
    await post(`/label-queues/${segment(queueId)}/items/${segment(requestId)}/labels`, judgment);
  },
  closeLabelQueue: (queueId) => post(`/label-queues/${segment(queueId)}/close`, {}),
  exportLabelQueue: async (queueId, format) => {
    const { body } = await httpClient(`${API_URL}/label-queues/${segment(queueId)}/export?format=${format}`);
    return new Blob([body], { type: 'application/x-ndjson' });
  },
  topicalityPreview: (applicationId, proposalId) =>
    get(
      `/applications/${segment(applicationId)}/topicality-preview` +
        (proposalId ? `?proposalId=${segment(proposalId)}` : ''),
    ),
  decideTopicProposal: (id, decision, note) =>
    post(`/topic-proposals/${segment(id)}/${decision}`, note ? { note } : {}),
};
