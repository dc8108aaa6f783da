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
   * Work of rebuilding the model: its layers built and every weight drawn by its initializer, in
   * units of about 5 ns (rebuild-work.ts): 20 million, about 0.1 s of CPU. The notes' models
   * cost 0.5 to 0.8 million, the test fixtures' at most 2.2; 5 million parameters drawn
   * uniformly (tfjs' default) 10 million, drawn from a normal distribution 30; one Orthogonal
   * 256x256 draw 51 million (245 ms measured), 2000x2000 22 billion (168 s measured); 64
   * SimpleRNN layers of 48 units, each drawing two small Orthogonal matrices, 123 million (0.8 s). The grader pays it about three times per submission and once more per
   * training start: bounded here, what a hostile model adds stays within a few times what a
   * correct submission costs (npm run bench -- models-hostile).
   */
  rebuildWork: 20_000_000,
  /** Nesting depth and items of the JSON itself. */
  depth: 24,
  items: 200_000,
  /** Characters of a layer or model name. */
  name: 128,
} as const;
