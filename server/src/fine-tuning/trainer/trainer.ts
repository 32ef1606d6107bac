import * as tf from '@tensorflow/tfjs';
import { SeededRandom } from '../../inference/embedded/seeded-random';
import { DecoderBatch, DecoderModel, useTrainingBackend } from './decoder-model';
import { recognizeLlamaLayout } from './llama-layout';
import { readFloatInitializers, readGraphNodes, replaceFloatInitializers } from './onnx-initializers';

/** One example as token ids: the loss is taken on `completion` only (the model learns to continue the prompt). */
export interface TokenizedExample {
  prompt: number[];
  completion: number[];
}

export interface TrainingPlan {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

export interface StepMetrics {
  step: number;
  totalSteps: number;
  epoch: number;
  trainLoss: number;
  trainMeanTokenAccuracy: number;
  /** On one validation batch (null without a validation set). */
  validLoss: number | null;
  validMeanTokenAccuracy: number | null;
}

export interface EpochMetrics {
  epoch: number;
  step: number;
  /** Over the whole validation set (null without one). */
  fullValidLoss: number | null;
  fullValidMeanTokenAccuracy: number | null;
}

export interface TrainingHooks {
  /** Before the first step, over the whole validation set: the baseline the drop is measured against. */
  baseline?(metrics: { fullValidLoss: number; fullValidMeanTokenAccuracy: number }): Promise<void> | void;
  step(metrics: StepMetrics): Promise<void> | void;
  epoch?(metrics: EpochMetrics): Promise<void> | void;
  /** Asked between steps; true stops training before the next step. */
  cancelled(): Promise<boolean> | boolean;
}

export interface TrainingOutcome {
  cancelled: boolean;
  steps: number;
  trainedTokens: number;
}

interface LossResult {
  loss: number;
  accuracy: number;
}

/**
 * Fine-tunes an ONNX decoder of the converter's Llama layout on CPU (TensorFlow.js): Adam on the completion tokens,
 * examples shuffled per epoch by `seed` (so a seed gives the same weights), then the weights go back into a copy
 * of the original graph.
 */
export class DecoderTrainer {
  private constructor(
    private readonly onnx: Uint8Array,
    private readonly model: DecoderModel,
  ) {}

  static async fromOnnx(
    onnx: Uint8Array,
    config: { rmsNormEps: number; kvHeads: number; headDim: number },
  ): Promise<DecoderTrainer> {
    await useTrainingBackend();
    const weights = readFloatInitializers(onnx);
    const layout = recognizeLlamaLayout(weights, readGraphNodes(onnx), config);
    return new DecoderTrainer(onnx, new DecoderModel(layout, weights));
  }

  static stepsPerEpoch(examples: number, batchSize: number): number {
    return Math.ceil(examples / batchSize);
  }

