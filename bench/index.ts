// `npm run bench [-- name...]`: speed and memory targets live here, never in timed tests.
// Each benchmark prints its own medians and p95; this runner only picks and orders them.
const BENCHES: Readonly<Record<string, () => Promise<void>>> = {
  startup: async () => (await import('./startup.js')).benchStartup(),
  'models-class': async () => (await import('./models-class.js')).benchModelsClass(),
  sandbox: async () => (await import('./sandbox.js')).benchSandbox(),
  batch: async () => (await import('./batch.js')).benchBatch(),
  'convolution-image-pooling': async () => (await import('./convolution-image-pooling.js')).benchConvolutionImagePooling(),
  'rnn-sequences-data': async () => (await import('./rnn-sequences-data.js')).benchRnnSequencesData(),
  report: async () => (await import('./report.js')).benchReport(),
  similarity: async () => (await import('./similarity.js')).benchSimilarity(),
  'models-exercise': async () => (await import('./models-exercise.js')).benchModelsExercise(),
  models: async () => (await import('./models.js')).benchModels(),
  'models-hostile': async () => (await import('./models-hostile.js')).benchModelsHostile(),
  'models-learning': async () => (await import('./models-learning.js')).benchModelsLearning(),
};

const asked = process.argv.slice(2);
const unknown = asked.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  console.log(`\n=== ${name} ===`);
  await BENCHES[name]!();
}
