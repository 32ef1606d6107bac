import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PolicyEntity } from './policy.entity';
import { PolicyPatch } from './policy.schema';

@Injectable()
export class PoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findForApplication(applicationId: string): Promise<PolicyEntity | null> {
    return this.dataSource.getRepository(PolicyEntity).findOneBy({ applicationId });
  }

  async save(applicationId: string, rules: PolicyPatch): Promise<PolicyEntity> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO policies (application_id, rules) VALUES ($1, $2::jsonb)
       ON CONFLICT (application_id) DO UPDATE SET rules = EXCLUDED.rules, version = policies.version + 1, updated_at = now()
       RETURNING application_id, version`,
      [applicationId, JSON.stringify(rules)],
    )) as Array<{ application_id: string; version: number }>;
    return (await this.findForApplication(row.application_id))!;
  }
}
