import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BiasReport, ProbeResult } from './bias.types';
import { BiasRunStatus, ProbeSetName } from './bias.types';

/** A probe set (or several) applied to a model, optionally through an application's prompt template. */
@Entity('bias_runs')
export class BiasRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  status!: BiasRunStatus;

  @Column({ type: 'text' })
  model!: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'prompt_template', type: 'text', nullable: true })
  promptTemplate!: string | null;

  @Column({ name: 'probe_sets', type: 'text', array: true })
  probeSets!: ProbeSetName[];

  @Column({ type: 'integer' })
  seed!: number;

  @Column({ name: 'sample_limit', type: 'integer', nullable: true })
  sampleLimit!: number | null;

  @Column({ name: 'progress_done', type: 'integer' })
  progressDone!: number;

  @Column({ name: 'progress_total', type: 'integer' })
  progressTotal!: number;

  /** How many times a worker started on it (redeliveries included). */
  @Column({ type: 'integer' })
  attempts!: number;

  /** The staff member who started it; null when started from the operator CLI. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  report!: BiasReport | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}

/** One probe's result, written as the run goes: the checkpoint a redelivered job resumes from. */
@Entity('bias_run_results')
export class BiasRunResultEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @PrimaryColumn({ name: 'probe_id', type: 'text' })
  probeId!: string;

  @Column({ type: 'jsonb' })
  result!: ProbeResult;
}

/** A run a reviewer attached to an application's production review. */
@Entity('application_bias_runs')
export class ApplicationBiasRunEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @PrimaryColumn({ name: 'bias_run_id', type: 'uuid' })
  biasRunId!: string;

  @Column({ name: 'attached_by', type: 'uuid', nullable: true })
  attachedBy!: string | null;

  @CreateDateColumn({ name: 'attached_at', type: 'timestamptz' })
  attachedAt!: Date;
}
