import type { SimilarityFragment } from '../../grader/model/similarity.js';

/** A run of one line's text, in a fragment (its number, from 1) or not. */
export interface Segment {
  readonly text: string;
  readonly fragment?: number;
}

export interface HighlightedLine {
  /** From 1, as editors count. */
  readonly number: number;
  readonly segments: readonly Segment[];
}

type Span = SimilarityFragment['left'];

/**
 * Cuts a file into lines and each line into runs inside or outside the given spans (0-based
 * rows and columns; span k is fragment k + 1; where spans overlap the first one wins). Text
 * only: the template escapes it and draws the marks.
 */
export function highlight(text: string, spans: readonly Span[]): HighlightedLine[] {
  return text.split('\n').map((raw, row) => {
    const line = raw.replace(/\r$/, '');
    const owner = new Array<number>(line.length).fill(0);
    spans.forEach((s, k) => {
      if (row < s.startRow || row > s.endRow) return;
      const from = row === s.startRow ? s.startCol : 0;
      const to = row === s.endRow ? Math.min(s.endCol, line.length) : line.length;
      for (let c = from; c < to; c++) if (owner[c] === 0) owner[c] = k + 1;
    });
    const segments: Segment[] = [];
    let start = 0;
    for (let c = 1; c <= line.length; c++) {
      if (c < line.length && owner[c] === owner[start]) continue;
      const fragment = owner[start]!;
      segments.push(fragment ? { text: line.slice(start, c), fragment } : { text: line.slice(start, c) });
      start = c;
    }
    return { number: row + 1, segments };
  });
}
