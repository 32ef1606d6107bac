  /** Logits [batch * length, vocab]. */
  forward(batch: DecoderBatch): tf.Tensor2D {
    const { dim, kvHeads, headDim, vocab } = this.layout;
    const size = batch.ids.length;
    const length = batch.ids[0].length;
    const rows = size * length;
    const perKv = dim / kvHeads / headDim;
    // A one-hot product instead of a gather: its gradient is a matmul, the gather's a slow segment sum.
    const tokens = tf.oneHot(tf.tensor1d(batch.ids.flat(), 'int32'), vocab, 1, 0, 'float32');
    const rope = tf.gather(this.ropeTable, tf.tensor1d(batch.positions.flat(), 'int32'));
    const factors = {
      q: this.rope.q.map((table) => tf.matMul(rope, table)),
      k: this.rope.k.map((table) => tf.matMul(rope, table)),
      v: tf.matMul(rope, this.rope.v),
    };
    const mask = this.attentionMask(batch.mask);
    let x: tf.Tensor = tf.matMul(tokens, this.emb);
    for (const layer of this.layers) {
      const normed = this.rmsNorm(x, layer.n1);
      const rotary = (weight: tf.Variable, rotation: tf.Tensor2D, [cos, sin]: tf.Tensor[]) => {
        const projected = tf.matMul(normed, weight);
        return tf.add(tf.mul(projected, cos), tf.mul(tf.matMul(projected, rotation), sin));
      };
      const q = rotary(layer.wq, this.rotateQ, factors.q);
      const k = rotary(layer.wk, this.rotateK, factors.k);
      const v = tf.mul(tf.matMul(normed, layer.wv), factors.v);
      // [batch, kvHeads, perKv * length, headDim]: a KV head's query heads stacked on the row axis, as the graph does.
      const queries = tf.reshape(
        tf.transpose(tf.reshape(q, [size, length, kvHeads, perKv * headDim]), [0, 2, 1, 3]),
        [size, kvHeads, perKv * length, headDim],
      );
      const heads = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [size, length, kvHeads, headDim]), [0, 2, 1, 3]);
      const scores = tf.add(tf.matMul(queries, heads(k), false, true), mask);
      const attended = tf.matMul(tf.softmax(scores), heads(v));
      const merged = tf.reshape(
        tf.transpose(tf.reshape(attended, [size, kvHeads, length, perKv * headDim]), [0, 2, 1, 3]),
        [rows, dim],
      );
      x = tf.add(x, tf.matMul(merged, layer.wo));
      const ffnIn = this.rmsNorm(x, layer.n2);
      const gate = tf.matMul(ffnIn, layer.w1);
      const up = tf.matMul(ffnIn, layer.w3);
      x = tf.add(x, tf.matMul(tf.mul(tf.mul(tf.sigmoid(gate), gate), up), layer.w2));
    }
    return tf.matMul(this.rmsNorm(x, this.nf), this.emb, false, true) as tf.Tensor2D;
  }

  /** The ONNX initializers as trained: wqkv re-fused (with its rotated half), w13 re-joined. */
  exportWeights(): Map<string, Float32Array> {
    const { dim, qkvWidth, hidden } = this.layout;
    const read = (variable: tf.Variable) => Float32Array.from(variable.dataSync());
    const out = new Map<string, Float32Array>();
    this.layers.forEach((layer, index) => {
      const fused = new Float32Array(2 * dim * qkvWidth);
      placeColumns(fused, qkvWidth, read(layer.wq), this.columns.q);
      placeColumns(fused, qkvWidth, read(layer.wk), this.columns.k);
      placeColumns(fused, qkvWidth, read(layer.wv), this.columns.v);
      // The rotated half: plain · rotation, a signed permutation, so each value is copied exactly (or zero).
      const rotation = this.layout.rotation;
      for (let from = 0; from < qkvWidth; from++) {
        for (let to = 0; to < qkvWidth; to++) {
          const sign = rotation[from * qkvWidth + to];
          if (sign !== 0) {
            for (let row = 0; row < dim; row++) {
              fused[(dim + row) * qkvWidth + to] = sign * fused[row * qkvWidth + from];
            }
          }
        }
      }
      const w13 = new Float32Array(dim * 2 * hidden);
      placeColumns(w13, 2 * hidden, read(layer.w1), Array.from({ length: hidden }, (_, at) => at));
      placeColumns(w13, 2 * hidden, read(layer.w3), Array.from({ length: hidden }, (_, at) => hidden + at));
      out.set(`wqkv.${index}`, fused);
      out.set(`wo.${index}`, read(layer.wo));
      out.set(`w13.${index}`, w13);
      out.set(`w2.${index}`, read(layer.w2));
      out.set(`n1.${index}`, read(layer.n1));
      out.set(`n2.${index}`, read(layer.n2));
    });
    out.set('emb', read(this.emb));
    out.set('nf', read(this.nf));
    return out;
  }

