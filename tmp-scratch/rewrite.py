p='server/src/fine-tuning/trainer/decoder-model.ts'
s=open(p).read()
start=s.index('interface LayerParams')
end=s.index('/**\n * Makes the CPU backend current')
s=s[:start]+open('tmp-scratch/part_layer.ts').read()+s[end:]
start=s.index('export class DecoderModel {')
end=s.index('  /** Logits [batch * length, vocab]. */')
s=s[:start]+open('tmp-scratch/part_ctor.ts').read()+s[end:]
start=s.index('  /** Logits [batch * length, vocab]. */')
end=s.index('  dispose(): void {')
s=s[:start]+open('tmp-scratch/part_forward.ts').read()+s[end:]
old='''    [this.ropeTable, this.ropeCos, this.ropeSin, this.rotation].forEach((tensor) => tensor.dispose());'''
assert old in s
s=s.replace(old,'''    [this.ropeTable, ...this.rope.q, ...this.rope.k, this.rope.v, this.rotateQ, this.rotateK].forEach((tensor) =>
      tensor.dispose(),
    );''')
old='''   * [batch, 1, queryGroup/headDim * length, length]'''
assert old in s
s=s.replace(old,'''   * [batch, kvHeads, perKv * length, length] (one copy per head: broadcasting adds are slow on the CPU backend)''')
old='''    const values = new Float32Array(size * rows * length);
    for (let b = 0; b < size; b++) {
      for (let row = 0; row < rows; row++) {
        const position = Math.floor(row / perKv);
        for (let key = 0; key < length; key++) {
          const visible = key <= position && mask[b][key] === 1;
          values[(b * rows + row) * length + key] = visible ? 0 : MASKED;
        }
      }
    }
    return tf.tensor4d(values, [size, 1, rows, length]);'''
assert old in s
s=s.replace(old,'''    const values = new Float32Array(size * kvHeads * rows * length);
    for (let b = 0; b < size; b++) {
      for (let head = 0; head < kvHeads; head++) {
        for (let row = 0; row < rows; row++) {
          const position = Math.floor(row / perKv);
          for (let key = 0; key < length; key++) {
            const visible = key <= position && mask[b][key] === 1;
            values[((b * kvHeads + head) * rows + row) * length + key] = visible ? 0 : MASKED;
          }
        }
      }
    }
    return tf.tensor4d(values, [size, kvHeads, rows, length]);''')
open(p,'w').write(s)
