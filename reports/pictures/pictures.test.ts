import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { grey, heat, OUTLINE, SPECIAL } from './colormap.js';
import { cellSize, legendRaster, matrixRaster, MAX_SIDE, rgbRaster, type Grid } from './matrix.js';
import { encodePng, pngDataUri, type Raster } from './png.js';

/** Encodes, then decodes with pngjs: what a browser would get. */
function roundTrip(r: Raster): PNG {
  return PNG.sync.read(encodePng(r));
}

function pixel(png: PNG, x: number, y: number): number[] {
  const o = (y * png.width + x) * 4;
  return [...png.data.subarray(o, o + 3)];
}

const grid = (rows: number, cols: number, f: (i: number, j: number) => number): Grid => ({
  rows,
  cols,
  data: Float64Array.from({ length: rows * cols }, (_, k) => f(Math.floor(k / cols), k % cols)),
});

describe('colour maps', () => {
  it.each([
    [0, 0, 10, [0, 0, 0]],
    [10, 0, 10, [255, 255, 255]],
    [5, 0, 10, [128, 128, 128]],
    [-3, 0, 10, [0, 0, 0]],
    [7, 7, 7, [128, 128, 128]],
    [NaN, 0, 10, [...SPECIAL]],
    [Infinity, 0, 10, [...SPECIAL]],
  ])('grey(%s) in [%s, %s] is %j', (v, lo, hi, rgb) => {
    expect([...grey(v, lo, hi)]).toEqual(rgb);
  });

  it('heat is white at 0, dark red at the maximum, and darkens monotonically', () => {
    expect([...heat(0, 4)]).toEqual([255, 255, 255]);
    expect([...heat(4, 4)]).toEqual([128, 0, 38]);
    const lightness = (c: readonly number[]): number => c[0]! * 0.3 + c[1]! * 0.59 + c[2]! * 0.11;
    const steps = Array.from({ length: 21 }, (_, i) => lightness(heat(i / 20, 1)));
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeLessThan(steps[i - 1]!);
    expect([...heat(NaN, 1)]).toEqual([...SPECIAL]);
  });
});

describe('cell size', () => {
  it.each([
    [5, 5, 32],
    [28, 28, 6],
    [168, 300, 1],
    [1, 2, 32],
  ])('a %sx%s array gets %s px cells', (rows, cols, cell) => {
    expect(cellSize(rows, cols)).toBe(cell);
  });
});

describe('matrix pictures', () => {
  it('scales a 5x5 array up with nearest neighbour, black at the minimum and white at the maximum', () => {
    const g = grid(5, 5, (i, j) => i * 5 + j);
    const png = roundTrip(matrixRaster(g, { cell: 32, colour: (v) => grey(v, 0, 24) }));
    expect([png.width, png.height]).toEqual([160, 160]);
    expect(pixel(png, 0, 0)).toEqual([0, 0, 0]);
    expect(pixel(png, 31, 31)).toEqual([0, 0, 0]);
    expect(pixel(png, 159, 159)).toEqual([255, 255, 255]);
    // Entry [2, 2] is 12 of 24: mid grey over its whole 32 px cell.
    expect(pixel(png, 64, 64)).toEqual([128, 128, 128]);
    expect(pixel(png, 95, 95)).toEqual([128, 128, 128]);
  });

  it('draws NaN and infinities in the special colour', () => {
    const g: Grid = { rows: 1, cols: 3, data: Float64Array.of(0, NaN, -Infinity) };
    const png = roundTrip(matrixRaster(g, { cell: 10, colour: (v) => grey(v, 0, 1) }));
    expect(pixel(png, 15, 5)).toEqual([...SPECIAL]);
    expect(pixel(png, 25, 5)).toEqual([...SPECIAL]);
  });

  it('outlines the flagged entries and leaves the others alone', () => {
    const g = grid(2, 2, () => 0);
    const png = roundTrip(matrixRaster(g, { cell: 16, colour: (v) => heat(v, 1), outline: [false, true, false, false] }));
    expect(pixel(png, 16, 8)).toEqual([...OUTLINE]);
    expect(pixel(png, 31, 8)).toEqual([...OUTLINE]);
    expect(pixel(png, 24, 8)).toEqual([255, 255, 255]);
    expect(pixel(png, 0, 8)).toEqual([255, 255, 255]);
  });

  it(`samples a huge array down to at most ${MAX_SIDE} px a side`, () => {
    const g = grid(1000, 500, (i) => i);
    const png = roundTrip(matrixRaster(g, { cell: 1, colour: (v) => grey(v, 0, 999) }));
    expect([png.width, png.height]).toEqual([256, MAX_SIDE]);
    expect(pixel(png, 0, 0)).toEqual([0, 0, 0]);
    expect(pixel(png, 0, MAX_SIDE - 1)).toEqual([255, 255, 255]);
  });

  it('draws an RGB image with its own colours', () => {
    const img = { rows: 1, cols: 2, data: Float64Array.of(255, 0, 0, 0, 0, 255) };
    const png = roundTrip(rgbRaster(img, { cell: 4, lo: 0, hi: 255 }));
    expect([png.width, png.height]).toEqual([8, 4]);
    expect(pixel(png, 1, 1)).toEqual([255, 0, 0]);
    expect(pixel(png, 6, 1)).toEqual([0, 0, 255]);
  });

  it('draws a legend bar from the scale start to its end', () => {
    const png = roundTrip(legendRaster((t) => grey(t, 0, 1), { width: 100, height: 10 }));
    expect([png.width, png.height]).toEqual([100, 10]);
    expect(pixel(png, 0, 5)).toEqual([0, 0, 0]);
    expect(pixel(png, 99, 5)).toEqual([255, 255, 255]);
  });

  it('makes a base64 PNG data URI', () => {
    const uri = pngDataUri(matrixRaster(grid(1, 1, () => 0), { cell: 3, colour: () => [1, 2, 3] }));
    expect(uri).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const png = PNG.sync.read(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64'));
    expect(pixel(png, 1, 1)).toEqual([1, 2, 3]);
  });
});
