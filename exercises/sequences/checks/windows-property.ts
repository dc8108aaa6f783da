import fc from 'fast-check';
import { propertyCheck, call } from 'neurograde/kit';

const arbitrary = fc
  .array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 15 })
  .chain((series) => fc.record({ series: fc.constant(series), s: fc.integer({ min: 1, max: series.length }) }));

/** Any short series and any window length up to its size. */
export const windowsProperty = propertyCheck({
  id: 'windows-property',
  title: { fr: 'makeWindows pour toute série courte', en: 'makeWindows for any short series' },
  arbitrary,
  numRuns: 40,
  toCase: ({ series, s }) => ({ steps: [call('makeWindows', series, s)], input: { series, s } }),
});
