import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { Topics, TopicProposalStatus } from '../contracts';
import {
  TOPIC_PROPOSAL_LIST,
  TopicProposalFilterField,
  TopicProposalRow,
  TopicProposalSortField,
} from './topicality.dto';

const CURRENT_TOPICS = `COALESCE(m.topics, CASE WHEN a.questionnaire ? 'examplePrompts' OR a.questionnaire ? 'allowedTopics'
  THEN jsonb_build_object(
    'examplePrompts', COALESCE(a.questionnaire->'examplePrompts', '[]'::jsonb),
    'allowedTopics', COALESCE(a.questionnaire->'allowedTopics', '[]'::jsonb),
    'forbiddenTopics', COALESCE(a.questionnaire->'forbiddenTopics', '[]'::jsonb)) END)`;

const SOURCE: ListSource<TopicProposalSortField, TopicProposalFilterField> = {
  contract: TOPIC_PROPOSAL_LIST,
  columns: `p.id, p.application_id AS "applicationId", a.name AS "applicationName",
    a.organization_id AS "organizationId", p.topics, ${CURRENT_TOPICS} AS "currentTopics", p.status,
    p.proposed_by_email AS "proposedByEmail", p.reviewer_email AS "reviewerEmail", p.note,
    p.decided_at AS "decidedAt", p.created_at AS "createdAt"`,
  from: `FROM topic_proposals p JOIN applications a ON a.id = p.application_id
    LEFT JOIN topic_models m ON m.application_id = p.application_id`,
  sortColumns: {
    createdAt: 'p.created_at',
    decidedAt: 'p.decided_at',
    status: 'p.status',
    applicationName: 'lower(a.name)',
  },
  tiebreaker: 'p.id',
  filterSql: {
    id: { column: 'p.id' },
    applicationId: { column: 'p.application_id' },
    status: { column: 'p.status' },
    q: { search: ['a.name'] },
  },
};

/** Sandbox calls of one application, newest first, as the preview reads them. */
export interface SandboxCall {
  requestId: string;
  createdAt: Date;
  endpoint: string;
  prompt: unknown;
}

/** topic_proposals, the questionnaire topics they replace, and the sandbox calls a preview judges. */
@Injectable()
export class TopicProposalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(
    query: ListQuery<TopicProposalSortField, TopicProposalFilterField>,
  ): Promise<ListPage<TopicProposalRow>> {
    return runList<TopicProposalRow, TopicProposalSortField, TopicProposalFilterField>(
      this.dataSource,
      SOURCE,
      query,
    );
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<TopicProposalRow | null> {
    const rows = (await manager.query(
      `SELECT ${SOURCE.columns} ${SOURCE.from} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [id],
    )) as TopicProposalRow[];
    return rows[0] ?? null;
  }

  async forApplication(applicationId: string): Promise<TopicProposalRow[]> {
    return (await this.dataSource.query(
      `SELECT ${SOURCE.columns} ${SOURCE.from} WHERE p.application_id = $1 ORDER BY p.created_at DESC, p.id LIMIT 20`,
      [applicationId],
    )) as TopicProposalRow[];
  }

  /** Inserts a pending proposal; null when the application already has one (the partial unique index). */
  async insertPending(
    manager: EntityManager,
    applicationId: string,
    topics: Topics,
    proposer: { id: string; email: string },
  ): Promise<string | null> {
    const rows = (await manager.query(
      `INSERT INTO topic_proposals (application_id, topics, proposed_by, proposed_by_email)
       VALUES ($1, $2, $3, $4) ON CONFLICT (application_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
      [applicationId, JSON.stringify(topics), proposer.id, proposer.email],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  async decide(
    manager: EntityManager,
    id: string,
    status: TopicProposalStatus,
    reviewer: { id: string; email: string },
    note: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE topic_proposals SET status = $2, reviewer_id = $3, reviewer_email = $4, note = $5, decided_at = now()
       WHERE id = $1`,
      [id, status, reviewer.id, reviewer.email, note],
    );
  }

  /** The questionnaire keeps the topics the application is held to, so reviewers and developers read one answer. */
  async writeQuestionnaireTopics(
    manager: EntityManager,
    applicationId: string,
    topics: Topics,
  ): Promise<void> {
    await manager.query(
      `UPDATE applications SET questionnaire = COALESCE(questionnaire, '{}'::jsonb) || $2::jsonb, updated_at = now()
       WHERE id = $1`,
      [applicationId, JSON.stringify(topics)],
    );
  }

  /** The application's latest calls made with sandbox keys: what it did before (and while) being reviewed. */
  async sandboxCalls(applicationId: string, limit: number): Promise<SandboxCall[]> {
    return (await this.dataSource.query(
      `SELECT r.request_id AS "requestId", r.created_at AS "createdAt", r.endpoint, r.prompt
         FROM request_logs r JOIN api_keys k ON k.id = r.api_key_id
        WHERE r.application_id = $1 AND k.kind = 'sandbox' AND r.prompt IS NOT NULL
          AND r.endpoint IN ('/v1/completions', '/v1/chat/completions', '/v1/moderations')
        ORDER BY r.created_at DESC LIMIT $2`,
      [applicationId, limit],
    )) as SandboxCall[];
  }
}
