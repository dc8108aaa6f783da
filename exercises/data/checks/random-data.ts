import { casesCheck, call, named } from 'neurograde/kit';

/** Seeded random images (not all reaching 255) and label lists. */
export const randomData = casesCheck({
  id: 'random-data',
  title: { fr: 'Images et étiquettes tirées au hasard', en: 'Random images and labels' },
  cases: (rng) => [
    ...Array.from({ length: 4 }, (_, i) => {
      const pixels = rng.intMatrix(rng.int(1, 12), rng.int(1, 12), 0, rng.pick([255, 254, 180]));
      return { ...named({ en: `image #${i}`, fr: `image n° ${i}` }), steps: [call('normalize', pixels)], input: { pixels } };
    }),
    ...Array.from({ length: 4 }, (_, i) => {
      const labels = rng.intMatrix(1, rng.int(1, 30), 0, rng.int(1, 12))[0]!;
      return { ...named({ en: `labels #${i}`, fr: `étiquettes n° ${i}` }), steps: [call('toCategorical', labels)], input: { labels } };
    }),
  ],
});
