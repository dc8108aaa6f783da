// Exercise "image": grey levels and Sobel edge detection (see README.md, notes section 1.2.2).

/** H x W x 3 -> H x W: mean of the three channels, truncated (np.average(img, axis=2).astype(int)). */
export function toGrayscale(rgb: number[][][]): number[][] {
  throw new Error('TODO: Math.trunc((r + g + b) / 3) for every pixel');
}

/**
 * (H-2) x (W-2): gx, gy = valid convolutions with [[-1,0,1],[-2,0,2],[-1,0,1]] and its transpose,
 * then sqrt(gx² + gy²) / max, or all zeros when the max is 0.
 */
export function sobel(gray: number[][]): number[][] {
  throw new Error('TODO: r = np.sqrt(rx*rx + ry*ry); r = r / np.max(r)');
}
