import { ApiKeyKind, ApiKeyStatus, KeyEnforcementReason } from '../contracts';

/** The key vocabulary lives in contracts/; named here too so the /v1 path's imports keep working. */
export { ApiKeyKind, ApiKeyStatus };
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Public lookup handle embedded in the key (`wk-<prefix>_<secret>`); safe to show and log. */
  @Column({ type: 'text', unique: true })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'bytea' })
  secretHash!: Buffer;

  @Column({ type: 'text' })
  kind!: ApiKeyKind;

  @Column({ type: 'text' })
  status!: ApiKeyStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  /** The category staff chose when they suspended or terminated the key; its 401 names it. */
  @Column({ name: 'status_reason_category', type: 'text', nullable: true })
  statusReasonCategory!: KeyEnforcementReason | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** The key that replaced this one on rotation. */
  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
