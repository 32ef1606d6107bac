export class DecoderModel {
  readonly variables: tf.Variable[];
  private readonly emb: tf.Variable;
  private readonly nf: tf.Variable;
  private readonly layers: LayerParams[];
  private readonly columns: ProjectionColumns;
  private readonly ropeTable: tf.Tensor2D;
  /** Rotary factor tables per projection: rope row [factors] -> per-column multiplier of the plain/rotated part. */
  private readonly rope: { q: tf.Tensor2D[]; k: tf.Tensor2D[]; v: tf.Tensor2D };
  private readonly rotateQ: tf.Tensor2D;
  private readonly rotateK: tf.Tensor2D;

  constructor(
    readonly layout: LlamaLayout,
    weights: Map<string, FloatInitializer>,
  ) {
    const { dim, qkvWidth, kvHeads, headDim, hidden } = layout;
    const tensorOf = (name: string): FloatInitializer => {
      const source = weights.get(name);
      if (!source) {
        throw new Error(`missing initializer ${name}`);
      }
      return source;
    };
    const variable = (data: Float32Array, shape: number[]): tf.Variable =>
      tf.variable(tf.tensor(data, shape, 'float32'), true);
    const whole = (name: string): tf.Variable => variable(tensorOf(name).data, tensorOf(name).dims);
    const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);
    this.columns = {
      q: range(0, dim),
      k: range(0, kvHeads).flatMap((head) => range(dim + head * 2 * headDim, headDim)),
      v: range(0, kvHeads).flatMap((head) => range(dim + head * 2 * headDim + headDim, headDim)),
    };
    // Slicing on a minor axis is slow on the CPU backend, so projections are separate variables, re-fused on export.
    this.emb = whole('emb');
    this.nf = whole('nf');
    this.layers = Array.from({ length: layout.layers }, (_, layer) => {
      // Only the un-rotated half of wqkv is free; the rotated half is derived from it (LlamaLayout).
      const plain = tensorOf(`wqkv.${layer}`).data.subarray(0, dim * qkvWidth);
      const w13 = tensorOf(`w13.${layer}`).data;
      return {
        wq: variable(pickColumns(plain, qkvWidth, this.columns.q), [dim, this.columns.q.length]),
        wk: variable(pickColumns(plain, qkvWidth, this.columns.k), [dim, this.columns.k.length]),
        wv: variable(pickColumns(plain, qkvWidth, this.columns.v), [dim, this.columns.v.length]),
        wo: whole(`wo.${layer}`),
        w1: variable(pickColumns(w13, 2 * hidden, range(0, hidden)), [dim, hidden]),
        w3: variable(pickColumns(w13, 2 * hidden, range(hidden, hidden)), [dim, hidden]),
        w2: whole(`w2.${layer}`),
        n1: whole(`n1.${layer}`),
        n2: whole(`n2.${layer}`),
      };
    });
    this.variables = [this.emb, this.nf, ...this.layers.flatMap((layer) => Object.values(layer))];
    const table = tensorOf('rope_table');
    const expand = tensorOf('rope_expand');
    const factors = table.dims[table.dims.length - 1];
    this.ropeTable = tf.tensor2d(table.data, [table.dims[0], factors]);
    const factorTable = (half: number, columns: number[]) =>
      tf.tensor2d(
        pickColumns(expand.data.subarray(half * factors * qkvWidth, (half + 1) * factors * qkvWidth), qkvWidth, columns),
        [factors, columns.length],
      );
    this.rope = {
      q: [factorTable(0, this.columns.q), factorTable(1, this.columns.q)],
      k: [factorTable(0, this.columns.k), factorTable(1, this.columns.k)],
      v: factorTable(0, this.columns.v),
    };
    const block = (columns: number[]) =>
      tf.tensor2d(
        Float32Array.from(columns.flatMap((from) => columns.map((to) => layout.rotation[from * qkvWidth + to]))),
        [columns.length, columns.length],
      );
    this.rotateQ = block(this.columns.q);
    this.rotateK = block(this.columns.k);
  }

