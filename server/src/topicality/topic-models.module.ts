import { Module } from '@nestjs/common';
import { TopicModelsRepository } from './topic-models.repository';
import { TopicModelsService } from './topic-models.service';

/** Applications' topic models: what the topicality check reads and what approvals write. */
@Module({
  providers: [TopicModelsRepository, TopicModelsService],
  exports: [TopicModelsService],
})
export class TopicModelsModule {}
