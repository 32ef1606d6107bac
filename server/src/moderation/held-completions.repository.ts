import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface HeldCompletionRow {
  id: string;
  request_id: string;
  application_id: string;
  status: 'pending' | 'released' | 'discarded';
  /** The prompt as held: a chat's is `{messages}`. */
  prompt: unknown;
  response: unknown;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

@Injectable()
export class HeldCompletionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Written synchronously: a held output exists only here until staff decide on it. */
  async hold(values: {
    requestId: string;
    applicationId: string;
    apiKeyId: string;
    endUser: string | null;
    model: string;
    prompt: unknown;
    response: unknown;
    verdicts: unknown;
  }): Promise<string> {
    const id = `held_${randomBytes(12).toString('hex')}`;
    await this.dataSource.query(
      `INSERT INTO held_completions (id, request_id, application_id, api_key_id, end_user, model, prompt, response, verdicts)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)`,
      [
        id,
        values.requestId,
        values.applicationId,
        values.apiKeyId,
        values.endUser,
        values.model,
        JSON.stringify(values.prompt),
        JSON.stringify(values.response),
        JSON.stringify(values.verdicts),
      ],
    );
    return id;
  }

  async findForApplication(applicationId: string, id: string): Promise<HeldCompletionRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT id, request_id, application_id, status, prompt, response, decision_reason, decided_at, created_at
       FROM held_completions WHERE id = $1 AND application_id = $2`,
      [id, applicationId],
    )) as HeldCompletionRow[];
    return rows[0] ?? null;
  }
}
