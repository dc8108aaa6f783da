import type { Messages } from '../../grader/i18n/types.js';
import type { Lang } from '../../grader/model/localized.js';
import type { Tolerance } from '../../grader/model/manifest.js';
import { observations } from '../../grader/diagnose/describe.js';
import { messages } from '../../grader/i18n/index.js';
import type { CheckResult, Diagnosis, Mismatch } from '../../grader/model/results.js';
import { evidenceView } from './evidence.js';
import { percentText } from './format.js';
import { formatScore } from '../../grader/i18n/score.js';
import { stackView } from './stack.js';
import type { CheckView, DiagnosisView, MismatchView, StatusView } from './types.js';
import { formatExact, formatNumber, numeric } from './values.js';

/** Errors read at a glance; the two values themselves stay exact. */
const formatError = (v: number | string, decimal: string): string => formatNumber(numeric(v) ?? NaN, decimal);

const SYMBOLS: Readonly<Record<CheckResult['status'], string>> = { passed: '✓', failed: '✗', error: '⚠', timeout: '◷', skipped: '⤼' };

export function checkStatusView(labels: Messages['report'], status: CheckResult['status']): StatusView {
  return { key: status, word: labels.checkStatus[status], symbol: SYMBOLS[status] };
}

function mismatchView(lang: Lang, labels: Messages['report'], m: Mismatch): MismatchView {
  const field = m.path ? [{ label: labels.outputField, value: m.path }] : [];
  switch (m.kind) {
    case 'type':
      return { kind: 'type', title: labels.typeMismatch, rows: [...field, { label: labels.expected, value: messages(lang).compare.value(m.expected) }, { label: labels.got, value: messages(lang).compare.value(m.got) }] };
    case 'shape':
      return {
        kind: 'shape',
        title: labels.shapeMismatch,
        note: labels.shapeMismatchNote,
        rows: [...field, { label: labels.expected, value: labels.shape(m.expected) }, { label: labels.got, value: labels.shape(m.got) }],
      };
    case 'values':
      return {
        kind: 'values',
        title: labels.details,
        rows: [
          ...field,
          { label: labels.firstIndex, value: labels.index(m.index) },
          { label: labels.expected, value: formatExact(m.expected, labels.decimal) },
          { label: labels.got, value: formatExact(m.got, labels.decimal) },
          { label: labels.maxAbsError, value: formatError(m.maxAbsError, labels.decimal) },
          { label: labels.maxRelError, value: formatError(m.maxRelError, labels.decimal) },
          { label: labels.differing, value: labels.differingValue(m.mismatched, m.total, percentText(lang, labels, m.mismatched, m.total)) },
        ],
      };
  }
}

export interface CheckViewOptions {
  readonly lang: Lang;
  readonly labels: Messages['report'];
  readonly anchor: string;
  /** False when the exercise's problem already tells why every check failed. */
  readonly showMessage: boolean;
  readonly tolerance?: Tolerance;
}

/** One check as the report shows it: status, message, diagnosis, and where and why it failed. */
export function checkView(c: CheckResult, o: CheckViewOptions): CheckView {
  const { labels } = o;
  const base = {
    anchor: o.anchor,
    title: c.title,
    id: c.id,
    status: checkStatusView(labels, c.status),
    points: labels.points(formatScore(c.score, o.lang), formatScore(c.maxScore, o.lang)),
    hidden: c.visibility === 'hidden',
    hiddenNote: c.visibility === 'hidden' && c.status !== 'passed',
    ...(o.showMessage && c.message ? { message: c.message } : {}),
  };
  switch (c.status) {
    case 'passed':
      return base;
    case 'failed': {
      const named = (m: Diagnosis, i = 0): DiagnosisView => ({ anchor: `${o.anchor}-dx${i || ''}`, id: m.id, heading: labels.diagnosisTitle(m.title), title: m.title, explanation: m.explanation, hint: m.hint });
      const diagnosis = c.mistake ? named(c.mistake) : c.diagnosis ? { anchor: `${o.anchor}-dx`, id: c.diagnosis, heading: labels.diagnosis } : undefined;
      const seen = observations(c, messages(o.lang));
      return {
        ...base,
        ...(diagnosis ? { diagnosis } : {}),
        ...(c.alsoMistakes?.length ? { alsoMistakes: c.alsoMistakes.map((m, i) => named(m, i + 1)) } : {}),
        ...(seen.length > 0 ? { observations: { heading: messages(o.lang).diagnose.observed, lines: seen } } : {}),
        ...(c.mismatch ? { mismatch: mismatchView(o.lang, labels, c.mismatch) } : {}),
        ...(c.evidence
          ? { evidence: evidenceView({ labels, evidence: c.evidence, ...(c.mismatch ? { mismatch: c.mismatch } : {}), ...(o.tolerance ? { tolerance: o.tolerance } : {}) }) }
          : {}),
      };
    }
    case 'error': {
      const stack = o.showMessage ? stackView(c.stack) : undefined;
      return { ...base, ...(stack ? { stack } : {}) };
    }
    case 'timeout':
      return { ...base, note: labels.timeoutNote(c.limitMs) };
    case 'skipped':
      return base;
  }
}
