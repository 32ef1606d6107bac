import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../../config/config';
import { inspectDecoderGraph, rewriteForInPlaceCache } from './decoder-graph';
import { concatBytes, readFields, writeStringField, writeVarintField } from './protobuf-wire';

const MODEL = path.join(REPOSITORY_ROOT, 'models', 'stories260K', 'onnx', 'model.onnx');

describe('protobuf wire format', () => {
  it('reads fields back to the same bytes', () => {
    const bytes = concatBytes([
      writeVarintField(1, 300),
      writeStringField(2, 'héllo'),
      writeVarintField(3, 2 ** 40),
    ]);
    const fields = readFields(bytes);
    expect(fields.map((field) => field.field)).toEqual([1, 2, 3]);
    expect(fields[0].varint).toBe(300n);
    expect(new TextDecoder().decode(fields[1].payload)).toBe('héllo');
    expect(fields[2].varint).toBe(2n ** 40n);
    expect(concatBytes(fields.map((field) => field.raw))).toEqual(bytes);
  });

  it('reads negative int64 varints as negative', () => {
    // -2 as a ten-byte two's-complement varint
    const bytes = Uint8Array.from([0x08, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect(readFields(bytes)[0].varint).toBe(-2n);
  });

  it('rejects truncated input', () => {
    expect(() => readFields(Uint8Array.from([0x12, 0x05, 0x61]))).toThrow(/truncated/);
  });
});

describe('decoder graph inspection and rewriting (stories260K)', () => {
  const bytes = fs.readFileSync(MODEL);

  it('pairs each past input with its present output', () => {
    const info = inspectDecoderGraph(bytes);
    expect(info.inputs.slice(0, 3).map((input) => input.name)).toEqual([
      'input_ids',
      'attention_mask',
      'position_ids',
    ]);
    expect(info.kv).toHaveLength(10);
    expect(info.kv[1]).toEqual({
      layer: 0,
      kind: 'value',
      past: 'past_key_values.0.value',
      present: 'present.0.value',
    });
    expect(info.inputs.find((input) => input.name === 'past_key_values.0.key')!.dims).toEqual([
      'batch_size',
      4,
      'past_sequence_length',
      8,
    ]);
    expect(info.externalData).toBe(false);
  });

  it('makes the graph return only the new keys and values of a step', () => {
    const info = inspectDecoderGraph(bytes);
    const rewritten = rewriteForInPlaceCache(bytes, info)!;
    expect(rewritten).not.toBeNull();
    const after = inspectDecoderGraph(rewritten.model);
    expect(after.outputs.map((output) => output.name)).toEqual([
      'logits',
      ...info.kv.map((pair) => rewritten.newKv.get(pair.present)),
    ]);
    expect(after.inputs).toEqual(info.inputs);
    expect(rewritten.model.length).toBeLessThan(bytes.length);
  });

  it('leaves graphs it does not recognise alone', () => {
    const info = inspectDecoderGraph(bytes);
    expect(rewriteForInPlaceCache(bytes, { ...info, externalData: true })).toBeNull();
    expect(
      rewriteForInPlaceCache(bytes, { ...info, kv: info.kv.map((pair) => ({ ...pair, present: 'logits' })) }),
    ).toBeNull();
  });
});
