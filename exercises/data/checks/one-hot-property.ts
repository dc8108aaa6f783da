import fc from 'fast-check';
import { propertyCheck, call } from 'neurograde/kit';

const arbitrary = fc.record({
  labels: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }),
  // How many classes past max + 1 to ask for; null: let toCategorical infer them.
  extra: fc.option(fc.integer({ min: 0, max: 3 })),
});

/** Any short list of labels, with the class count inferred or given. */
export const oneHotProperty = propertyCheck({
  id: 'one-hot-property',
  title: { fr: 'toCategorical pour toute liste d\u2019étiquettes', en: 'toCategorical for any list of labels' },
  arbitrary,
  numRuns: 40,
  toCase: ({ labels, extra }) => {
    if (extra === null) return { steps: [call('toCategorical', labels)], input: { labels } };
    const numClasses = Math.max(...labels) + 1 + extra;
    return { steps: [call('toCategorical', labels, numClasses)], input: { labels, numClasses } };
  },
});
