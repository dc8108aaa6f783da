import { crc32, deflateSync } from 'node:zlib';

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

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** One PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes a raster as PNG bytes: opaque 8-bit RGB (a seventh of RGBA's size here), every row but
 * the first filtered "Up", which turns the repeated rows of a picture drawn in blocks into zeros,
 * then deflated by zlib. pngjs did the same in JavaScript, byte by byte, at ten times the cost;
 * the batch renders a report for every submission.
 */
export function encodePng(r: Raster): Buffer {
  const { width, height, rgba } = r;
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = y === 0 ? 0 : 2;
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      const d = row + 1 + x * 3;
      if (y === 0) {
        raw[d] = rgba[s]!;
        raw[d + 1] = rgba[s + 1]!;
        raw[d + 2] = rgba[s + 2]!;
      } else {
        const up = s - width * 4;
        raw[d] = (rgba[s]! - rgba[up]!) & 0xff;
        raw[d + 1] = (rgba[s + 1]! - rgba[up + 1]!) & 0xff;
        raw[d + 2] = (rgba[s + 2]! - rgba[up + 2]!) & 0xff;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits a sample, RGB, deflate, adaptive filters, no interlace
  return Buffer.concat([Buffer.from(SIGNATURE), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** A raster as a `data:` URI, so the report stays one self-contained file. */
export function pngDataUri(r: Raster): string {
  return `data:image/png;base64,${encodePng(r).toString('base64')}`;
}
