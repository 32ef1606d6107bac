import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PolicyPatch } from './policy.schema';

/** An application's own policy, stored as a patch over the defaults for its status. */
@Entity('policies')
export class PolicyEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'jsonb' })
  rules!: PolicyPatch;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
