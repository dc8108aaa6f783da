/**
 * Messages of the Keras-style model exercise (exercises/models), in English. Each failure starts
 * with "Expected X to be Y, but got Z."; the sentences after it explain the consequence in the
 * student's terms (shapes, Flatten size, parameter counts).
 */
const num = (n: number): string => n.toLocaleString('en-US');
const dec = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
// A layer-list difference: the call, the notes' layers and the student's, as text.
interface LayerList {
  readonly call: string;
  readonly want: string;
  readonly got: string;
}
// A learning outcome: the score reached, the reference's, the threshold, the training done.
interface Learning {
  readonly call: string;
  readonly got: number;
  readonly reference: number;
  readonly want: number;
  readonly what: string;
}
const list = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? ''));

export const models = {
  backend: {
    tensorflow: 'tensorflow (tfjs-node, native TensorFlow)',
    wasm: 'wasm (XNNPACK, single thread)',
    cpu: 'cpu (plain JavaScript, slow)',
  },
  kinds: {
    undefined: 'undefined',
    null: 'null',
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean',
    array: 'an array',
    tensor: 'a tensor',
    function: 'a function',
    object: 'an object that is not a model',
  },
  number: (n: number) => num(n),
  unset: 'nothing',
  linear: "'linear' (no activation)",

  notAModel: (call: string, got: string) => `Expected ${call} to return a TensorFlow.js model (tf.sequential() or tf.model()), but got ${got}.`,
  refused: (call: string, why: string) => `Expected ${call} to return a model the grader can rebuild and train, but got one it refuses: ${why}.`,
  refusal: {
    notAModel: (detail: string) => `its description is not a Keras model (${detail})`,
    layerClass: (index: number, className: string, allowed: readonly string[]) => `layer ${index} is a ${className}, which is not one of ${allowed.join(', ')}`,
    notAChain: (detail: string) => `its layers do not form a single chain (${detail})`,
    noInputShape: () => 'its first layer declares no inputShape',
    badConfig: (index: number, className: string, field: string) => `the ${className} layer (layer ${index}) has an invalid ${field}`,
    tooManyLayers: (count: number, max: number) => `${num(count)} layers, more than the ${num(max)} allowed`,
    tooManyParams: (estimate: number, max: number) => `about ${num(estimate)} parameters, more than the ${num(max)} allowed`,
    tooLargeOutput: (o: { index: number; className: string; elements: number; max: number }) =>
      `the ${o.className} layer (layer ${o.index}) outputs ${num(o.elements)} values per sample, more than the ${num(o.max)} allowed`,
    tooMuchCompute: (estimate: number, max: number) => `about ${num(estimate)} multiply-adds per sample, more than the ${num(max)} allowed`,
    unknownKey: (index: number, className: string, key: string) =>
      `the ${className} layer (layer ${index}) has a setting "${key}" that TensorFlow.js does not read under that name (a misspelt or doubled option)`,
    costlyInitializer: (index: number, className: string, field: string, shape: string) =>
      `the ${className} layer (layer ${index}) draws a ${shape} matrix with an Orthogonal ${field}, too costly to build (use a smaller layer or another initializer)`,
    costlyDraw: (shape: string) =>
      `building it draws a ${shape} matrix with an Orthogonal initializer (the default recurrent initializer of SimpleRNN and LSTM), too costly to build: the grader stopped it before the draw (use a smaller layer or another initializer)`,
    costlyRebuild: (r: { ms: number; maxMs: number; layers: number; orthogonal: number }) =>
      `building its ${num(r.layers)} layers and drawing their weights would cost the grader about ${num(r.ms)} ms of CPU${r.orthogonal > 0 ? ` (${num(r.orthogonal)} Orthogonal matrices among them)` : ''}, more than the ${num(r.maxMs)} ms allowed per model (use fewer or smaller layers, or another initializer than Orthogonal)`,
    rebuildTime: (limitMs: number) => `rebuilding it took more than ${num(limitMs)} ms of CPU time (time limit of the grader's model rebuild); it was stopped`,
    rebuildMemory: (limitMb: number) => `rebuilding it needed more than ${num(limitMb)} MiB of memory (memory limit of the grader's model rebuild); it was stopped`,
  },
  badCompileData: 'its compile settings are not what model.compile() records',
  rebuildFailed: (call: string, error: string) => `Expected the model of ${call} to rebuild from its description, but got an error: ${error}.`,

  layerName: (className: string, position: number) => `the ${className} layer (layer ${position})`,
  fieldName: (field: string) =>
    (({
      units: 'number of units', filters: 'number of filters', kernelSize: 'kernel size', strides: 'strides', padding: 'padding', poolSize: 'pool size',
      activation: 'activation function', recurrentActivation: 'recurrent activation function', returnSequences: 'returnSequences option',
      returnState: 'returnState option', useBias: 'useBias option', trainable: 'trainable option', dilationRate: 'dilation rate',
      goBackwards: 'goBackwards option', kernelInitializer: 'kernel initializer', biasInitializer: 'bias initializer',
      recurrentInitializer: 'recurrent initializer', kernelRegularizer: 'kernel regularizer', biasRegularizer: 'bias regularizer',
      recurrentRegularizer: 'recurrent regularizer', activityRegularizer: 'activity regularizer', kernelConstraint: 'kernel constraint',
      biasConstraint: 'bias constraint', recurrentConstraint: 'recurrent constraint', rate: 'dropout rate', dropout: 'dropout option',
      recurrentDropout: 'recurrentDropout option', targetShape: 'target shape',
    }) as Record<string, string>)[field] ?? `${field} option`,

  inputShape: (call: string, want: string, got: string) => `Expected the input shape of ${call} to be ${want}, but got ${got}.`,
  missingLayer: (o: LayerList & { className: string; after?: string }) =>
    `Expected ${o.call} to have a ${o.className} layer${o.after ? ` after ${o.after}` : ''}, but got none: its layers are ${o.got}, the notes' ${o.want}.`,
  extraLayer: (o: LayerList & { layer: string }) => `Expected ${o.call} to have the notes' layers ${o.want}, but got one more, ${o.layer}: ${o.got}.`,
  layers: (call: string, want: string, got: string) => `Expected the layers of ${call} to be ${want}, but got ${got}.`,
  field: (o: { call: string; layer: string; field: string; want: string; got: string }) =>
    `Expected the ${o.field} of ${o.layer} in ${o.call} to be ${o.want}, but got ${o.got}.`,
  outputs: (call: string, want: string, got: string) => `Expected the outputs of ${call} to have shapes ${want}, but got ${got}.`,
  params: (call: string, want: number, got: number) => `Expected ${call} to have ${num(want)} parameters (the notes' summary), but got ${num(got)}.`,
  paddingSameKeeps: (size: string) => `Padding 'same' keeps ${size}, so`,
  without: (className: string) => `Without the ${className} layer,`,
  layerOutputs: (layer: string, got: string, want: string) => `${layer} outputs ${got} instead of ${want}`,
  flattenGives: (got: number, want: number) => `Flatten gives ${num(got)} values instead of ${num(want)}`,
  denseHas: (got: number, want: number) => `the Dense layer after it has ${num(got)} parameters instead of ${num(want)}`,
  consequence: (lead: string | undefined, parts: readonly string[], params: { got: number; want: number } | undefined) => {
    const total = params ? `${parts.length > 0 ? '' : 'the model has '}${num(params.got)} parameters in all, where the notes' model has ${num(params.want)}` : undefined;
    const body = [parts.length > 0 ? list(parts) : undefined, total].filter(Boolean).join(': ');
    return `${lead ?? 'As a result,'} ${body}.`;
  },
  moreDifferences: (count: number) => `(${count} more difference${count > 1 ? 's' : ''} after this one.)`,
  architectureOk: (call: string, params: number) => `${call} has the notes' layers, shapes and ${num(params)} parameters.`,

  compileWanted: (o: { loss: string; optimizer: string; accuracy: boolean }) => `loss '${o.loss}', optimizer ${o.optimizer}${o.accuracy ? ", metrics ['accuracy']" : ''}`,
  notCompiled: (call: string, want: string) => `Expected ${call} to return a model compiled with ${want}, but got a model that was not compiled.`,
  unserializable: (call: string, loss: string, detail: string) =>
    `Expected the compile settings of ${call} to be names (loss: '${loss}'), but got something the grader cannot read: ${detail}.`,
  loss: (o: { call: string; want: string; got: string; sparse: boolean }) =>
    `Expected the loss of ${o.call} to be '${o.want}', but got '${o.got}'.` +
    (o.sparse ? " A sparse loss expects integer labels (0 to 9); the notes train on one-hot labels (to_categorical), which need the categorical one." : ''),
  optimizer: (call: string, want: string, got: string) => `Expected the optimizer of ${call} to be ${want}, but got ${got}.`,
  metrics: (call: string, got: readonly string[]) => `Expected the metrics of ${call} to include 'accuracy', but got ${got.length > 0 ? got.map((m) => `'${m}'`).join(', ') : 'none'}.`,
  compileRejected: (call: string, error: string) => `Expected the compile settings of ${call} to load in TensorFlow.js, but got an error: ${error}.`,
  compileOk: (count: number) => `The ${count} compiled models use the notes' losses, optimizers and metrics.`,

  weightsDoNotFit: (call: string, want: string, got: string) =>
    `Expected the notes' weights (shapes ${want}) to fit ${call}, but got a model whose weights have shapes ${got}.`,
  outputCount: (call: string, want: number, got: number) => `Expected ${call} to have ${want} output${want > 1 ? 's' : ''}, but got ${got}.`,
  outputName: (index: number) => ['the whole sequence', 'the last hidden state', 'the last cell state'][index] ?? `output ${index + 1}`,
  predictionsDiffer: (call: string, which: string | undefined, detail: string) =>
    `Expected ${call}, given the reference's weights, to predict what the reference predicts${which ? ` (${which})` : ''}, but got other outputs. ${detail}`,
  backendFault: (calls: string) =>
    `Expected the grader's TensorFlow.js backend to work on ${calls}, but it failed: a fault of the grader, not of this code. The backend was replaced and this check not graded; grading again may give its points.`,
  predictFailed: (call: string, error: string) => `Expected ${call} to predict on a batch of 4 samples, but got an error: ${error}.`,
  predictionsOk: (call: string) => `${call}, given the reference's weights, predicts what the reference predicts.`,

  datasets: { mnist: 'MNIST digits', fashion: 'Fashion-MNIST images', sine: 'noisy sine windows' },
  budget: (o: { samples: number; epochs: number; batch: number; dataset: string }) =>
    `${num(o.samples)} ${o.dataset}, ${o.epochs} epoch${o.epochs > 1 ? 's' : ''}, batch ${o.batch}`,
  sameAsReference: (call: string) =>
    `${call} is the notes' model: same layers and options, same compile settings, same predictions with the same weights. It learns exactly as the reference does, so it was not trained again.`,
  cannotTrainUncompiled: (call: string) => `Expected ${call} to return a compiled model the grader can train, but got a model that was not compiled.`,
  trainingFailed: (call: string, what: string, error: string) => `Expected ${call} to train (${what}), but got an error: ${error}.`,
  stoppedEarly: (samples: number) => `Training stopped after ${num(samples)} samples: the grader's budget of work for a model this heavy (twice the work of training the notes' model this check asks for, and at most 4 times the notes' deep CNN).`,
  accuracyOk: (o: Learning) => `${o.call} reached a test accuracy of ${dec(o.got, 3)} (the reference: ${dec(o.reference, 3)}) after ${o.what}.`,
  accuracyLow: (o: Learning & { percent: number }) =>
    `Expected ${o.call} to reach a test accuracy of at least ${dec(o.want, 3)} (${o.percent}% of the reference's ${dec(o.reference, 3)} after the same training: ${o.what}), but got ${dec(o.got, 3)}.`,
  mseOk: (o: { call: string; got: number; want: number; what: string; start: number }) =>
    `${o.call} reached a training mean squared error of ${dec(o.got, 4)} (at most ${dec(o.want, 2)} wanted) after ${o.what}${o.start > 1 ? `, from its starting draw ${o.start}` : ''}.`,
  mseHigh: (o: { call: string; got: number; want: number; what: string; starts: number; constant: number }) =>
    `Expected ${o.call} to reach a training mean squared error of at most ${dec(o.want, 2)} (a constant prediction gives ${dec(o.constant, 2)}) from at least one of ${o.starts} starting draws (each: ${o.what}), but got ${dec(o.got, 4)} at best.`,
  nothingTrainable: (call: string) => `Expected ${call} to have weights training can change, but got a model whose every layer with weights is frozen (trainable: false).`,
  unseeded: (call: string, layer: string, option: string) =>
    `Expected ${call} to train reproducibly, but got ${layer} with ${option} above 0: TensorFlow.js draws that mask with no seed (the notes' model has none).`,
  causes: (items: readonly string[]) => ` Visible in the model: ${items.join('; ')}.`,
  causeFrozen: (layers: readonly string[]) => `${list(layers)} ${layers.length > 1 ? 'are' : 'is'} frozen (trainable: false), so training never changes ${layers.length > 1 ? 'their' : 'its'} weights`,
  causeConstantInit: (layer: string, init: string) => `the kernel initializer of ${layer} is '${init}': its units start equal and stay equal`,
  causeLearningRate: (got: number, want: number) => `the learning rate is ${String(got)}, far from the notes' ${String(want)}`,
} as const;
