import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RedisEvents } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { Topics } from '../contracts';
import { buildTopicModel, TopicModel } from './topic-model';
import { StoredTopicModel, TopicModelsRepository } from './topic-models.repository';

const INVALIDATION_EVENT = 'topic-models:invalidated';

/** Topics as the questionnaire may hold them: each list optional (applications filed before topics existed). */
export interface QuestionnaireTopics {
  examplePrompts?: string[];
  allowedTopics?: string[];
  forbiddenTopics?: string[];
}

/** The complete topics of a questionnaire, or null when it names nothing the application is for. */
export function topicsOf(questionnaire: QuestionnaireTopics | null): Topics | null {
  const topics = {
    examplePrompts: questionnaire?.examplePrompts ?? [],
    allowedTopics: questionnaire?.allowedTopics ?? [],
    forbiddenTopics: questionnaire?.forbiddenTopics ?? [],
  };
  return topics.examplePrompts.length + topics.allowedTopics.length > 0 ? topics : null;
}

/**
 * Builds, stores and serves applications' topic models. Building takes milliseconds (bench/topicality.ts), so it
 * runs synchronously inside the transaction that approves the application or its topic change: the approval and
 * its model commit together. Models are cached per instance; a rebuild is published on Redis so every instance
 * drops its copy at once, with the key-cache TTL as the fallback.
 */
@Injectable()
export class TopicModelsService implements OnModuleInit {
  private readonly cache = new Map<string, { model: TopicModel | null; expiresAt: number }>();

  constructor(
    private readonly repository: TopicModelsRepository,
    private readonly events: RedisEvents,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(INVALIDATION_EVENT, (applicationId) => this.cache.delete(applicationId));
  }

  /** The model the topicality check holds an application's prompts to; null when it has none. */
  async modelFor(applicationId: string): Promise<TopicModel | null> {
    const cached = this.cache.get(applicationId);
    if (cached && cached.expiresAt > Date.now()) return cached.model;
    const model = (await this.repository.find(applicationId))?.model ?? null;
    this.cache.set(applicationId, { model, expiresAt: Date.now() + this.config.keyCacheTtlMs });
    return model;
  }

  stored(applicationId: string): Promise<StoredTopicModel | null> {
    return this.repository.find(applicationId);
  }

  /**
   * Replaces the application's model inside the caller's transaction (no topics: no model, so no verdict). Call
   * `published` once that transaction has committed.
   */
  async rebuild(manager: EntityManager, applicationId: string, topics: Topics | null): Promise<void> {
    if (topics) await this.repository.save(manager, applicationId, topics, buildTopicModel(topics));
    else await this.repository.remove(manager, applicationId);
  }

  async published(applicationId: string): Promise<void> {
    this.cache.delete(applicationId);
    await this.events.publish(INVALIDATION_EVENT, applicationId);
  }
}
