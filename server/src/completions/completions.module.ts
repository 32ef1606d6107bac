import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApplicationsModule } from '../applications/applications.module';
import { EndUsersModule } from '../end-users/end-users.module';
import { InferenceModule } from '../inference/inference.module';
import { ModerationModule } from '../moderation/moderation.module';
import { RequestLogsModule } from '../request-logs/request-logs.module';
import { RateLimiter } from '../limits/rate-limiter';
import { CompletionsController } from './completions.controller';
import { CompletionsPipeline } from './completions.pipeline';

@Module({
  imports: [
    ApiKeysModule,
    ApplicationsModule,
    EndUsersModule,
    InferenceModule,
    ModerationModule,
    RequestLogsModule,
  ],
  controllers: [CompletionsController],
  providers: [CompletionsPipeline, RateLimiter],
})
export class CompletionsModule {}
