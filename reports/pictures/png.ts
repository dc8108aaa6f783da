import { PNG } from 'pngjs';

/** An RGBA raster, row-major, 4 bytes a pixel. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

export type Rgb = readonly [number, number, number];

/** A blank opaque raster filled with one colour. */
export function blankRaster(width: number, height: number, fill: Rgb = [255, 255, 255]): Raster {
  const rgba = new Uint8Array(width * height * 4);
  for (let o = 0; o < rgba.length; o += 4) {
    rgba[o] = fill[0];
    rgba[o + 1] = fill[1];
    rgba[o + 2] = fill[2];
    rgba[o + 3] = 255;
  }
  return { width, height, rgba };
}

export function setPixel(r: Raster, x: number, y: number, c: Rgb): void {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return;
  r.rgba.set([c[0], c[1], c[2], 255], (y * r.width + x) * 4);
}

/** Encodes a raster as PNG bytes. */
export function encodePng(r: Raster): Buffer {
  const png = new PNG({ width: r.width, height: r.height });
  png.data = Buffer.from(r.rgba.buffer, r.rgba.byteOffset, r.rgba.byteLength);
  // Opaque RGB is a seventh of RGBA's size here; the Paeth filter is as small as pngjs's adaptive
  // choice on these blocky pictures, without trying all five filters on every row.
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, filterType: 4 });
}

/** A raster as a `data:` URI, so the report stays one self-contained file. */
export function pngDataUri(r: Raster): string {
  return `data:image/png;base64,${encodePng(r).toString('base64')}`;
}
