/**
 * Just enough of the protobuf wire format to edit an ONNX graph without a schema compiler: fields are read as
 * raw slices so everything not touched is written back byte for byte.
 */
export enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

export interface WireField {
  field: number;
  wireType: WireType;
  /** The whole field (tag included), for copying it unchanged. */
  raw: Uint8Array;
  /** Varint fields: the value as a signed 64-bit integer (ONNX int64 attributes are two's complement). */
  varint: bigint;
  /** Length-delimited fields: the payload. */
  payload: Uint8Array;
}

export function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const start = offset;
    const [tag, afterTag] = readVarint(bytes, offset);
    offset = afterTag;
    const field = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    let varint = 0n;
    let payload = EMPTY;
    switch (wireType) {
      case WireType.Varint:
        [varint, offset] = readVarint(bytes, offset);
        break;
      case WireType.Fixed64:
        offset += 8;
        break;
      case WireType.Fixed32:
        offset += 4;
        break;
      case WireType.LengthDelimited: {
        const [length, afterLength] = readVarint(bytes, offset);
        payload = bytes.subarray(afterLength, afterLength + Number(length));
        offset = afterLength + Number(length);
        break;
      }
      default:
        throw new Error(`unsupported protobuf wire type ${wireType} at byte ${start}`);
    }
    if (offset > bytes.length || field === 0) {
      throw new Error(`truncated or corrupt protobuf at byte ${start}`);
    }
    fields.push({ field, wireType, raw: bytes.subarray(start, offset), varint, payload });
  }
  return fields;
}

export function readString(field: WireField): string {
  return TEXT.decode(field.payload);
}

export function stringsOf(fields: WireField[], field: number): string[] {
  return fields.filter((entry) => entry.field === field).map(readString);
}

export function writeVarintField(field: number, value: number): Uint8Array {
  return concatBytes([encodeVarint(field * 8 + WireType.Varint), encodeVarint(value)]);
}

export function writeBytesField(field: number, payload: Uint8Array): Uint8Array {
  return concatBytes([
    encodeVarint(field * 8 + WireType.LengthDelimited),
    encodeVarint(payload.length),
    payload,
  ]);
}

export function writeStringField(field: number, value: string): Uint8Array {
  return writeBytesField(field, TEXT_ENCODER.encode(value));
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function readVarint(bytes: Uint8Array, offset: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  for (let position = offset; position < bytes.length && position < offset + 10; position++) {
    const byte = bytes[position];
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if (byte < 0x80) {
      return [BigInt.asIntN(64, value), position + 1];
    }
  }
  throw new Error(`bad varint at byte ${offset}`);
}

function encodeVarint(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return Uint8Array.from(out);
}

const EMPTY: Uint8Array = new Uint8Array(0);
const TEXT = new TextDecoder();
const TEXT_ENCODER = new TextEncoder();
