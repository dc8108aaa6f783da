import { describe, expect, it } from 'vitest';
import { failureMessage, hiddenFailureMessage } from '../kit/faults.js';
import type { Lang } from '../model/localized.js';
import type { Mismatch, ValueKind } from '../model/results.js';
import { PROTOCOL_PROBLEMS, type SandboxFailure } from '../sandbox/session.js';
import { messages } from './index.js';

/**
 * Words that are English and not French: one of them in a French message means English prose
 * reached it (a detail built in English, a fallback, a case name...). Words both languages use
 * (on, a, but, code, signal, message, type, score...) are left out.
 */
const ENGLISH = /\b(the|expected|got|with|nothing|that|name|array|numbers?|error|exit|field|answer|child|nobody|asked|unknown|does|is|are|was|which|where|others|items|first|has|entry|should|could|would|missing|found|memory|output|passed|failed|hidden|of|to|and|from|for|string|object|function|ragged|typed|boolean|sent|closed|ready)\b/i;

const englishIn = (text: string): string | undefined => ENGLISH.exec(text)?.[0];

/** One failure of each kind, each protocol problem, and a crash by signal and by exit code. */
const FAILURES: readonly SandboxFailure[] = [
  { kind: 'timeout', limitMs: 3000 },
  { kind: 'grader-time', limitMs: 30000 },
  { kind: 'output-limit', limitBytes: 1024 },
  { kind: 'print-limit', limitBytes: 1024 },
  { kind: 'memory', limitMb: 512 },
  { kind: 'processes', limit: 64 },
  { kind: 'crash', code: 3, signal: null, stderr: '' },
  { kind: 'crash', code: null, signal: 'SIGKILL', stderr: '' },
  { kind: 'crash', code: null, signal: null, stderr: '' },
  ...PROTOCOL_PROBLEMS.map((problem): SandboxFailure => ({ kind: 'protocol', problem })),
  { kind: 'load-error', name: 'TypeError', message: 'x', stack: '' },
  { kind: 'patched', changes: ['Math.abs'] },
];

/** One value kind of each form, and every leaf. */
const VALUES: readonly ValueKind[] = [
  { kind: 'number' },
  { kind: 'numbers', shape: [2, 3] },
  { kind: 'record', keys: ['X', 'Y'] },
  { kind: 'field', key: 'Y' },
  { kind: 'no-field' },
  ...(['undefined', 'null', 'function', 'model', 'tensor', 'typed', 'array', 'object'] as const).map((type): ValueKind => ({ kind: 'leaf', leaf: { type } })),
  { kind: 'leaf', leaf: { type: 'string', value: 'x' } },
  { kind: 'leaf', leaf: { type: 'boolean', value: true } },
  { kind: 'entry', index: [1, 0], entry: { type: 'number-among-arrays' } },
  { kind: 'entry', index: [1], entry: { type: 'array-among-numbers' } },
  { kind: 'entry', index: [0, 1], entry: { type: 'string', value: 'x' } },
  { kind: 'ragged', index: [1], items: 1, first: 2 },
];

const MISMATCHES: readonly Mismatch[] = [
  ...VALUES.map((got): Mismatch => ({ kind: 'type', expected: { kind: 'numbers', shape: [2, 2] }, got, path: 'Y' })),
  { kind: 'shape', expected: [2, 2], got: [2, 3] },
  { kind: 'values', index: [0, 1], expected: 1, got: 2, maxAbsError: 1, maxRelError: 1, mismatched: 2, total: 4 },
];

/** Every message the codes above render to, in one language. */
function rendered(lang: Lang): string[] {
  const t = messages(lang);
  return [
    ...FAILURES.flatMap((f) => [failureMessage(t, f, 'rnn.ts'), hiddenFailureMessage(t, f, 'rnn.ts')]),
    ...VALUES.map((v) => t.compare.value(v)),
    ...MISMATCHES.map((m) => t.compare.mismatch(m)),
    t.grading.hiddenError('rnn.ts', t.grading.hiddenFault.threw),
  ];
}

/** Every string of a catalogue, and what each function makes of plain arguments (those that take objects are skipped). */
function catalogueTexts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    try {
      const out = (node as (...a: unknown[]) => unknown)(...Array.from({ length: node.length }, () => 'X'));
      return typeof out === 'string' ? [[path, out]] : [];
    } catch {
      return [];
    }
  }
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => catalogueTexts(v, `${path}.${k}`));
  return [];
}

describe('messages are codes and parameters, worded in grader/i18n', () => {
  it('renders every failure, protocol problem and value kind in both languages, differently', () => {
    const [en, fr] = [rendered('en'), rendered('fr')];
    expect(en).toHaveLength(fr.length);
    // JavaScript's own words (undefined, null) read the same in both.
    expect(fr.filter((text, i) => text === en[i] && !/^(undefined|null)$/.test(text))).toEqual([]);
  });

  it('puts no English word in a French message rendered from a code', () => {
    expect(rendered('fr').filter((text) => englishIn(text)).map((text) => `${englishIn(text)}: ${text}`)).toEqual([]);
  });

  it('has no English word in the French catalogue', () => {
    const found = catalogueTexts(messages('fr')).filter(([, text]) => englishIn(text));
    expect(found.map(([path, text]) => `${path} (${englishIn(text)}): ${text}`)).toEqual([]);
  });

  it('would catch English prose inside a French message', () => {
    expect(englishIn(messages('fr').grading.crashSignal('SIGKILL'))).toBeUndefined();
    expect(englishIn(`Le processus devait continuer (exit code 3).`)).toBe('exit');
    expect(englishIn(`${messages('fr').grading.hiddenError('rnn.ts', 'an error')}`)).toBe('error');
  });
});
