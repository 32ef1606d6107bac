import {
  concatBytes,
  readFields,
  readString,
  WireField,
  WireType,
  writeBytesField,
} from '../../inference/embedded/protobuf-wire';

/** onnx.proto3 field numbers. */
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_OP_TYPE = 4;
const TENSOR_DIMS = 1;
const TENSOR_DATA_TYPE = 2;
const TENSOR_FLOAT_DATA = 4;
const TENSOR_NAME = 8;
const TENSOR_RAW_DATA = 9;
const ONNX_FLOAT = 1;

export interface FloatInitializer {
  dims: number[];
  data: Float32Array;
}

export interface GraphNode {
  opType: string;
  inputs: string[];
  outputs: string[];
}

/** The float32 initializers of an ONNX model (raw_data or float_data), by name; other types are skipped. */
export function readFloatInitializers(model: Uint8Array): Map<string, FloatInitializer> {
  const out = new Map<string, FloatInitializer>();
  for (const field of graphFields(model)) {
    if (field.field !== GRAPH_INITIALIZER) {
      continue;
    }
    const tensor = readFields(field.payload);
    const type = tensor.find((entry) => entry.field === TENSOR_DATA_TYPE);
    if (!type || Number(type.varint) !== ONNX_FLOAT) {
      continue;
    }
    const name = tensor.filter((entry) => entry.field === TENSOR_NAME).map(readString)[0] ?? '';
    const dims = readDims(tensor);
    const size = dims.reduce((product, dim) => product * dim, 1);
    const raw = tensor.find((entry) => entry.field === TENSOR_RAW_DATA);
    const packed = tensor.filter((entry) => entry.field === TENSOR_FLOAT_DATA);
    let data: Float32Array;
    if (raw) {
      // Copied: the payload is a view into the model bytes at an offset that need not be 4-aligned.
      data = new Float32Array(raw.payload.slice().buffer);
    } else {
      data = new Float32Array(concatBytes(packed.map((entry) => entry.payload)).slice().buffer);
    }
    if (data.length !== size) {
      throw new Error(`initializer ${name}: ${data.length} values for shape [${dims.join(', ')}]`);
    }
    out.set(name, { dims, data });
  }
  return out;
}

/** The graph's nodes in order (op type and value names), enough to check a layout against what it computes. */
export function readGraphNodes(model: Uint8Array): GraphNode[] {
  return graphFields(model)
    .filter((field) => field.field === GRAPH_NODE)
    .map((field) => {
      const node = readFields(field.payload);
      const strings = (number: number) => node.filter((entry) => entry.field === number).map(readString);
      return {
        opType: strings(NODE_OP_TYPE)[0] ?? '',
        inputs: strings(NODE_INPUT),
        outputs: strings(NODE_OUTPUT),
      };
    });
}

/**
 * A copy of the model with the named float initializers' values replaced (stored as raw_data, shapes unchanged);
 * every other byte of the model is copied as it was, so inputs, outputs and nodes stay identical.
 */
export function replaceFloatInitializers(model: Uint8Array, values: Map<string, Float32Array>): Uint8Array {
  const pending = new Set(values.keys());
  const modelFields = readFields(model);
  const graphField = modelFields.find((field) => field.field === MODEL_GRAPH);
  if (!graphField) {
    throw new Error('not an ONNX model (no graph)');
  }
  const graph = concatBytes(
    readFields(graphField.payload).map((field) => {
      if (field.field !== GRAPH_INITIALIZER) {
        return field.raw;
      }
      const tensor = readFields(field.payload);
      const name = tensor.filter((entry) => entry.field === TENSOR_NAME).map(readString)[0] ?? '';
      const replacement = values.get(name);
      if (!replacement) {
        return field.raw;
      }
      const size = readDims(tensor).reduce((product, dim) => product * dim, 1);
      if (replacement.length !== size) {
        throw new Error(`initializer ${name}: ${replacement.length} values for ${size} elements`);
      }
      pending.delete(name);
      const kept = tensor
        .filter((entry) => entry.field !== TENSOR_RAW_DATA && entry.field !== TENSOR_FLOAT_DATA)
        .map((entry) => entry.raw);
      const bytes = new Uint8Array(replacement.buffer, replacement.byteOffset, replacement.byteLength);
      return writeBytesField(
        GRAPH_INITIALIZER,
        concatBytes([...kept, writeBytesField(TENSOR_RAW_DATA, bytes)]),
      );
    }),
  );
  if (pending.size > 0) {
    throw new Error(`no float initializer named ${[...pending].join(', ')}`);
  }
  return concatBytes(
    modelFields.map((field) =>
      field.field === MODEL_GRAPH ? writeBytesField(MODEL_GRAPH, graph) : field.raw,
    ),
  );
}

function graphFields(model: Uint8Array): WireField[] {
  const graph = readFields(model).find((field) => field.field === MODEL_GRAPH);
  if (!graph) {
    throw new Error('not an ONNX model (no graph)');
  }
  return readFields(graph.payload);
}

/** `dims` is a repeated int64: one varint per field, or packed into one length-delimited field. */
function readDims(tensor: WireField[]): number[] {
  const dims: number[] = [];
  for (const entry of tensor.filter((field) => field.field === TENSOR_DIMS)) {
    if (entry.wireType === WireType.Varint) {
      dims.push(Number(entry.varint));
    } else {
      let offset = 0;
      const bytes = entry.payload;
      while (offset < bytes.length) {
        let value = 0;
        let scale = 1;
        let byte: number;
        do {
          byte = bytes[offset++];
          value += (byte & 0x7f) * scale;
          scale *= 128;
        } while (byte >= 0x80);
        dims.push(value);
      }
    }
  }
  return dims;
}
