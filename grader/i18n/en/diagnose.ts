import type { CasePattern, Relation } from '../../model/results.js';

type Params = Relation['params'];
type PatternValue = CasePattern['failing'][number];

const n = (x: number | undefined): number => x ?? 0;
const plural = (k: number, one: string, many: string): string => (k === 1 ? `${one}` : `${k} ${many}`);
const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));

/** "last row and last column", "first 2 rows": the borders a crop or an extension names. */
function borders(p: Params): string {
  const oneD = p.left === undefined;
  const parts = oneD
    ? [n(p.top) && plural(n(p.top), 'first item', 'first items'), n(p.bottom) && plural(n(p.bottom), 'last item', 'last items')]
    : [
        n(p.top) && plural(n(p.top), 'first row', 'first rows'),
        n(p.bottom) && plural(n(p.bottom), 'last row', 'last rows'),
        n(p.left) && plural(n(p.left), 'first column', 'first columns'),
        n(p.right) && plural(n(p.right), 'last column', 'last columns'),
      ];
  return list(parts.filter((s): s is string => Boolean(s)));
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const axisWord = (d: number, one: string, many: string, more: string, fewer: string): string =>
  `${Math.abs(d)} ${Math.abs(d) === 1 ? one : many} ${d > 0 ? more : fewer}`;

const ROUNDED: Readonly<Record<string, string>> = { down: 'rounded down', nearest: 'rounded to the nearest whole number', 'toward-zero': 'truncated toward zero', up: 'rounded up' };

/** The sentences of the relations about the call rather than its answer (an argument changed, a parameter replaced), or undefined. */
function callSentence(r: Relation): string | undefined {
  if (r.id === 'substituted') {
    const by = r.moved?.[r.path ?? ''] ?? num(n(r.params.value));
    return `Every answer of ${r.call ? `your ${r.call}` : 'yours'}, right or wrong, is what the expected formula gives with ${r.path ?? '?'} replaced by ${by}.`;
  }
  if (r.id !== 'input-mutated') return undefined;
  const arg = r.path ?? `number ${n(r.params.argument)}`;
  return `Your ${r.call ?? 'function'} changes its argument ${arg}: after the call, ${r.path ?? 'that argument'} no longer holds what was passed in.`;
}

/** The sentences of the relations between whole rows or columns (a constant per line, a right beginning), or undefined. */
function lineSentence(r: Relation, yours: string): string | undefined {
  const p = r.params;
  const line = r.id === 'column-offset' ? 'column' : 'row';
  switch (r.id) {
    case 'column-offset':
    case 'row-offset':
      return `Each ${line} of ${yours} is the expected ${line} plus a constant of its own (from ${num(n(p.min))} to ${num(n(p.max))}; ${n(p.differing)} of ${n(p.lines)} ${line}s differ).`;
    case 'right-until':
      return `The first ${plural(n(p.rows), 'row', 'rows')} of ${yours} ${n(p.rows) === 1 ? 'is' : 'are'} right; every row from row ${n(p.rows) + 1} on differs (of ${n(p.total)}).`;
    default:
      return undefined;
  }
}

/** The sentence of one relation, about `yours` (the output, or one of its fields) and `theirs`. */
function sentence(r: Relation): string {
  const yours = r.path ? `your ${r.path}` : 'your output';
  const theirs = r.path ? `the expected ${r.path}` : 'the expected output';
  const Yours = yours[0]!.toUpperCase() + yours.slice(1);
  const p = r.params;
  const called = callSentence(r) ?? lineSentence(r, yours);
  if (called) return called;
  const rounding = /^(not-)?rounded-(.+)$/.exec(r.id);
  if (rounding) {
    const how = ROUNDED[rounding[2]!] ?? rounding[2]!;
    return rounding[1] ? `${theirs[0]!.toUpperCase()}${theirs.slice(1)} equals ${yours} ${how}: ${yours} is not.` : `${Yours} equals ${theirs} ${how}.`;
  }
  switch (r.id) {
    case 'non-finite':
      return `${Yours} has ${list([n(p.nan) && `${n(p.nan)} NaN`, n(p.infinite) && `${n(p.infinite)} infinite`].filter((s): s is string => Boolean(s)))} ${n(p.nan) + n(p.infinite) === 1 ? 'value' : 'values'} out of ${n(p.total)}, where every expected value is finite.`;
    case 'transposed':
      return p.rows === p.cols
        ? `${Yours} equals ${theirs} transposed (rows and columns swapped).`
        : `${Yours} equals ${theirs} transposed (rows and columns swapped): ${n(p.cols)}x${n(p.rows)} instead of ${n(p.rows)}x${n(p.cols)}.`;
    case 'cropped':
      return `${Yours} equals ${theirs} without its ${borders(p)}.`;
    case 'extended':
      return `${Yours} equals ${theirs} with one more border: ${theirs} is ${yours} without its ${borders(p)}.`;
    case 'negated':
      return `${Yours} equals ${theirs} with every sign flipped.`;
    case 'reversed':
      return p.axis === 0 ? `${Yours} equals ${theirs} in reverse order (last row first).` : p.axis === 1 ? `${Yours} equals ${theirs} with each row reversed.` : `${Yours} equals ${theirs} rotated by 180 degrees (rows and columns reversed).`;
    case 'shifted': {
      const moves = [n(p.rows) && `${Math.abs(n(p.rows))} ${Math.abs(n(p.rows)) === 1 ? 'row' : 'rows'} ${n(p.rows) > 0 ? 'down' : 'up'}`, n(p.cols) && `${Math.abs(n(p.cols))} ${Math.abs(n(p.cols)) === 1 ? 'column' : 'columns'} ${n(p.cols) > 0 ? 'right' : 'left'}`];
      return `${Yours} equals ${theirs} moved ${list(moves.filter((s): s is string => Boolean(s)))}, wherever the two overlap.`;
    }
    case 'scaled':
      return `${Yours} equals ${theirs} times ${p.denominator !== undefined ? `${num(n(p.numerator))}/${num(n(p.denominator))} (${num(n(p.factor))})` : num(n(p.factor))}.`;
    case 'offset':
      return `Every value of ${yours} is the expected one ${n(p.offset) > 0 ? 'plus' : 'minus'} ${num(Math.abs(n(p.offset)))}.`;
    case 'affine':
      return `${Yours} equals ${theirs} times ${num(n(p.factor))}, ${n(p.offset) > 0 ? 'plus' : 'minus'} ${num(Math.abs(n(p.offset)))}: the same values on another scale.`;
    case 'absolute':
      return `${Yours} equals the absolute value of ${theirs}: its negative values came out positive.`;
    case 'squared':
      return `${Yours} equals ${theirs} squared.`;
    case 'square-rooted':
      return `${Yours} equals the square root of ${theirs}.`;
    case 'off-by-one':
      return `Every value of ${yours} that differs is one ${!n(p.below) ? 'more' : !n(p.above) ? 'less' : 'more or one less'} than expected (${list([n(p.above) && `${n(p.above)} one more`, n(p.below) && `${n(p.below)} one less`].filter((s): s is string => Boolean(s)))}, out of ${n(p.total)}).`;
    case 'permuted':
      return r.moved
        ? `${Yours} holds the expected values in other fields: ${list(Object.entries(r.moved).map(([mine, from]) => `your ${mine} is the expected ${from}`))}.`
        : `${Yours} holds the same values as ${theirs}, in another order.`;
    case 'reshaped':
      return `${Yours} holds the values of ${theirs} in the same order, but with ${n(p.rank)} ${n(p.rank) === 1 ? 'dimension' : 'dimensions'} instead of ${n(p.expectedRank)}.`;
    case 'shape-differs': {
      const axes = [n(p.rows) && axisWord(n(p.rows), p.cols === undefined ? 'item' : 'row', p.cols === undefined ? 'items' : 'rows', 'more', 'fewer'), n(p.cols) && axisWord(n(p.cols), 'column', 'columns', 'more', 'fewer')];
      return `${Yours} has ${list(axes.filter((s): s is string => Boolean(s)))} than expected, and is not ${theirs} cropped or extended.`;
    }
    default:
      return `${Yours} relates to ${theirs} as "${r.id}".`;
  }
}

function value(v: PatternValue): string {
  if (v === null) return 'not given';
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** Which cases fail by a feature of their parameters (two equal), or undefined for another pattern. */
function derivedCases(p: CasePattern): string | undefined {
  const failsWhen = p.failing[0] === true;
  if (p.by === 'equal') {
    const [bad, good] = failsWhen ? ['equals', 'differ'] : ['differs from', 'are equal'];
    return `Every case where ${p.name} ${bad} ${p.with ?? '?'} fails; every case where they ${good} passes.`;
  }
  return undefined;
}

/** What the grader observed on a failed check, beyond the catalogue's mistakes. */
export const diagnose = {
  relation: (r: Relation) =>
    (r.scope === 'shown' ? 'In the case shown: ' : r.scope === 'some' ? `In ${n(r.showing)} of the ${r.failing} failing cases${r.sameParams ? '' : ' (by amounts that vary; the first case\'s shown)'}: ` : r.failing > 1 ? `In every failing case${r.sameParams ? '' : ' (by amounts that vary; the first case\'s shown)'}: ` : '') + sentence(r),
  cases: (p: CasePattern) =>
    derivedCases(p) ??
    (p.by === 'function'
      ? p.failing.length === 1
        ? `Only ${String(p.failing[0])} is wrong: every call of ${String(p.failing[0])} fails, every call of ${p.passing.map(String).join(', ')} passes.`
        : `Every call of ${p.failing.map(String).join(', ')} fails; every call of ${p.passing.map(String).join(', ')} passes.`
      : p.failing.length === 1
        ? `Only the cases with ${p.name} = ${value(p.failing[0]!)} fail; every case with ${p.name} = ${p.passing.map(value).join(' or ')} passes.`
        : `Every case with ${p.name} = ${p.failing.map(value).join(' or ')} fails; every case with ${p.name} = ${p.passing.map(value).join(' or ')} passes.`),
  observed: 'What the grader sees',
  alsoMistake: 'And at the same time',
  mistake: (title: string) => `Mistake: ${title}`,
  hint: (hint: string) => `Hint: ${hint}`,
  at: 'at',
  report: (url: string) => `Report: ${url}`,
  readMore: (url: string) => `More in the report: ${url}`,
  failHeading: 'FAIL',
} as const;
