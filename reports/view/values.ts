import type { Grid, RgbGrid } from '../pictures/matrix.js';

/** A number from results.json, where NaN and infinities are kept as strings. */
export function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return undefined;
}

function numericRow(row: unknown): number[] | undefined {
  if (!Array.isArray(row)) return undefined;
  const out: number[] = [];
  for (const x of row) {
    const n = numeric(x);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** A non-empty rectangular 2-D array of numbers as a grid, or undefined. */
export function toGrid(v: unknown): Grid | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const rows = v.map(numericRow);
  const cols = rows[0]?.length ?? 0;
  if (cols === 0 || rows.some((r) => r === undefined || r.length !== cols)) return undefined;
  return { rows: rows.length, cols, data: Float64Array.from(rows.flatMap((r) => r!)) };
}

/** A non-empty 1-D array of numbers, or undefined. */
export function toVector(v: unknown): Float64Array | undefined {
  const row = numericRow(v);
  return row && row.length > 0 ? Float64Array.from(row) : undefined;
}

/** An H x W x 3 array (an RGB image), or undefined. */
export function toRgb(v: unknown): RgbGrid | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const data: number[] = [];
  let cols = -1;
  for (const row of v) {
    if (!Array.isArray(row) || row.length === 0 || (cols >= 0 && row.length !== cols)) return undefined;
    cols = row.length;
    for (const px of row) {
      const c = numericRow(px);
      if (!c || c.length !== 3) return undefined;
      data.push(...c);
    }
  }
  return { rows: v.length, cols, data: Float64Array.from(data) };
}

/**
 * A grid for an answer the grader compared in the reference's shape: a flat array (a typed array
 * or tensor the student returned) with as many entries as `like`.
 */
export function gridLike(v: unknown, like: Grid): Grid | undefined {
  const g = toGrid(v);
  if (g) return g;
  const flat = toVector(v);
  return flat && flat.length === like.rows * like.cols ? { rows: like.rows, cols: like.cols, data: flat } : undefined;
}

/** The value at a dotted path of a mismatch (`X`, `W`, `a.b`), or the value itself. */
export function atPath(v: unknown, path: string | undefined): unknown {
  if (!path) return v;
  let cur = v;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number for a narrow table cell: integers whole, others with 4 significant digits. */
export function formatNumber(n: number, decimal = '.'): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '−∞';
  if (Number.isInteger(n) && Math.abs(n) < 1e9) return String(n);
  const a = Math.abs(n);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return n.toExponential(2).replace('.', decimal);
  return String(Number(n.toPrecision(4))).replace('.', decimal);
}

/** A number as results.json holds it (string for NaN and infinities), for exact statistics. */
export function formatExact(v: number | string, decimal = '.'): string {
  if (typeof v !== 'number') return v === 'Infinity' ? '∞' : v === '-Infinity' ? '−∞' : v;
  return String(v).replace('.', decimal);
}

/** A value as compact JSON, cut to `limit` characters (the rest counted). */
export function preview(v: unknown, limit: number): { readonly text: string; readonly more: number } {
  const text = v === undefined ? 'undefined' : (JSON.stringify(v) ?? String(v));
  return text.length > limit ? { text: text.slice(0, limit), more: text.length - limit } : { text, more: 0 };
}
