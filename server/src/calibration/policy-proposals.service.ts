import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationPoliciesService } from '../applications/application-policies.service';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { ListPage, ListQuery } from '../common/list-query';
import { ProposalStatus } from '../contracts';
import { InvalidPolicyError, PoliciesService, validatePatch } from '../policies/policies.service';
import { PolicyPatch } from '../policies/policy.schema';
import { CreateProposal, StartReplay } from './calibration.dto';
import { CalibrationError } from './calibration.errors';
import { CalibrationRepository } from './calibration.repository';
import { CalibrationRecord, PolicyProposalRecord, PolicyReplayRecord } from './calibration.types';
import { PolicyProposalsRepository } from './policy-proposals.repository';
import { PolicyReplayQueue } from './policy-replay.queue';

/** The check whose threshold a proposal takes when several checks were calibrated on one category. */
const PREFERRED_CHECK = 'classifier';

export interface ProposalWithReplay {
  proposal: PolicyProposalRecord;
  latestReplay: PolicyReplayRecord | null;
}

/**
 * Policy proposals: a policy patch for one application, written by hand or from a calibration, validated like any
 * policy edit, shadow-replayed over logged traffic in the worker, and applied only from a completed replay made
 * against the policy as it still is.
 */
@Injectable()
export class PolicyProposalsService {
  constructor(
    private readonly repository: PolicyProposalsRepository,
    private readonly calibrations: CalibrationRepository,
    private readonly policies: PoliciesService,
    private readonly applicationPolicies: ApplicationPoliciesService,
    private readonly queue: PolicyReplayQueue,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(actor: Actor, staffId: string, input: CreateProposal): Promise<ProposalWithReplay> {
    const calibration = input.calibrationId ? await this.calibration(input.calibrationId) : null;
    const applicationId = input.applicationId ?? calibration?.applicationId;
    if (!applicationId) throw CalibrationError.applicationRequired();
    const application = await this.repository.application(applicationId);
    if (!application) throw CalibrationError.applicationNotFound(applicationId);
    const patch = validated(input.patch ?? thresholdsOf(calibration!));
    const proposal = await this.repository.insert({
      applicationId,
      calibrationId: calibration?.id ?? null,
      patch,
      note: input.note ?? null,
      createdBy: staffId,
    });
    await this.audit.recordAlone({
      actor,
      action: AuditAction.PolicyProposalCreated,
      entityType: AuditEntityType.PolicyProposal,
      entityId: proposal.id,
      after: { applicationId, calibrationId: proposal.calibrationId, patch },
    });
    return { proposal, latestReplay: null };
  }

  async get(id: string): Promise<ProposalWithReplay> {
    const proposal = await this.proposal(id);
    const [latestReplay] = await this.repository.replaysOf(id);
    return { proposal, latestReplay: latestReplay ?? null };
  }

  async list(query: ListQuery): Promise<ListPage<ProposalWithReplay>> {
    const page = await this.repository.list(query);
    const latest = await this.repository.latestReplays(page.rows.map((row) => row.id));
    return {
      total: page.total,
      rows: page.rows.map((proposal) => ({ proposal, latestReplay: latest.get(proposal.id) ?? null })),
    };
  }

  async replays(id: string): Promise<PolicyReplayRecord[]> {
    await this.proposal(id);
    return this.repository.replaysOf(id);
  }

  async replay(proposalId: string, replayId: string): Promise<PolicyReplayRecord> {
    const replay = await this.repository.findReplay(replayId);
    if (!replay || replay.proposalId !== proposalId) throw CalibrationError.replayNotFound(replayId);
    return replay;
  }

  /** Records the replay with the policy version it compares against, then hands it to the worker. */
  async startReplay(
    actor: Actor,
    staffId: string,
    id: string,
    window: StartReplay,
  ): Promise<PolicyReplayRecord> {
    const proposal = await this.proposal(id);
    const replay = await this.repository.insertReplay({
      proposalId: proposal.id,
      from: new Date(window.from),
      to: new Date(window.to),
      policyVersion: await this.policies.version(proposal.applicationId),
      createdBy: staffId,
    });
    await this.audit.recordAlone({
      actor,
      action: AuditAction.PolicyProposalReplayStarted,
      entityType: AuditEntityType.PolicyProposal,
      entityId: proposal.id,
      after: { replayId: replay.id, from: window.from, to: window.to, policyVersion: replay.policyVersion },
    });
    try {
      await this.queue.enqueue(replay.id);
    } catch {
      await this.repository.replayAttemptFailed(replay.id, 'the job queue was unavailable', true);
      throw CalibrationError.queueUnavailable();
    }
    return replay;
  }

  /**
   * Puts the proposal in force through the same path as a staff policy edit (validated, stored, published to every
   * api instance, audited as `policy.updated`, refused to staff of the application's organization as self-review),
   * and records that this proposal did it. 409 without a completed
   * replay, or when the policy has changed since that replay ran.
   */
  async apply(actor: Actor, staffId: string, id: string): Promise<ProposalWithReplay> {
    const proposal = await this.proposal(id);
    if (proposal.status === ProposalStatus.Applied) throw CalibrationError.alreadyApplied(id);
    const replay = await this.repository.latestCompletedReplay(this.dataSource.manager, id);
    if (!replay) throw CalibrationError.noFinishedReplay(id);
    const version = await this.policies.version(proposal.applicationId);
    if (version !== replay.policyVersion)
      throw CalibrationError.policyChanged(id, replay.policyVersion, version);
    const before = await this.policies.storedPatch(proposal.applicationId);
    await this.applicationPolicies.update(actor, proposal.applicationId, proposal.patch);
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockForApply(manager, id);
      await this.repository.markApplied(manager, id, staffId, replay.id);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.PolicyProposalApplied,
        entityType: AuditEntityType.PolicyProposal,
        entityId: id,
        before: { applicationId: proposal.applicationId, patch: before, policyVersion: version },
        after: { applicationId: proposal.applicationId, proposalPatch: proposal.patch, replayId: replay.id },
      });
    });
    return this.get(id);
  }

  private async proposal(id: string): Promise<PolicyProposalRecord> {
    const proposal = await this.repository.find(id);
    if (!proposal) throw CalibrationError.proposalNotFound(id);
    return proposal;
  }

  private async calibration(id: string): Promise<CalibrationRecord> {
    const calibration = await this.calibrations.find(id);
    if (!calibration) throw CalibrationError.calibrationNotFound(id);
    return calibration;
  }
}

function validated(patch: unknown): PolicyPatch {
  try {
    return validatePatch(patch);
  } catch (err) {
    if (err instanceof InvalidPolicyError) throw CalibrationError.invalidPolicy(err.problems);
    throw err;
  }
}

/**
 * The thresholds a calibration chose, as a policy patch: one per category, in both directions (labels judge the
 * call, not one direction). Where several checks were calibrated on a category the classifier's wins, else the
 * first check's.
 */
export function thresholdsOf(calibration: CalibrationRecord): PolicyPatch {
  const categories: NonNullable<PolicyPatch['categories']> = {};
  const chosenBy = new Map<string, string>();
  for (const row of calibration.result) {
    if (!row.chosen) continue;
    const taken = chosenBy.get(row.category);
    if (taken !== undefined && (taken === PREFERRED_CHECK || row.check !== PREFERRED_CHECK)) continue;
    chosenBy.set(row.category, row.check);
    categories[row.category] = {
      input: { threshold: row.chosen.threshold },
      output: { threshold: row.chosen.threshold },
    };
  }
  if (Object.keys(categories).length === 0) throw CalibrationError.noThresholds(calibration.id);
  return { categories };
}