  async train(
    training: TokenizedExample[],
    validation: TokenizedExample[],
    plan: TrainingPlan,
    hooks: TrainingHooks,
  ): Promise<TrainingOutcome> {
    if (training.length === 0) {
      throw new Error('no training examples');
    }
    const random = new SeededRandom(plan.seed);
    const optimizer = tf.train.adam(plan.learningRate);
    const perEpoch = DecoderTrainer.stepsPerEpoch(training.length, plan.batchSize);
    const totalSteps = perEpoch * plan.epochs;
    let step = 0;
    let trainedTokens = 0;
    try {
      if (validation.length > 0 && hooks.baseline) {
        const baseline = this.evaluate(validation, plan.batchSize);
        await hooks.baseline({ fullValidLoss: baseline.loss, fullValidMeanTokenAccuracy: baseline.accuracy });
      }
      for (let epoch = 1; epoch <= plan.epochs; epoch++) {
        const order = shuffled(training.length, random);
        for (let start = 0; start < order.length; start += plan.batchSize) {
          if (await hooks.cancelled()) {
            return { cancelled: true, steps: step, trainedTokens };
          }
          const examples = order.slice(start, start + plan.batchSize).map((index) => training[index]);
          const batch = toBatch(examples);
          trainedTokens += batch.inputs.mask.flat().reduce((sum, value) => sum + value, 0);
          const trained = this.trainStep(optimizer, batch);
          step++;
          const validBatch =
            validation.length > 0
              ? toBatch(
                  Array.from(
                    { length: Math.min(plan.batchSize, validation.length) },
                    (_, offset) => validation[((step - 1) * plan.batchSize + offset) % validation.length],
                  ),
                )
              : null;
          const valid = validBatch ? this.lossOf(validBatch) : null;
          await hooks.step({
            step,
            totalSteps,
            epoch,
            trainLoss: trained.loss,
            trainMeanTokenAccuracy: trained.accuracy,
            validLoss: valid?.loss ?? null,
            validMeanTokenAccuracy: valid?.accuracy ?? null,
          });
          // Lets the worker's event loop breathe (queue lock renewals, cancellation messages) between steps.
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (hooks.epoch) {
          const full = validation.length > 0 ? this.evaluate(validation, plan.batchSize) : null;
          await hooks.epoch({
            epoch,
            step,
            fullValidLoss: full?.loss ?? null,
            fullValidMeanTokenAccuracy: full?.accuracy ?? null,
          });
        }
      }
      return { cancelled: false, steps: step, trainedTokens };
    } finally {
      optimizer.dispose();
    }
  }

  /** Mean completion-token loss and accuracy over a whole set, without training. */
  evaluate(examples: TokenizedExample[], batchSize: number): LossResult {
    let lossSum = 0;
    let correct = 0;
    let tokens = 0;
    for (let start = 0; start < examples.length; start += batchSize) {
      const batch = toBatch(examples.slice(start, start + batchSize));
      const weight = batch.weights.reduce((sum, value) => sum + value, 0);
      const result = this.lossOf(batch);
      lossSum += result.loss * weight;
      correct += result.accuracy * weight;
      tokens += weight;
    }
    return { loss: lossSum / tokens, accuracy: correct / tokens };
  }

  /** The original graph with the trained weights: same inputs, outputs and nodes. */
  exportOnnx(): Uint8Array {
    return replaceFloatInitializers(this.onnx, this.model.exportWeights());
  }

  dispose(): void {
    this.model.dispose();
  }

  private trainStep(optimizer: tf.Optimizer, batch: Batch): LossResult {
    let accuracy = 0;
    const loss = optimizer.minimize(
      () => {
        const { loss: value, accuracy: hits } = this.lossTensors(batch);
        accuracy = hits.dataSync()[0];
        return value;
      },
      true,
      this.model.variables,
    );
    const value = loss ? loss.dataSync()[0] : Number.NaN;
    loss?.dispose();
    return { loss: value, accuracy };
  }

  private lossOf(batch: Batch): LossResult {
    return tf.tidy(() => {
      const { loss, accuracy } = this.lossTensors(batch);
      return { loss: loss.dataSync()[0], accuracy: accuracy.dataSync()[0] };
    });
  }

  private lossTensors(batch: Batch): { loss: tf.Scalar; accuracy: tf.Scalar } {
    const logits = this.model.forward(batch.inputs);
    const vocab = this.model.layout.vocab;
    const targets = tf.tensor1d(batch.targets, 'int32');
    const weights = tf.tensor1d(batch.weights);
    const total = tf.sum(weights);
    const picked = tf.sum(
      tf.mul(
        tf.logSoftmax(logits),
        tf.cast(tf.oneHot(targets, vocab), 'float32') /* see DecoderModel.forward */,
      ),
      1,
    );
    const loss = tf.div(tf.neg(tf.sum(tf.mul(picked, weights))), total) as tf.Scalar;
    const hits = tf.cast(tf.equal(tf.argMax(logits, 1), targets), 'float32');
    const accuracy = tf.div(tf.sum(tf.mul(hits, weights)), total) as tf.Scalar;
    return { loss, accuracy };
  }
}

interface Batch {
  inputs: DecoderBatch;
  targets: number[];
  /** 1 where the target is a completion token. */
  weights: number[];
}

/** Right-padded next-token batch: input t[0..n-2], target t[1..n-1], weighted on completion targets. */
function toBatch(examples: TokenizedExample[]): Batch {
  const sequences = examples.map((example) => [...example.prompt, ...example.completion]);
  const length = Math.max(...sequences.map((sequence) => sequence.length)) - 1;
  const ids: number[][] = [];
  const mask: number[][] = [];
  const positions: number[][] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  sequences.forEach((sequence, row) => {
    const real = sequence.length - 1;
    const promptLength = examples[row].prompt.length;
    ids.push(Array.from({ length }, (_, index) => (index < real ? sequence[index] : 0)));
    mask.push(Array.from({ length }, (_, index) => (index < real ? 1 : 0)));
    positions.push(Array.from({ length }, (_, index) => (index < real ? index : 0)));
    for (let index = 0; index < length; index++) {
      targets.push(index < real ? sequence[index + 1] : 0);
      weights.push(index < real && index + 1 >= promptLength ? 1 : 0);
    }
  });
  return { inputs: { ids, mask, positions }, targets, weights };
}

/** Fisher-Yates with the job's seeded generator. */
function shuffled(count: number, random: SeededRandom): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const swap = Math.floor(random.next() * (index + 1));
    [order[index], order[swap]] = [order[swap], order[index]];
  }
  return order;
}
