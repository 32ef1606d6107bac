import {
  concatBytes,
  readFields,
  readString,
  stringsOf,
  WireField,
  writeBytesField,
  writeStringField,
  writeVarintField,
} from './protobuf-wire';

/** ONNX field numbers used below (onnx.proto3). */
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_INPUT = 11;
const GRAPH_OUTPUT = 12;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const NODE_DOMAIN = 7;
const ATTRIBUTE_NAME = 1;
const ATTRIBUTE_INT = 3;
const VALUE_INFO_NAME = 1;
const VALUE_INFO_TYPE = 2;
const TYPE_TENSOR = 1;
const TENSOR_TYPE_ELEM = 1;
const TENSOR_TYPE_SHAPE = 2;
const SHAPE_DIM = 1;
const DIM_VALUE = 1;
const DIM_PARAM = 2;
const TENSOR_NAME = 8;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
export const ONNX_FLOAT = 1;
export const ONNX_INT32 = 6;
export const ONNX_INT64 = 7;

export type KvKind = 'key' | 'value';

export interface GraphValue {
  name: string;
  elemType: number;
  /** A number for a fixed axis, a string for a named one, null when unknown. */
  dims: (number | string | null)[];
}

export interface KvPair {
  layer: number;
  kind: KvKind;
  past: string;
  present: string;
}

export interface DecoderGraphInfo {
  inputs: GraphValue[];
  outputs: GraphValue[];
  kv: KvPair[];
  /** past inputs without a matching present output (a graph the engine cannot run). */
  unpaired: string[];
  /** Weights in a separate file cannot be loaded from a rewritten in-memory copy. */
  externalData: boolean;
}

const PAST_NAMES = [/^past(?:_key_values)?[._](\d+)[._](key|value)$/, /^past_(key|value)[._](\d+)$/];
const PRESENT_NAMES = [/^present(?:_key_values)?[._](\d+)[._](key|value)$/, /^present_(key|value)[._](\d+)$/];

/** Reads the graph's interface and pairs each `past*` input with its `present*` output (Llama and GPT-2 spellings). */
export function inspectDecoderGraph(model: Uint8Array): DecoderGraphInfo {
  const graph = graphFields(model);
  const initializers = new Set<string>();
  let externalData = false;
  for (const field of graph) {
    if (field.field === GRAPH_INITIALIZER) {
      const tensor = readFields(field.payload);
      tensor
        .filter((entry) => entry.field === TENSOR_NAME)
        .forEach((entry) => initializers.add(readString(entry)));
      if (
        tensor.some(
          (entry) =>
            entry.field === TENSOR_EXTERNAL_DATA ||
            (entry.field === TENSOR_DATA_LOCATION && entry.varint === 1n),
        )
      ) {
        externalData = true;
      }
    }
  }
  const inputs = graph
    .filter((field) => field.field === GRAPH_INPUT)
    .map(readValueInfo)
    .filter((value) => !initializers.has(value.name));
  const outputs = graph.filter((field) => field.field === GRAPH_OUTPUT).map(readValueInfo);
  return { inputs, outputs, ...pairKv(inputs, outputs), externalData };
}

function pairKv(inputs: GraphValue[], outputs: GraphValue[]): { kv: KvPair[]; unpaired: string[] } {
  const presents = new Map<string, string>();
  for (const output of outputs) {
    const match = matchKv(output.name, PRESENT_NAMES);
    if (match) {
      presents.set(`${match.layer}.${match.kind}`, output.name);
    }
  }
  const pairs: KvPair[] = [];
  const unpaired: string[] = [];
  for (const input of inputs) {
    const match = matchKv(input.name, PAST_NAMES);
    if (!match) {
      continue;
    }
    const present = presents.get(`${match.layer}.${match.kind}`);
    if (present) {
      pairs.push({ ...match, past: input.name, present });
    } else {
      unpaired.push(input.name);
    }
  }
  return { kv: pairs.sort((a, b) => a.layer - b.layer || a.kind.localeCompare(b.kind)), unpaired };
}

function matchKv(name: string, patterns: RegExp[]): { layer: number; kind: KvKind } | null {
  for (const pattern of patterns) {
    const match = pattern.exec(name);
    if (match) {
      const [layer, kind] = /^\d+$/.test(match[1]) ? [match[1], match[2]] : [match[2], match[1]];
      return { layer: Number(layer), kind: kind as KvKind };
    }
  }
  return null;
}

/**
 * Rewrites an Optimum decoder so that, instead of `present = Concat(past, new)`, it returns only the new keys and
 * values of the step. The engine then keeps one fixed-capacity cache per layer and writes each step's few new
 * entries in place, so no cache tensor is copied back out of onnxruntime (the binding copies every output).
 * Returns the new model and, per pair, the name of the output now carrying the new entries; null when the
 * graph is not shaped that way (a merged decoder with `If` branches, external weights...).
 */
