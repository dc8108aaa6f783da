import { close } from '../../grader/compare/compare.js';
import type { Messages } from '../../grader/i18n/types.js';
import type { Tolerance } from '../../grader/model/manifest.js';
import type { Evidence, Mismatch } from '../../grader/model/results.js';
import type { Grid } from '../pictures/matrix.js';
import { outputFigures, type InputPicture } from './figures.js';
import { fitsTable, tableView } from './tables.js';
import type { EvidenceView, NamedValueView, OutputView, RecordView, TableView } from './types.js';
import { atPath, formatExact, formatNumber, gridLike, isRecord, numeric, preview, toGrid, toRgb, toVector } from './values.js';

/** Vectors up to this length are shown as one-row tables. */
const VECTOR_MAX = 24;
const TEXT_MAX = 600;
/** Inputs this short in JSON (e.g. `{ stride: 2, padding: 1 }`) sit on one line with the numbers. */
const SHORT_MAX = 80;

export interface EvidenceOptions {
  readonly labels: Messages['report'];
  readonly evidence: Evidence;
  readonly mismatch?: Mismatch;
  /** The exercise's tolerance, to mark the entries that differ. @default exact equality */
  readonly tolerance?: Tolerance;
}

const EXACT: Tolerance = { atol: 0, rtol: 0 };

function text(labels: Messages['report'], v: unknown): string {
  const p = preview(v, TEXT_MAX);
  return p.more > 0 ? p.text + labels.truncated(p.more) : p.text;
}

const row = (v: Float64Array): Grid => ({ rows: 1, cols: v.length, data: v });

function inputValue(labels: Messages['report'], name: string, v: unknown): NamedValueView {
  const g = toGrid(v);
  if (g) {
    const shape = labels.shape([g.rows, g.cols]);
    return fitsTable(g)
      ? { name, value: { table: tableView(g, { caption: labels.tableCaption(name, shape), labels }) } }
      : { name, value: { text: labels.arraySummary(shape) } };
  }
  const rgb = toRgb(v);
  if (rgb) return { name, value: { text: labels.arraySummary(labels.shape([rgb.rows, rgb.cols, 3])) } };
  const vec = toVector(v);
  if (vec && vec.length <= VECTOR_MAX) {
    return { name, value: { table: tableView(row(vec), { caption: labels.tableCaption(name, labels.shape([vec.length])), labels }) } };
  }
  return { name, value: { text: text(labels, v) } };
}

/** The input worth a picture: the largest 2-D array, or an RGB image. */
function mainInput(input: unknown): InputPicture | undefined {
  const values = isRecord(input) ? Object.values(input) : input === undefined ? [] : [input];
  let best: InputPicture | undefined;
  let area = 1;
  for (const v of values) {
    const g = toGrid(v);
    if (g && g.rows * g.cols > area) [best, area] = [{ kind: 'grey', grid: g }, g.rows * g.cols];
    const rgb = g ? undefined : toRgb(v);
    if (rgb && rgb.rows * rgb.cols > area) [best, area] = [{ kind: 'rgb', image: rgb }, rgb.rows * rgb.cols];
  }
  return best;
}

const scalar = (v: unknown): boolean => v === null || ['number', 'string', 'boolean'].includes(typeof v);

/** A number as a table shows it, anything else as JSON. */
function showScalar(v: unknown, decimal: string): string {
  const n = numeric(v);
  return n !== undefined ? formatNumber(n, decimal) : v === undefined ? 'undefined' : (JSON.stringify(v) ?? String(v));
}

function recordView(want: Record<string, unknown>, got: unknown, tol: Tolerance, decimal: string): RecordView {
  const g = isRecord(got) ? got : {};
  const show = (v: unknown): string => showScalar(v, decimal);
  return {
    rows: Object.keys(want).map((field) => {
      const w = want[field];
      const x = g[field];
      const [nw, nx] = [numeric(w), numeric(x)];
      const same = nw !== undefined && nx !== undefined ? close(nw, nx, tol) : Object.hasOwn(g, field) && JSON.stringify(w) === JSON.stringify(x);
      return { field, expected: show(w), got: Object.hasOwn(g, field) ? show(x) : '—', bad: !same };
    }),
  };
}

const emptyOutput = { figures: [], legends: [], pictureNotes: [], tables: [], texts: [] } as const;

