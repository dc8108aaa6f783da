import { casesCheck, call, named } from 'neurograde/kit';

/** Seeded random series and window lengths. */
export const randomWindows = casesCheck({
  id: 'random-windows',
  title: { fr: 'Séries tirées au hasard', en: 'Random series' },
  cases: (rng) =>
    Array.from({ length: 8 }, (_, i) => {
      const n = rng.int(2, 60);
      const s = rng.int(1, Math.min(8, n));
      const series = rng.floatMatrix(1, n, -5, 5)[0]!;
      return { ...named({ en: `#${i}: n = ${n}, s = ${s}`, fr: `n° ${i} : n = ${n}, s = ${s}` }), steps: [call('makeWindows', series, s)], input: { series, s } };
    }),
});
