// The notes' image cells, ported literally.
import { convolution as convol } from './convolution';

// gimg = np.average(img, axis=2).astype(int)
export function toGrayscale(img: number[][][]): number[][] {
  return img.map((row) => row.map((px) => Math.trunc((px[0] + px[1] + px[2]) / 3)));
}

function T(m: number[][]): number[][] {
  return m[0].map((_, j) => m.map((row) => row[j]));
}

// kernel = np.array([[-1,0,1],[-2,0,2],[-1,0,1]])
// rx = convol(gimg, kernel); ry = convol(gimg, kernel.T)
// r = np.sqrt(rx*rx + ry*ry); r = r / np.max(r)
export function sobel(gimg: number[][]): number[][] {
  const kernel = [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ];
  const rx = convol(gimg, kernel);
  const ry = convol(gimg, T(kernel));
  const r = rx.map((row, i) => row.map((x, j) => Math.sqrt(x * x + ry[i][j] * ry[i][j])));
  let max = -Infinity; // np.max
  for (const row of r) for (const v of row) max = Math.max(max, v);
  return r.map((row) => row.map((v) => v / max));
}