function outputView(o: EvidenceOptions): OutputView {
  const { labels, evidence } = o;
  const tol = o.tolerance ?? EXACT;
  const path = o.mismatch?.path;
  const field = path ? { field: path } : {};
  if (isRecord(evidence.expected) && Object.keys(evidence.expected).length > 0 && Object.values(evidence.expected).every(scalar)) {
    return { ...emptyOutput, record: recordView(evidence.expected, evidence.got, tol, labels.decimal) };
  }
  const want = atPath(evidence.expected, path);
  const got = atPath(evidence.got, path);
  const texts = [
    { label: labels.expected, text: text(labels, want) },
    { label: labels.got, text: text(labels, got) },
  ];
  const wantGrid = toGrid(want);
  if (wantGrid) {
    const gotGrid = gridLike(got, wantGrid);
    const same = gotGrid !== undefined && gotGrid.rows === wantGrid.rows && gotGrid.cols === wantGrid.cols;
    const bad = same ? Array.from(wantGrid.data, (w, i) => !close(w, gotGrid.data[i]!, tol)) : undefined;
    const pics = outputFigures({ labels, expected: wantGrid, ...(gotGrid ? { got: gotGrid } : {}), ...(bad ? { bad } : {}), ...inputPicture(evidence.input) });
    const tables: TableView[] = [];
    const caption = (what: string, g: Grid): string => labels.tableCaption(what, labels.shape([g.rows, g.cols]));
    if (fitsTable(wantGrid)) tables.push(tableView(wantGrid, { caption: caption(labels.expected, wantGrid), labels }));
    if (gotGrid && fitsTable(gotGrid)) {
      tables.push(tableView(gotGrid, { caption: caption(labels.got, gotGrid), labels, ...(bad ? { bad, expected: wantGrid } : {}) }));
    }
    return { ...field, figures: pics.figures, legends: pics.legends, pictureNotes: pics.notes, tables, texts: gotGrid ? [] : texts.slice(1) };
  }
  const wantVec = toVector(want);
  if (wantVec && wantVec.length <= VECTOR_MAX) {
    const gotVec = toVector(got);
    const same = gotVec !== undefined && gotVec.length === wantVec.length;
    const bad = same ? Array.from(wantVec, (w, i) => !close(w, gotVec[i]!, tol)) : undefined;
    const tables = [tableView(row(wantVec), { caption: labels.tableCaption(labels.expected, labels.shape([wantVec.length])), labels })];
    if (gotVec && gotVec.length <= VECTOR_MAX) {
      tables.push(tableView(row(gotVec), { caption: labels.tableCaption(labels.got, labels.shape([gotVec.length])), labels, ...(bad ? { bad, expected: row(wantVec) } : {}) }));
    }
    return { ...emptyOutput, ...field, tables, texts: gotVec && gotVec.length <= VECTOR_MAX ? [] : texts.slice(1) };
  }
  return { ...emptyOutput, ...field, texts };
}

function inputPicture(input: unknown): { input?: InputPicture } {
  const p = mainInput(input);
  return p ? { input: p } : {};
}

/** What a failed public check shows of its failing case: inputs, then the output compared. */
export function evidenceView(o: EvidenceOptions): EvidenceView {
  const { labels, evidence } = o;
  const input = evidence.input;
  const named: [string, unknown][] = input === undefined ? [] : isRecord(input) ? Object.entries(input) : [[labels.inputs, input]];
  const short = (v: unknown): boolean => scalar(v) || (isRecord(v) && Object.values(v).every(scalar) && preview(v, SHORT_MAX).more === 0);
  const tol = o.tolerance;
  return {
    caseId: evidence.caseTitle ?? evidence.caseId,
    shrunk: evidence.shrunk === true,
    scalars: named.filter(([, v]) => short(v)).map(([name, v]) => ({ name, text: showScalar(v, labels.decimal) })),
    inputs: named.filter(([, v]) => !short(v)).map(([name, v]) => inputValue(labels, name, v)),
    output: outputView(o),
    ...(tol && (tol.atol > 0 || tol.rtol > 0) ? { tolerance: labels.tolerance(formatExact(tol.atol, labels.decimal), formatExact(tol.rtol, labels.decimal)) } : {}),
  };
}
