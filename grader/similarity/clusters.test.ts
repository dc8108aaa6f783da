import { describe, expect, it } from 'vitest';
import type { SimilarityPair } from '../model/similarity.js';
import { clustersOf } from './clusters.js';

const pair = (left: string, right: string, similarity: number): SimilarityPair => ({ left, right, similarity, longest: 1, longestFile: null, flagged: true, files: [] });

describe('clustersOf', () => {
  it('joins students linked through one another, highest similarity first', () => {
    expect(clustersOf([pair('c', 'b', 0.5), pair('a', 'b', 0.7), pair('x', 'y', 0.9), pair('d', 'c', 0.45)])).toEqual([
      { members: ['x', 'y'], similarity: 0.9 },
      { members: ['a', 'b', 'c', 'd'], similarity: 0.7 },
    ]);
  });

  it('has no cluster without a flagged pair', () => {
    expect(clustersOf([])).toEqual([]);
  });
});
