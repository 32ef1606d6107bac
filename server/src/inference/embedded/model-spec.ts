/** What a worker needs to run a model directory; plain data, so it crosses to worker threads as is. */
export interface ModelSpec {
  /** The directory name, served as the model id. */
  id: string;
  directory: string;
  onnxPath: string;
  contextLength: number;
  vocabSize: number;
  eosTokenIds: number[];
  bosTokenId: number | null;
  /** From config.json, used when the graph leaves these axes symbolic. */
  kvHeads: number | null;
  headDim: number | null;
}
