import type { Messages } from '../../grader/i18n/types.js';
import type { Grid } from '../pictures/matrix.js';
import { formatNumber } from './values.js';
import type { TableView } from './types.js';

/** Arrays up to this size per side are also shown as tables of numbers. */
export const TABLE_MAX = 12;

export function fitsTable(g: Grid): boolean {
  return g.rows <= TABLE_MAX && g.cols <= TABLE_MAX;
}

export interface TableOptions {
  readonly caption: string;
  readonly labels: Messages['report'];
  /** Row-major flags of entries beyond the tolerance: marked with ✗, never by colour alone. @default none */
  readonly bad?: ArrayLike<boolean>;
  /** What each entry should have been, for the marked cells' tooltips. @default none */
  readonly expected?: Grid;
}

/** A grid as a table with row and column numbers. */
export function tableView(g: Grid, o: TableOptions): TableView {
  let hasBad = false;
  const rows = Array.from({ length: g.rows }, (_, r) => ({
    header: String(r),
    cells: Array.from({ length: g.cols }, (_, c) => {
      const i = r * g.cols + c;
      const text = formatNumber(g.data[i]!, o.labels.decimal);
      const bad = Boolean(o.bad?.[i]);
      hasBad ||= bad;
      const want = o.expected?.data[i];
      return bad && want !== undefined ? { text, bad, title: o.labels.badCellTitle(formatNumber(want, o.labels.decimal)) } : { text, bad };
    }),
  }));
  return {
    caption: o.caption,
    columns: Array.from({ length: g.cols }, (_, c) => String(c)),
    rows,
    cornerLabel: `${o.labels.row} \\ ${o.labels.column}`,
    hasBad,
  };
}
