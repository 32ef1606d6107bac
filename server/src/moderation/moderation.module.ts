import { Module } from '@nestjs/common';
import { ClassifierCheck } from './checks/classifier.check';
import { LexiconCheck } from './checks/lexicon.check';
import { LlmGuardCheck } from './checks/llm-guard.check';
import { PiiCheck } from './checks/pii.check';
import { PromptInjectionCheck } from './checks/prompt-injection.check';
import { TopicalityCheck } from './checks/topicality.check';
import { UpstreamModerationCheck } from './checks/upstream-moderation.check';
import { TopicModelsModule } from '../topicality/topic-models.module';
import { ClassifierService } from './classifier/classifier.service';
import { HeldCompletionsRepository } from './held-completions.repository';
import { ModerationService } from './moderation.service';

/** The checks and what turns their verdicts into actions; the /v1 routes that expose them live in v1/. */
@Module({
  imports: [TopicModelsModule],
  providers: [
    ClassifierService,
    ClassifierCheck,
    LexiconCheck,
    PiiCheck,
    PromptInjectionCheck,
    LlmGuardCheck,
    UpstreamModerationCheck,
    TopicalityCheck,
    ModerationService,
    HeldCompletionsRepository,
  ],
  exports: [ModerationService, HeldCompletionsRepository, ClassifierService],
})
export class ModerationModule {}
