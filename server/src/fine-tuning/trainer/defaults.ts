/** Adam's step size at learning_rate_multiplier 1: what teaches stories260K a short answer in a few epochs. */
export const BASE_LEARNING_RATE = 2e-3;
export const AUTO_EPOCHS = 3;
export const AUTO_LEARNING_RATE_MULTIPLIER = 1;

/** About 4 % of the examples per batch, between 1 and 8 (OpenAI's "auto" grows with the data set too). */
export function autoBatchSize(examples: number): number {
  return Math.max(1, Math.min(8, Math.ceil(examples * 0.04)));
}
