import { describe, expect, it } from 'vitest';
import type { SimilarityReport } from '../../grader/model/similarity.js';
import { similaritySection } from './similarity-section.js';

const report: SimilarityReport = {
  schemaVersion: 1,
  grader: { name: 'neurograde', version: '0.0.0' },
  engine: { name: '@dodona/dolos-lib', version: '3.5.1', kgramLength: 23, kgramsInWindow: 17 },
  threshold: 0.725,
  commonFraction: 0.5,
  submissions: ['alice', 'bob'],
  files: [],
  skipped: [],
  pairCount: 1,
  pairs: [{ left: 'alice', right: 'bob', similarity: 0.875, longest: 40, longestFile: 'pooling.ts', flagged: true, files: [] }],
  clusters: [{ members: ['alice', 'bob'], similarity: 0.875 }],
  histogram: [{ from: 0.8, to: 0.9, count: 1 }],
};

describe('similaritySection', () => {
  // The class page once printed "87.5%" on a French page: a dot for a decimal comma, no space before %.
  it.each([
    { lang: 'en' as const, pair: '87.5%', threshold: /72\.5%/, bar: '80–90%' },
    { lang: 'fr' as const, pair: '87,5 %', threshold: /72,5 %/, bar: '80–90 %' },
  ])('writes percentages the $lang way', ({ lang, pair, threshold, bar }) => {
    const view = similaritySection(report, lang);
    expect(view.pairs[0]!.similarity).toBe(pair);
    expect(view.clusters[0]!.similarity).toBe(pair);
    expect(view.intro).toMatch(threshold);
    expect(view.histogram.bars[0]!.label).toBe(bar);
  });
});
