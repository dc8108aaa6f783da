import { describe, expect, it } from 'vitest';
import type { SimilarityPair } from '../grader/model/similarity.js';
import { similarityPairHtml } from './similarity-pair.js';
import { highlight } from './view/highlight.js';

describe('highlight', () => {
  it('cuts lines into runs inside and outside fragments, across lines, the first fragment winning', () => {
    const lines = highlight('const a = 1;\nlet b = a + 2;\nreturn b;', [
      { startRow: 0, startCol: 6, endRow: 1, endCol: 5 },
      { startRow: 1, startCol: 0, endRow: 1, endCol: 9 },
    ]);
    expect(lines.map((l) => l.segments)).toEqual([
      [{ text: 'const ' }, { text: 'a = 1;', fragment: 1 }],
      [{ text: 'let b', fragment: 1 }, { text: ' = a', fragment: 2 }, { text: ' + 2;' }],
      [{ text: 'return b;' }],
    ]);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3]);
  });

  it('keeps an empty line and a span past the end of a line within it', () => {
    expect(highlight('x\n\ny', [{ startRow: 0, startCol: 0, endRow: 0, endCol: 99 }]).map((l) => l.segments)).toEqual([[{ text: 'x', fragment: 1 }], [], [{ text: 'y' }]]);
  });
});

describe('the page of a flagged pair', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const pair: SimilarityPair = {
    left: `${evil}&co`,
    right: 'bob"</title><script>',
    similarity: 0.8,
    longest: 12,
    longestFile: 'convolution.ts',
    flagged: true,
    page: 'similarity/pair-1.html',
    files: [
      {
        file: 'convolution.ts',
        similarity: 0.8,
        longest: 12,
        leftCovered: 8,
        rightCovered: 8,
        leftTotal: 10,
        rightTotal: 10,
        fragments: [{ left: { startRow: 0, startCol: 0, endRow: 0, endCol: 20 }, right: { startRow: 1, startCol: 0, endRow: 1, endCol: 20 }, kgrams: 12 }],
      },
    ],
  };
  const text = (name: string): string => (name === pair.left ? `const s = '</pre><script>alert(1)</script>';\n` : `// mine\nconst s = "${evil}";\n`);
  const html = similarityPairHtml.compile()({ pair, threshold: 0.4, text }, { lang: 'en', exercises: [] });

  it('escapes student names and code everywhere, and has no script', () => {
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&amp;co');
    expect(html).toContain('&lt;/pre&gt;&lt;sc</mark>ript&gt;alert(1)&lt;/script&gt;');
  });

  it('marks fragment 1 on both sides with the same tint', () => {
    expect(html.match(/<mark class="t0" title="fragment 1">/g)).toHaveLength(2);
    expect(html).toContain('Similarity 80% (flagged from 40%).');
    expect(html).toMatch(/lines? 1\b/);
  });

  it('is in French when asked', () => {
    expect(similarityPairHtml.compile()({ pair, threshold: 0.4, text }, { lang: 'fr', exercises: [] })).toContain('Similarité 80 % (signalée à partir de 40 %).');
  });
});
