import { Logger } from 'pino';
import { WardenConfig } from '../config/config';
import { ClassifierCheck } from './checks/classifier.check';
import { LexiconCheck } from './checks/lexicon.check';
import { LlmGuardCheck } from './checks/llm-guard.check';
import { PiiCheck } from './checks/pii.check';
import { PromptInjectionCheck } from './checks/prompt-injection.check';
import { TopicalityCheck } from './checks/topicality.check';
import { UpstreamModerationCheck } from './checks/upstream-moderation.check';
import { ClassifierService } from './classifier/classifier.service';
import { ModerationService } from './moderation.service';

/**
 * Every check the server runs, on this classifier, built outside Nest (benches, specs); guards only where the
 * configuration names them.
 */
export function standaloneModerationService(
  config: WardenConfig,
  classifier: ClassifierService,
  logger: Logger,
): ModerationService {
  return new ModerationService(
    new ClassifierCheck(classifier),
    new LexiconCheck(),
    new PiiCheck(),
    new PromptInjectionCheck(),
    new LlmGuardCheck(config),
    new UpstreamModerationCheck(config),
    // No application is named here, so topicality gives no verdict (as for applications without a topic model).
    new TopicalityCheck({ modelFor: () => Promise.resolve(null) }),
    classifier,
    logger,
  );
}
