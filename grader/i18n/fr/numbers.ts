/**
 * Numbers as a French reader writes them: a decimal comma, every digit the grader has kept
 * (0,1 + 0,2 must still read 0,30000000000000004), ∞ for an infinity; NaN stays NaN.
 * Values already made JSON-safe ("Infinity", "NaN" as strings) read the same way.
 */
export function nombre(x: number | string): string {
  const v = typeof x === 'string' ? Number(x) : x;
  if (typeof x === 'string' && Number.isNaN(v)) return x;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '-∞';
  return String(v).replace('.', ',');
}
