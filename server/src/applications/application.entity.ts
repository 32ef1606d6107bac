import { ApplicationKind, ApplicationStatus, KeyEnforcementReason, ReviewState } from '../contracts';

/** The status vocabulary lives in contracts/; named here too so the /v1 path's imports keep working. */
export { ApplicationStatus };
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Questionnaire } from '../contracts';
import type { RiskTier } from './risk-tier';

@Entity('applications')
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Column({ name: 'review_state', type: 'text' })
  reviewState!: ReviewState;

  @Column({ name: 'risk_tier', type: 'text', nullable: true })
  riskTier!: RiskTier | null;

  @Column({ name: 'risk_reasons', type: 'jsonb' })
  riskReasons!: string[];

  @Column({ type: 'jsonb', nullable: true })
  questionnaire!: Questionnaire | null;

  /** A research application keeps its research questionnaire and grant in `research_grants`. */
  @Column({ type: 'text' })
  kind!: ApplicationKind;

  /** Every key of the application must expire by this date (a research grant's end); null: no such bound. */
  @Column({ name: 'keys_expire_by', type: 'timestamptz', nullable: true })
  keysExpireBy!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 're_review_at', type: 'timestamptz', nullable: true })
  reReviewAt!: Date | null;

  /** The developer who created it; null for applications made by operators or first-run. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /** Set when staff suspend or terminate one of its keys: developers cannot mint new keys until staff lift it. */
  @Column({ name: 'enforced_at', type: 'timestamptz', nullable: true })
  enforcedAt!: Date | null;

  @Column({ name: 'enforcement_category', type: 'text', nullable: true })
  enforcementCategory!: KeyEnforcementReason | null;

  @Column({ name: 'enforcement_reason', type: 'text', nullable: true })
  enforcementReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
