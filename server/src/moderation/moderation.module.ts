import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApplicationsModule } from '../applications/applications.module';
import { RequestLogsModule } from '../request-logs/request-logs.module';
import { ClassifierCheck } from './checks/classifier.check';
import { LexiconCheck } from './checks/lexicon.check';
import { LlmGuardCheck } from './checks/llm-guard.check';
import { PiiCheck } from './checks/pii.check';
import { PromptInjectionCheck } from './checks/prompt-injection.check';
import { UpstreamModerationCheck } from './checks/upstream-moderation.check';
import { ClassifierService } from './classifier/classifier.service';
import { HeldCompletionsRepository } from './held-completions.repository';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';
import { ModerationsEndpoint } from './moderations.endpoint';
import { PoliciesModule } from './policies/policies.module';

@Module({
  imports: [ApiKeysModule, ApplicationsModule, PoliciesModule, RequestLogsModule],
  controllers: [ModerationController],
  providers: [
    ClassifierService,
    ClassifierCheck,
    LexiconCheck,
    PiiCheck,
    PromptInjectionCheck,
    LlmGuardCheck,
    UpstreamModerationCheck,
    ModerationService,
    HeldCompletionsRepository,
    ModerationsEndpoint,
  ],
  exports: [ModerationService, HeldCompletionsRepository, PoliciesModule],
})
export class ModerationModule {}