export function rewriteForInPlaceCache(
  model: Uint8Array,
  info: DecoderGraphInfo,
): { model: Uint8Array; newKv: Map<string, string> } | null {
  if (info.externalData || info.kv.length === 0 || info.unpaired.length > 0) {
    return null;
  }
  const modelFields = readFields(model);
  const graphField = modelFields.find((field) => field.field === MODEL_GRAPH);
  if (!graphField) {
    return null;
  }
  const graph = readFields(graphField.payload);
  const producers = new Map<string, { inputs: string[]; axis: number | null }>();
  for (const field of graph) {
    if (field.field !== GRAPH_NODE) {
      continue;
    }
    const node = readFields(field.payload);
    const domain = stringsOf(node, NODE_DOMAIN)[0] ?? '';
    if (stringsOf(node, NODE_OP_TYPE)[0] !== 'Concat' || (domain !== '' && domain !== 'ai.onnx')) {
      continue;
    }
    for (const output of stringsOf(node, NODE_OUTPUT)) {
      producers.set(output, { inputs: stringsOf(node, NODE_INPUT), axis: intAttribute(node, 'axis') });
    }
  }
  const newKv = new Map<string, string>();
  const taken = new Set([...info.inputs, ...info.outputs].map((value) => value.name));
  for (const pair of info.kv) {
    const concat = producers.get(pair.present);
    if (
      !concat ||
      concat.inputs.length !== 2 ||
      concat.inputs[0] !== pair.past ||
      (concat.axis !== 2 && concat.axis !== -2)
    ) {
      return null;
    }
    if (taken.has(concat.inputs[1])) {
      return null;
    }
    newKv.set(pair.present, concat.inputs[1]);
  }
  const presentType = new Map(info.outputs.map((value) => [value.name, value.elemType]));
  const rewrittenGraph = concatBytes(
    graph.map((field) => {
      if (field.field !== GRAPH_OUTPUT) {
        return field.raw;
      }
      const name = readValueInfo(field).name;
      const replacement = newKv.get(name);
      return replacement
        ? writeBytesField(GRAPH_OUTPUT, tensorValueInfo(replacement, presentType.get(name) ?? ONNX_FLOAT))
        : field.raw;
    }),
  );
  const rewritten = concatBytes(
    modelFields.map((field) =>
      field.field === MODEL_GRAPH ? writeBytesField(MODEL_GRAPH, rewrittenGraph) : field.raw,
    ),
  );
  return { model: rewritten, newKv };
}

function graphFields(model: Uint8Array): WireField[] {
  const graph = readFields(model).find((field) => field.field === MODEL_GRAPH);
  if (!graph) {
    throw new Error('not an ONNX model (no graph)');
  }
  return readFields(graph.payload);
}

function readValueInfo(field: WireField): GraphValue {
  const info = readFields(field.payload);
  const name = stringsOf(info, VALUE_INFO_NAME)[0] ?? '';
  let elemType = 0;
  const dims: (number | string | null)[] = [];
  const type = info.find((entry) => entry.field === VALUE_INFO_TYPE);
  const tensor = type ? readFields(type.payload).find((entry) => entry.field === TYPE_TENSOR) : undefined;
  if (tensor) {
    const tensorFields = readFields(tensor.payload);
    elemType = Number(tensorFields.find((entry) => entry.field === TENSOR_TYPE_ELEM)?.varint ?? 0n);
    const shape = tensorFields.find((entry) => entry.field === TENSOR_TYPE_SHAPE);
    for (const dim of shape ? readFields(shape.payload).filter((entry) => entry.field === SHAPE_DIM) : []) {
      const dimFields = readFields(dim.payload);
      const value = dimFields.find((entry) => entry.field === DIM_VALUE);
      const param = dimFields.find((entry) => entry.field === DIM_PARAM);
      dims.push(value ? Number(value.varint) : param ? readString(param) : null);
    }
  }
  return { name, elemType, dims };
}

function intAttribute(node: WireField[], name: string): number | null {
  for (const field of node) {
    if (field.field !== NODE_ATTRIBUTE) {
      continue;
    }
    const attribute = readFields(field.payload);
    if (stringsOf(attribute, ATTRIBUTE_NAME)[0] === name) {
      const value = attribute.find((entry) => entry.field === ATTRIBUTE_INT);
      return value ? Number(value.varint) : null;
    }
  }
  return null;
}

function tensorValueInfo(name: string, elemType: number): Uint8Array {
  const tensorType = writeVarintField(TENSOR_TYPE_ELEM, elemType);
  return concatBytes([
    writeStringField(VALUE_INFO_NAME, name),
    writeBytesField(VALUE_INFO_TYPE, writeBytesField(TYPE_TENSOR, tensorType)),
  ]);
}
