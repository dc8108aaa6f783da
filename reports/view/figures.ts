import type { Messages } from '../../grader/i18n/types.js';
import { grey, heat } from '../pictures/colormap.js';
import { cellSize, legendRaster, matrixRaster, rgbRaster, type Grid, type RgbGrid } from '../pictures/matrix.js';
import { pngDataUri, type Raster } from '../pictures/png.js';
import type { FigureView, LegendView } from './types.js';
import { formatNumber } from './values.js';

/** The main input of a case, as a picture: a 2-D array in greyscale or an RGB image. */
export type InputPicture = { readonly kind: 'grey'; readonly grid: Grid } | { readonly kind: 'rgb'; readonly image: RgbGrid };

export interface OutputFiguresOptions {
  readonly labels: Messages['report'];
  readonly input?: InputPicture;
  readonly expected: Grid;
  /** The obtained grid, if the answer is a 2-D array at all. */
  readonly got?: Grid;
  /** Entries beyond the tolerance, when the shapes agree. */
  readonly bad?: ArrayLike<boolean>;
}

export interface OutputFigures {
  readonly figures: readonly FigureView[];
  readonly legends: readonly LegendView[];
  readonly notes: readonly string[];
}

function range(...grids: readonly Grid[]): { lo: number; hi: number; special: boolean } {
  let lo = Infinity;
  let hi = -Infinity;
  let special = false;
  for (const g of grids) {
    for (const v of g.data) {
      if (!Number.isFinite(v)) special = true;
      else {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return lo <= hi ? { lo, hi, special } : { lo: 0, hi: 0, special };
}

const shapeOf = (labels: Messages['report'], rows: number, cols: number, depth?: number): string =>
  labels.shape(depth === undefined ? [rows, cols] : [rows, cols, depth]);

function figure(kind: FigureView['kind'], raster: Raster, text: { title: string; alt: string; caption: string }): FigureView {
  return { kind, ...text, src: pngDataUri(raster), width: raster.width, height: raster.height };
}

function greyFigure(
  kind: 'input' | 'expected' | 'got',
  g: Grid,
  scale: { lo: number; hi: number; cell: number },
  labels: Messages['report'],
): FigureView {
  const title = labels.pictureTitles[kind];
  const shape = shapeOf(labels, g.rows, g.cols);
  const lo = formatNumber(scale.lo, labels.decimal);
  const hi = formatNumber(scale.hi, labels.decimal);
  const alt = scale.hi > scale.lo ? labels.altGrey(title, shape, lo, hi) : labels.altFlat(title, shape, lo);
  const raster = matrixRaster(g, { cell: scale.cell, colour: (v) => grey(v, scale.lo, scale.hi) });
  return figure(kind, raster, { title, alt, caption: scale.hi > scale.lo ? `${shape} · ${lo} … ${hi}` : shape });
}

function inputFigure(input: InputPicture, labels: Messages['report']): FigureView {
  if (input.kind === 'grey') {
    const r = range(input.grid);
    return greyFigure('input', input.grid, { ...r, cell: cellSize(input.grid.rows, input.grid.cols) }, labels);
  }
  const { image } = input;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of image.data) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  // Pixel values of 0..255 are shown as they are; anything else is stretched to fit.
  const [a, b] = lo >= 0 && hi <= 255 ? [0, 255] : lo < hi ? [lo, hi] : [0, 1];
  const title = labels.pictureTitles.input;
  const shape = shapeOf(labels, image.rows, image.cols, 3);
  const raster = rgbRaster(image, { cell: cellSize(image.rows, image.cols), lo: a, hi: b });
  return figure('input', raster, { title, alt: labels.altRgb(title, shape), caption: shape });
}

/** |obtained − expected|, 0 where both are the same special value, NaN where only one is. */
function difference(want: Grid, got: Grid): Float64Array {
  return want.data.map((w, i) => {
    const g = got.data[i]!;
    if (Number.isFinite(w) && Number.isFinite(g)) return Math.abs(g - w);
    return Object.is(w, g) || (Number.isNaN(w) && Number.isNaN(g)) ? 0 : NaN;
  });
}

function legend(title: string, alt: string, colour: (t: number) => readonly [number, number, number], lo: string, hi: string): LegendView {
  return { title, alt, lo, hi, src: pngDataUri(legendRaster(colour)) };
}

/** The largest share of entries beyond the tolerance that the difference map outlines. */
export const FRAMED_SHARE = 0.75;

/**
 * The pictures of a 2-D output: input, expected, obtained and their absolute difference as a
 * heat map, with the colour scales. Expected and obtained share one grey scale so that the same
 * shade means the same value; a shape mismatch draws both at the same cell size and no difference.
 */
export function outputFigures(o: OutputFiguresOptions): OutputFigures {
  const { labels, expected, got } = o;
  const figures: FigureView[] = [];
  const legends: LegendView[] = [];
  const notes: string[] = [];
  if (o.input) figures.push(inputFigure(o.input, labels));
  const both = got ? [expected, got] : [expected];
  const r = range(...both, ...(o.input?.kind === 'grey' ? [o.input.grid] : []));
  const outRange = range(...both);
  const cell = cellSize(Math.max(...both.map((g) => g.rows)), Math.max(...both.map((g) => g.cols)));
  figures.push(greyFigure('expected', expected, { ...outRange, cell }, labels));
  if (got) figures.push(greyFigure('got', got, { ...outRange, cell }, labels));
  const lo = formatNumber(outRange.lo, labels.decimal);
  const hi = formatNumber(outRange.hi, labels.decimal);
  legends.push(legend(labels.legendGrey, labels.altLegendGrey(lo, hi), (t) => grey(t, 0, 1), lo, hi));
  let special = r.special;
  if (got && got.rows === expected.rows && got.cols === expected.cols) {
    const diff: Grid = { rows: expected.rows, cols: expected.cols, data: difference(expected, got) };
    const d = range(diff);
    special ||= d.special;
    const max = d.hi > 0 ? d.hi : 1;
    const bad = o.bad ?? [];
    let badCount = 0;
    for (let i = 0; i < diff.data.length; i++) if (bad[i]) badCount++;
    const shape = shapeOf(labels, diff.rows, diff.cols);
    const maxText = formatNumber(d.hi, labels.decimal);
    // Frames inform when they single out some entries; around nearly every cell they only hide the colours.
    const framed = badCount <= FRAMED_SHARE * diff.data.length;
    const raster = matrixRaster(diff, { cell, colour: (v) => heat(v, max), outline: framed ? bad : [] });
    figures.push(
      figure('diff', raster, {
        title: labels.pictureTitles.diff,
        alt: (framed ? labels.altDiff : labels.altDiffUnframed)(shape, maxText, badCount, diff.data.length),
        caption: `${shape} · 0 … ${maxText}`,
      }),
    );
    legends.push(legend(labels.legendHeat, labels.altLegendHeat(maxText), (t) => heat(t, 1), '0', maxText));
    if (!framed) notes.push(labels.noOutlineNote(badCount, diff.data.length));
    else if (badCount > 0 && raster.width / diff.cols >= 4) notes.push(labels.outlineNote);
  }
  if (special) notes.push(labels.specialNote);
  return { figures, legends, notes };
}
