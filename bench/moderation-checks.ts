/**
 * What the moderation benches share: the server's check set built outside Nest, and the bare model read once on the
 * calling thread (the baseline the benches measure the served path against).
 */
import * as ort from 'onnxruntime-node';
import { Logger } from 'pino';
import { WardenConfig } from '../server/src/config/config';
import { ClassifierCheck } from '../server/src/moderation/checks/classifier.check';
import { LexiconCheck } from '../server/src/moderation/checks/lexicon.check';
import { LlmGuardCheck } from '../server/src/moderation/checks/llm-guard.check';
import { PiiCheck } from '../server/src/moderation/checks/pii.check';
import { PromptInjectionCheck } from '../server/src/moderation/checks/prompt-injection.check';
import { TopicalityCheck } from '../server/src/moderation/checks/topicality.check';
import { UpstreamModerationCheck } from '../server/src/moderation/checks/upstream-moderation.check';
import { ClassifierManifest } from '../server/src/moderation/classifier/classifier.manifest';
import { loadClassifierModel } from '../server/src/moderation/classifier/classifier-scorer';
import { ClassifierService } from '../server/src/moderation/classifier/classifier.service';
import { ModerationService } from '../server/src/moderation/moderation.service';

/** Every check the server runs, on this classifier; guards only where the configuration names them. */
export function moderationService(
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

/**
 * The model's tokenizer and one session.run on the calling thread, one whole text at a time (no worker, no batching,
 * no sentence or evader readings): each text's output logits.
 */
export async function bareModel(
  manifest: ClassifierManifest,
): Promise<(text: string) => Promise<Float32Array>> {
  const { tokenizer, session } = await loadClassifierModel(manifest);
  return async (text: string) => {
    const ids = tokenizer.encode(text).ids.slice(0, manifest.maxLength);
    const shape = [1, ids.length];
    const output = await session.run({
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), shape),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape),
    });
    return output[session.outputNames[0]].data as Float32Array;
  };
}
