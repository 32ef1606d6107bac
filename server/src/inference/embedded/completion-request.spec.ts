import path from 'node:path';
import { REPOSITORY_ROOT } from '../../config/config';
import { InferenceErrorCode, InferenceRequestError } from '../inference.errors';
import { GenerationRequest } from '../model-provider';
import { prepareRequest } from './completion-request';
import { LoadedModel, loadModelDirectory, ModelLoadError } from './model-loader';
import { generationRequest as request } from '../../../../test/support/generation-request';

function rejection(run: () => unknown): InferenceRequestError {
  try {
    run();
  } catch (err) {
    if (err instanceof InferenceRequestError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected an InferenceRequestError');
}

describe('prepareRequest (stories260K)', () => {
  let model: LoadedModel;

  beforeAll(() => {
    model = loadModelDirectory(path.join(REPOSITORY_ROOT, 'models', 'stories260K'));
  });

  const prepare = (overrides: Partial<GenerationRequest>) =>
    prepareRequest(request(overrides), model.spec, model.tokenizer, 64);

  it('reads the model directory', () => {
    expect(model.spec).toMatchObject({
      id: 'stories260K',
      contextLength: 512,
      vocabSize: 512,
      eosTokenIds: [2, 1],
      bosTokenId: 1,
      kvHeads: 4,
      headDim: 8,
    });
  });

  it('tokenizes every prompt form', () => {
    expect(prepare({}).prompts).toEqual([[1, 403, 407, 261, 378]]);
    expect(prepare({ prompt: ['Once', ''] }).prompts).toEqual([[1, 403], [1]]);
    expect(prepare({ prompt: [1, 403] }).prompts).toEqual([[1, 403]]);
    expect(prepare({ prompt: [[1], [1, 403]] }).prompts).toEqual([[1], [1, 403]]);
  });

  it('refuses suffix, naming the parameter', () => {
    expect(rejection(() => prepare({ suffix: 'The end.' }))).toMatchObject({
      code: InferenceErrorCode.UnsupportedParameter,
      param: 'suffix',
    });
  });

  it('refuses prompt + max_tokens beyond the context, naming the limit', () => {
    const error = rejection(() => prepare({ maxTokens: 510 }));
    expect(error).toMatchObject({ code: InferenceErrorCode.ContextLengthExceeded, param: 'max_tokens' });
    expect(error.message).toBe(
      "This model's maximum context length is 512 tokens, however you requested 515 tokens (5 in your prompt; 510 for the completion). Please reduce your prompt; or completion length.",
    );
    expect(prepare({ maxTokens: 507 }).prompts[0]).toHaveLength(5);
    expect(rejection(() => prepare({ prompt: new Array<number>(600).fill(5), maxTokens: 0 }))).toMatchObject({
      param: 'prompt',
    });
  });

  it('checks token ids and logit_bias keys against the vocabulary', () => {
    expect(rejection(() => prepare({ prompt: [1, 512] }))).toMatchObject({ param: 'prompt' });
    expect(rejection(() => prepare({ logitBias: { '50256': -100 } }))).toMatchObject({ param: 'logit_bias' });
    expect(prepare({ logitBias: { '2': -100, '13': 5 } }).logitBias).toEqual([
      [2, -100],
      [13, 5],
    ]);
  });

  it('refuses more sequences than the engine queues', () => {
    expect(rejection(() => prepare({ prompt: ['a', 'b', 'c'], n: 4, bestOf: 30 }))).toMatchObject({
      param: 'best_of',
    });
  });

  it('refuses more sequences than the engine queues before tokenizing a prompt', () => {
    const encode = jest.spyOn(model.tokenizer, 'encode');
    try {
      const prompts = Array.from({ length: 65 }, (_, index) => `prompt number ${index}`);
      expect(rejection(() => prepare({ prompt: prompts }))).toMatchObject({ param: 'n' });
      expect(encode).not.toHaveBeenCalled();
    } finally {
      encode.mockRestore();
    }
  });

  it('keeps recent encodings, each handed out as its own copy', () => {
    const text = 'A recent prompt, tokenized twice.';
    const first = model.tokenizer.encode(text);
    first.push(999);
    expect(model.tokenizer.encode(text)).toEqual(first.slice(0, -1));
    expect(prepare({ prompt: text }).prompts).toEqual([first.slice(0, -1)]);
  });

  it('names the directory of a model it cannot load', () => {
    expect(() => loadModelDirectory('/nowhere/tinyllama')).toThrow(ModelLoadError);
    expect(() => loadModelDirectory('/nowhere/tinyllama')).toThrow(
      /tinyllama \(\/nowhere\/tinyllama\): the directory does not exist/,
    );
    expect(() => loadModelDirectory(path.join(REPOSITORY_ROOT, 'models'))).toThrow(
      /models.*config\.json is missing/,
    );
  });
});
