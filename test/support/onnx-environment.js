'use strict';
/**
 * Jest's node environment runs specs in their own realm, but onnxruntime-node creates its output arrays in Node's
 * main realm, and onnxruntime-common checks them with `instanceof`. Specs that run ONNX sessions in-process use
 * this environment (`@jest-environment ./test/support/onnx-environment.js`), which shares the main realm's
 * typed-array constructors.
 */
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer',
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxEnvironment;
