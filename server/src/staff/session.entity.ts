import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who a session belongs to: staff tokens never open the developer portal, nor the other way round. */
export enum SessionAudience {
  Staff = 'staff',
  Developer = 'developer',
}

/**
 * One access + refresh token pair. A refresh rotates the pair into a new row of the same family; presenting a
 * refresh token that was already rotated revokes the whole family, since only a stolen copy can do that.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  audience!: SessionAudience;

  @Column({ name: 'principal_id', type: 'uuid' })
  principalId!: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Column({ name: 'access_hash', type: 'bytea', unique: true })
  accessHash!: Buffer;

  @Column({ name: 'refresh_hash', type: 'bytea', unique: true })
  refreshHash!: Buffer;

  @Column({ name: 'access_expires_at', type: 'timestamptz' })
  accessExpiresAt!: Date;

  @Column({ name: 'refresh_expires_at', type: 'timestamptz' })
  refreshExpiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
