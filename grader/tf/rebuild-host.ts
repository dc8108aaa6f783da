/**
 * The process where a student's model is first rebuilt (see `createModelGuard`): TensorFlow.js
 * on the grader's backend, under a CPU budget and a memory cap. A model that takes too long or
 * too much here is refused before the grader rebuilds it. Started with the tsx loader; exits
 * with its parent.
 */
import type * as TF from '@tensorflow/tfjs';
import { serveHelper } from '../io/helper-process.js';
import { initBackend, isBackendFault } from './backend.js';
import type { RebuildReply, RebuildRequest } from './rebuild-guard.js';

const { tf } = await initBackend();

const rebuild = async (topology: unknown): Promise<void> => {
  const model = await tf.models.modelFromJSON({ modelTopology: topology as TF.io.ModelJSON['modelTopology'] });
  model.dispose();
};

// The layers' code compiled before the grader is told the process is ready: a trial's budget counts the model's own work.
const warm = [
  tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 2 }), tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 2 })] }),
  tf.sequential({ layers: [tf.layers.simpleRNN({ inputShape: [3, 1], units: 2, returnSequences: true }), tf.layers.lstm({ units: 2 })] }),
];
for (const model of warm) {
  await rebuild(model.toJSON(null, false));
  model.dispose();
}

serveHelper<RebuildRequest, RebuildReply>(async ({ topology }) => {
  try {
    await rebuild(topology);
    return { kind: 'built' };
  } catch (e) {
    return { kind: isBackendFault(e) ? 'fault' : 'threw' };
  }
});
