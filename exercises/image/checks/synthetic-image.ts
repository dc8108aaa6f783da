/**
 * A stand-in for the notes' koala.jpg (not redistributable): a deterministic RGB scene of the
 * same size, 168 x 300 x 3, with smooth regions (sky gradient, fur) and sharp edges (ears, nose,
 * eyes, a tree trunk) so that Sobel and pooling have something to find. The scene is described in
 * relative coordinates, so the same picture can be rendered small for cases whose evidence a
 * report must draw.
 */

/** The notes' image size: `img.shape` is (168, 300, 3). */
export const NOTES_HEIGHT = 168;
export const NOTES_WIDTH = 300;

type Rgb = readonly [number, number, number];

interface Disc {
  readonly cy: number;
  readonly cx: number;
  /** Radii in units of the image height, so discs stay round on a wide image. */
  readonly ry: number;
  readonly rx: number;
  readonly color: Rgb;
  /** Amplitude of the fur texture, in grey levels. */
  readonly texture: number;
}

// Painted back to front: later discs cover earlier ones.
const DISCS: readonly Disc[] = [
  { cy: 0.72, cx: 0.42, ry: 0.36, rx: 0.3, color: [146, 144, 150], texture: 9 }, // body
  { cy: 0.2, cx: 0.3, ry: 0.13, rx: 0.13, color: [128, 126, 133], texture: 7 }, // left ear
  { cy: 0.2, cx: 0.54, ry: 0.13, rx: 0.13, color: [128, 126, 133], texture: 7 }, // right ear
  { cy: 0.2, cx: 0.3, ry: 0.07, rx: 0.07, color: [226, 221, 219], texture: 5 }, // left ear fluff
  { cy: 0.2, cx: 0.54, ry: 0.07, rx: 0.07, color: [226, 221, 219], texture: 5 }, // right ear fluff
  { cy: 0.4, cx: 0.42, ry: 0.26, rx: 0.27, color: [163, 161, 167], texture: 8 }, // head
  { cy: 0.34, cx: 0.355, ry: 0.035, rx: 0.035, color: [22, 20, 25], texture: 0 }, // left eye
  { cy: 0.34, cx: 0.485, ry: 0.035, rx: 0.035, color: [22, 20, 25], texture: 0 }, // right eye
  { cy: 0.46, cx: 0.42, ry: 0.1, rx: 0.06, color: [47, 43, 49], texture: 2 }, // nose
];

/** Deterministic pseudo-noise in [-1, 1] for a pixel: a hash, so no state is kept. */
function noise(i: number, j: number): number {
  let h = Math.imul(i + 1, 0x27d4eb2d) ^ Math.imul(j + 1, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return ((h >>> 0) % 2001) / 1000 - 1;
}

const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

/** A pixel's colour: a new array, the caller's to keep. */
function pixel(y: number, x: number, aspect: number, i: number, j: number): [number, number, number] {
  let color: Rgb;
  let texture = 0;
  // A tree trunk on the right, with bark stripes: vertical edges.
  if (x > 0.74 && x < 0.88) {
    const bark = Math.floor(x * 90) % 3 === 0 ? -22 : 0;
    color = [104 + bark, 78 + bark, 52 + bark];
    texture = 4;
  } else {
    // Sky: a smooth gradient, no edge.
    color = [118 + 70 * y, 158 + 50 * y, 224 - 40 * y];
  }
  for (const d of DISCS) {
    const dy = (y - d.cy) / d.ry;
    const dx = ((x - d.cx) * aspect) / d.rx;
    if (dy * dy + dx * dx <= 1) {
      color = d.color;
      texture = d.texture;
    }
  }
  const n = texture * noise(i, j);
  return [clamp(color[0] + n), clamp(color[1] + n * 0.9), clamp(color[2] + n * 1.1)];
}

/**
 * The scene rendered at `height x width` (default the notes' 168 x 300), as `img[row][col]` =
 * `[r, g, b]` integers in 0..255.
 */
export function syntheticImage(height = NOTES_HEIGHT, width = NOTES_WIDTH): number[][][] {
  return render(height, width, (rgb) => rgb);
}

/** The scene in grey levels, as the notes' `np.average(img, axis=2).astype(int)`. */
export function syntheticGray(height = NOTES_HEIGHT, width = NOTES_WIDTH): number[][] {
  return render(height, width, ([r, g, b]) => Math.trunc((r + g + b) / 3));
}

/** Every pixel of the scene at `height x width`, row by row, as `f` makes it of its colour. Loops, not Array.from: a full-size image is 50,400 pixels, drawn at every start of the grader. */
function render<T>(height: number, width: number, f: (rgb: [number, number, number]) => T): T[][] {
  const aspect = width / height;
  const rows: T[][] = [];
  for (let i = 0; i < height; i++) {
    const row: T[] = [];
    for (let j = 0; j < width; j++) row.push(f(pixel((i + 0.5) / height, (j + 0.5) / width, aspect, i, j)));
    rows.push(row);
  }
  return rows;
}
