/**
 * What the moderation benches share (the server's check set is `standaloneModerationService`): the bare model read once on the
 * calling thread (the baseline the benches measure the served path against).
 */
import * as ort from 'onnxruntime-node';
import { ClassifierManifest } from '../server/src/moderation/classifier/classifier.manifest';
import { loadClassifierModel } from '../server/src/moderation/classifier/classifier-scorer';

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
