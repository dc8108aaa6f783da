/** Bounds on what the grader agrees to rebuild and train from a student's model JSON. */
export const MODEL_LIMITS = {
  layers: 64,
  params: 5_000_000,
  /** Values one layer outputs for one sample. */
  outputElements: 1_000_000,
  /** Values all layers output for one sample (training keeps them all). */
  totalElements: 3_000_000,
  /** Multiply-adds of one sample's forward pass (the notes' deep CNN: about 3 million). */
  macs: 60_000_000,
  /** Any one dimension of an input, kernel or output. */
  dimension: 100_000,
  /** Units of a recurrent layer. */
  recurrentUnits: 512,
  /**
   * Work of the model's Orthogonal initializers together (a recurrent layer's is one unless
   * another is named): tfjs draws each by a QR factorisation of a [max(r, c), min(r, c)] matrix,
   * about min² x max steps of small tensor operations. Measured (wasm, 2 cores): 256x256 (2^24)
   * 0.43 s, 0.31 s of CPU; 2000x2000, 168 s; an LSTM of 512 units with its default, 98 s.
   */
  orthogonalWork: 2 ** 24,
  /** Nesting depth and items of the JSON itself. */
  depth: 24,
  items: 200_000,
  /** Characters of a layer or model name. */
  name: 128,
} as const;
