import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { messages } from '../grader/i18n/index.js';
import type { SimilarityFragment, SimilarityPair } from '../grader/model/similarity.js';
import type { ReportContext } from './types.js';
import { highlight } from './view/highlight.js';

/** What a pair's page is drawn from. */
export interface PairPageInput {
  readonly pair: SimilarityPair;
  readonly threshold: number;
  /** The text of a student's file, '' when they did not submit it. */
  readonly text: (name: string, file: string) => string;
}

const pct = (x: number): string => String(Math.round(x * 1000) / 10);
/** Six tints, cycled: fragment k has the same tint on both sides. */
const TINTS = 6;

function view(input: PairPageInput, ctx: ReportContext) {
  const t = messages(ctx.lang).similarity.page;
  const { pair } = input;
  return {
    t,
    lang: ctx.lang,
    title: t.title(pair.left, pair.right),
    summary: t.summary(pct(pair.similarity), pct(input.threshold)),
    left: pair.left,
    right: pair.right,
    files: pair.files.map((f) => {
      const fragments = f.fragments ?? [];
      const side = (name: string, spans: ReadonlyArray<SimilarityFragment['left']>) =>
        highlight(input.text(name, f.file), spans).map((l) => ({
          number: l.number,
          segments: l.segments.map((s) => ({ text: s.text, fragment: s.fragment, tint: s.fragment ? `t${(s.fragment - 1) % TINTS}` : undefined, title: s.fragment ? t.fragment(s.fragment) : undefined })),
        }));
      return {
        file: f.file,
        summary: t.fileSummary(pct(f.similarity), f.longest),
        fragments: fragments.map((g, k) => ({
          label: t.fragment(k + 1),
          tint: `t${k % TINTS}`,
          left: t.lines(g.left.startRow + 1, g.left.endRow + 1),
          right: t.lines(g.right.startRow + 1, g.right.endRow + 1),
          kgrams: g.kgrams,
        })),
        leftLines: side(pair.left, fragments.map((g) => g.left)),
        rightLines: side(pair.right, fragments.map((g) => g.right)),
      };
    }),
  };
}

const TEMPLATE = join(PACKAGE_ROOT, 'reports', 'templates', 'similarity-pair.hbs');

/**
 * The page of one flagged pair (`similarity/pair-N.html`): each exercise file of the two
 * students side by side, the fragments Dolos matched highlighted with the same number and tint
 * on both sides. Self-contained (inline CSS, no script); names and code only through `{{ }}`.
 * `compile` once per run, then render every flagged pair with it.
 */
export const similarityPairHtml = {
  name: 'similarity-pair',
  compile(): (input: PairPageInput, ctx: ReportContext) => string {
    // On its own Handlebars instance, so no helper or partial leaks from another reporter.
    const template = Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { preventIndent: true });
    return (input, ctx) => template(view(input, ctx));
  },
};
