import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Topics } from '../contracts';
import { TopicModel } from './topic-model';

export interface StoredTopicModel {
  applicationId: string;
  topics: Topics;
  model: TopicModel;
  builtAt: Date;
}

/** The topic_models table: one model per application, replaced whole on every rebuild. */
@Injectable()
export class TopicModelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(applicationId: string): Promise<StoredTopicModel | null> {
    const rows = (await this.dataSource.query(
      `SELECT application_id AS "applicationId", topics, model, built_at AS "builtAt"
         FROM topic_models WHERE application_id = $1`,
      [applicationId],
    )) as StoredTopicModel[];
    return rows[0] ?? null;
  }

  async save(
    manager: EntityManager,
    applicationId: string,
    topics: Topics,
    model: TopicModel,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO topic_models (application_id, topics, model, built_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (application_id) DO UPDATE SET topics = EXCLUDED.topics, model = EXCLUDED.model, built_at = now()`,
      [applicationId, JSON.stringify(topics), JSON.stringify(model)],
    );
  }

  async remove(manager: EntityManager, applicationId: string): Promise<void> {
    await manager.query(`DELETE FROM topic_models WHERE application_id = $1`, [applicationId]);
  }
}
