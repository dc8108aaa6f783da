import { absolute, negated, roundings, squared, squareRooted } from './elementwise.js';
import { affine, offByOne, offset, scaled } from './affine.js';
import { columnOffset, rowOffset } from './axis-offset.js';
import { cropped, extended } from './cropped.js';
import { nonFinite } from './non-finite.js';
import { permuted, reshaped } from './permuted.js';
import { rightUntil } from './right-until.js';
import type { RelationDefinition } from './relation.js';
import { reversed } from './reversed.js';
import { shapeDiffers } from './shape-differs.js';
import { shifted } from './shifted.js';
import { transposed } from './transposed.js';

export type { RelationDefinition, RelationParams } from './relation.js';

/**
 * Every relation the grader looks for, most specific first: the first that holds is the one
 * reported. A structural one (transposed, cropped) explains more than "same values in another
 * order"; "shape-differs" only restates the shape, so it comes last.
 */
export const relations: readonly RelationDefinition[] = [
  nonFinite,
  transposed,
  cropped,
  extended,
  negated,
  reversed,
  shifted,
  scaled,
  offset,
  affine,
  columnOffset,
  rowOffset,
  absolute,
  squared,
  squareRooted,
  ...roundings,
  offByOne,
  permuted,
  reshaped,
  rightUntil,
  shapeDiffers,
];

/** The relations of each entry to the expected entry at the same place: the only ones that hold for an object of named numbers, whose order means nothing. */
export const valueRelations: readonly RelationDefinition[] = [nonFinite, negated, scaled, offset, affine, absolute, squared, squareRooted, ...roundings, offByOne];
