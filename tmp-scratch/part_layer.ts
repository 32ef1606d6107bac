interface LayerParams {
  wq: tf.Variable;
  wk: tf.Variable;
  wv: tf.Variable;
  wo: tf.Variable;
  w1: tf.Variable;
  w3: tf.Variable;
  w2: tf.Variable;
  n1: tf.Variable;
  n2: tf.Variable;
}

/** Which columns of the fused [q | (k v) per KV head] projection are q, k and v (see LlamaLayout). */
interface ProjectionColumns {
  q: number[];
  k: number[];
  v: number[];
}

