import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ResearchProfile, ResearchQuestionnaire, ResearchQuotas } from '../contracts';
import { RenewalState } from '../contracts';

/** A research application's grant; its id is the application's. */
@Entity('research_grants')
export class ResearchGrantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'jsonb' })
  questionnaire!: ResearchQuestionnaire;

  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt!: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'jsonb' })
  quotas!: ResearchQuotas;

  @Column({ type: 'jsonb' })
  profile!: ResearchProfile;

  @Column({ name: 'renewal_state', type: 'text' })
  renewalState!: RenewalState;

  @Column({ name: 'renewal_requested_ends_at', type: 'timestamptz', nullable: true })
  renewalRequestedEndsAt!: Date | null;

  @Column({ name: 'renewal_reason', type: 'text', nullable: true })
  renewalReason!: string | null;

  @Column({ name: 'renewal_requested_at', type: 'timestamptz', nullable: true })
  renewalRequestedAt!: Date | null;

  @Column({ name: 'renewal_decided_at', type: 'timestamptz', nullable: true })
  renewalDecidedAt!: Date | null;

  @Column({ name: 'renewal_decided_by', type: 'uuid', nullable: true })
  renewalDecidedBy!: string | null;

  @Column({ name: 'renewal_rationale', type: 'text', nullable: true })
  renewalRationale!: string | null;

  /** How many renewals staff approved. */
  @Column({ type: 'integer' })
  renewals!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
