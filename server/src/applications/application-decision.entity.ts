import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ApplicationStatus } from './application.entity';
import { Decision, ReviewState } from '../contracts';

/** One staff decision on an application, kept as its review history. */
@Entity('application_decisions')
export class ApplicationDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  decision!: Decision;

  /** Kept with the e-mail address so the history still names the reviewer after their account is deleted. */
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId!: string | null;

  @Column({ name: 'reviewer_email', type: 'text' })
  reviewerEmail!: string;

  @Column({ type: 'jsonb' })
  checklist!: Record<string, boolean>;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ name: 're_review_at', type: 'timestamptz', nullable: true })
  reReviewAt!: Date | null;

  @Column({ name: 'from_review_state', type: 'text' })
  fromReviewState!: ReviewState;

  @Column({ name: 'to_review_state', type: 'text' })
  toReviewState!: ReviewState;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus!: ApplicationStatus;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: ApplicationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
