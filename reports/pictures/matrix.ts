import { OUTLINE } from './colormap.js';
import { blankRaster, setPixel, type Raster, type Rgb } from './png.js';

/** A 2-D numeric array, row-major; NaN and infinities kept as such. */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** An RGB image, row-major, three values an entry. */
export interface RgbGrid {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Largest side of a picture, px: a 168x300 image stays 1:1, a 1000x1000 one is sampled down. */
export const MAX_SIDE = 512;

/**
 * Pixels per entry so the larger side is about `target` px: a 5x5 array gets 32 px cells, big
 * enough to see, a 300-wide image 1 px.
 */
export function cellSize(rows: number, cols: number, target = 192): number {
  return Math.max(1, Math.min(32, Math.floor(target / Math.max(rows, cols, 1))));
}

interface Frame {
  readonly width: number;
  readonly height: number;
  /** The entry a pixel shows (nearest neighbour). */
  readonly at: (x: number, y: number) => { readonly row: number; readonly col: number };
}

function frame(rows: number, cols: number, cell: number): Frame {
  const fit = Math.min(1, MAX_SIDE / Math.max(rows * cell, cols * cell));
  const width = Math.max(1, Math.round(cols * cell * fit));
  const height = Math.max(1, Math.round(rows * cell * fit));
  return {
    width,
    height,
    at: (x, y) => ({ row: Math.min(rows - 1, Math.floor((y * rows) / height)), col: Math.min(cols - 1, Math.floor((x * cols) / width)) }),
  };
}

/** Paints every pixel with the colour of the entry it shows. */
function fill(r: Raster, f: Frame, colourAt: (row: number, col: number) => Rgb): void {
  const cols = Array.from({ length: f.width }, (_, x) => f.at(x, 0).col);
  for (let y = 0; y < f.height; y++) {
    const { row } = f.at(0, y);
    let o = y * f.width * 4;
    for (let x = 0; x < f.width; x++, o += 4) {
      const c = colourAt(row, cols[x]!);
      r.rgba[o] = c[0];
      r.rgba[o + 1] = c[1];
      r.rgba[o + 2] = c[2];
      r.rgba[o + 3] = 255;
    }
  }
}

export interface MatrixRasterOptions {
  /** The colour of one entry's value. */
  readonly colour: (value: number) => Rgb;
  /** Pixels per entry (nearest-neighbour scaling). */
  readonly cell: number;
  /** Entries to outline, row-major, drawn when cells are at least 4 px wide. @default none */
  readonly outline?: ArrayLike<boolean>;
}

/** A grid as a picture, each entry a square of `cell` pixels. */
export function matrixRaster(grid: Grid, options: MatrixRasterOptions): Raster {
  const f = frame(grid.rows, grid.cols, options.cell);
  const r = blankRaster(f.width, f.height);
  // One colour an entry, not a pixel: a 5x5 array drawn 160 px wide has 25 colours to find.
  const colours = Array.from(grid.data, (v) => options.colour(v));
  fill(r, f, (row, col) => colours[row * grid.cols + col]!);
  const cell = f.width / grid.cols;
  if (options.outline && cell >= 4) {
    const thick = cell >= 12 ? 2 : 1;
    for (let i = 0; i < grid.rows * grid.cols; i++) {
      if (!options.outline[i]) continue;
      const x0 = Math.round((i % grid.cols) * cell);
      const y0 = Math.round(Math.floor(i / grid.cols) * cell);
      const x1 = Math.round(((i % grid.cols) + 1) * cell) - 1;
      const y1 = Math.round((Math.floor(i / grid.cols) + 1) * cell) - 1;
      for (let k = 0; k < thick; k++) {
        for (let x = x0; x <= x1; x++) {
          setPixel(r, x, y0 + k, OUTLINE);
          setPixel(r, x, y1 - k, OUTLINE);
        }
        for (let y = y0; y <= y1; y++) {
          setPixel(r, x0 + k, y, OUTLINE);
          setPixel(r, x1 - k, y, OUTLINE);
        }
      }
    }
  }
  return r;
}

/** An RGB image; channels are scaled from [lo, hi] to 0..255. */
export function rgbRaster(img: RgbGrid, options: { readonly cell: number; readonly lo: number; readonly hi: number }): Raster {
  const f = frame(img.rows, img.cols, options.cell);
  const r = blankRaster(f.width, f.height);
  const span = options.hi > options.lo ? options.hi - options.lo : 1;
  const channel = (v: number): number => (Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, (v - options.lo) / span)) * 255) : 255);
  fill(r, f, (row, col) => {
    const o = (row * img.cols + col) * 3;
    return [channel(img.data[o]!), channel(img.data[o + 1]!), channel(img.data[o + 2]!)];
  });
  return r;
}

/** A horizontal colour bar from t = 0 (left) to t = 1 (right), for a legend. */
export function legendRaster(colour: (t: number) => Rgb, options: { readonly width?: number; readonly height?: number } = {}): Raster {
  const width = options.width ?? 160;
  const height = options.height ?? 12;
  const r = blankRaster(width, height);
  for (let x = 0; x < width; x++) {
    const c = colour(width === 1 ? 0 : x / (width - 1));
    for (let y = 0; y < height; y++) setPixel(r, x, y, c);
  }
  return r;
}
