import { casesCheck, call, named, type CaseName } from 'neurograde/kit';

const conv = (name: CaseName, input: object, layer: object) => ({ ...named(name), steps: [call('convOutputShape', input, layer)], input: { input, layer } });
const pool = (name: CaseName, input: object, layer: object) => ({ ...named(name), steps: [call('poolOutputShape', input, layer)], input: { input, layer } });

/** The shapes of the notes' Fashion-MNIST CNN and the usual settings the notes recommend. */
export const notesConvShapes = casesCheck({
  id: 'notes-conv-shapes',
  title: { fr: 'Formes du CNN Fashion-MNIST du cours', en: "Shapes of the notes' Fashion-MNIST CNN" },
  cases: () => [
    conv({ en: 'conv2d 28x28x1, 64 filters 3x3 -> 26x26x64', fr: 'conv2d 28x28x1, 64 filtres 3x3 -> 26x26x64' }, { W: 28, H: 28, D: 1 }, { K: 64, F: 3, S: 1, P: 0 }),
    pool({ en: 'max_pooling2d 26x26x64, 2x2 stride 2 -> 13x13x64', fr: 'max_pooling2d 26x26x64, 2x2 pas 2 -> 13x13x64' }, { W: 26, H: 26, D: 64 }, { F: 2, S: 2 }),
    conv({ en: 'F=3, P=1, S=1 keeps the size', fr: 'F=3, P=1, S=1 garde la taille' }, { W: 32, H: 24, D: 3 }, { K: 16, F: 3, S: 1, P: 1 }),
    conv({ en: 'F=5, P=2, S=1 keeps the size', fr: 'F=5, P=2, S=1 garde la taille' }, { W: 32, H: 24, D: 3 }, { K: 8, F: 5, S: 1, P: 2 }),
    conv({ en: 'same padding on the deep CNN, 28x28x20', fr: "padding 'same' dans le CNN profond, 28x28x20" }, { W: 28, H: 28, D: 20 }, { K: 20, F: 3, S: 1, P: 1 }),
    pool({ en: 'pooling keeps the depth', fr: 'le pooling garde la profondeur' }, { W: 28, H: 28, D: 20 }, { F: 2, S: 2 }),
  ],
});
