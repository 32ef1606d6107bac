import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApplicationsModule } from '../applications/applications.module';
import { EndUsersModule } from '../end-users/end-users.module';
import { InferenceModule } from '../inference/inference.module';
import { RateLimiter } from '../limits/rate-limiter';
import { ModerationModule } from '../moderation/moderation.module';
import { PoliciesModule } from '../policies/policies.module';
import { RequestLogsModule } from '../request-logs/request-logs.module';
import { ResearchGrantsModule } from '../research-grants/research-grants.module';
import { CallerResolver } from './caller';
import { CompletionGeneration } from './completion-generation';
import { ChatCompletionsController } from './chat-completions.controller';
import { CompletionsController } from './completions.controller';
import { CompletionServing } from './completion-serving';
import { CompletionsPipeline } from './completions.pipeline';
import { ModelsController } from './models.controller';
import { ModerationsController } from './moderations.controller';
import { ModerationsService } from './moderations.service';
import { V1Drain } from './v1-drain';
import { V1Recorder } from './v1-recorder';

/** The public OpenAI-compatible surface: completions, models, moderations and held completions. */
@Module({
  imports: [
    ApiKeysModule,
    ApplicationsModule,
    EndUsersModule,
    InferenceModule,
    ModerationModule,
    PoliciesModule,
    RequestLogsModule,
    ResearchGrantsModule,
  ],
  controllers: [CompletionsController, ChatCompletionsController, ModelsController, ModerationsController],
  providers: [
    CallerResolver,
    CompletionServing,
    CompletionsPipeline,
    CompletionGeneration,
    ModerationsService,
    RateLimiter,
    V1Drain,
    V1Recorder,
  ],
  // Other domains' /v1 routes (files, fine-tuning) share the caller and record stages; the api drains V1Drain.
  exports: [CallerResolver, V1Drain, V1Recorder],
})
export class V1Module {}
