// convolution.ts: the sliding dot product of the notes (kernel not flipped), with padding and stride.

export interface ConvOptions {
  stride?: number;
  padding?: number;
}

export function convolution(img: number[][], kernel: number[][], options: ConvOptions = {}): number[][] {
  const stride = options.stride ?? 1;
  const padding = options.padding ?? 0;
  const rows = img.length;
  const cols = rows > 0 ? img[0].length : 0;
  const kRows = kernel.length;
  const kCols = kernel[0].length;

  // Output size from the notes: (W - F + 2P) / S + 1, floored.
  const outRows = Math.floor((rows - kRows + 2 * padding) / stride) + 1;
  const outCols = Math.floor((cols - kCols + 2 * padding) / stride) + 1;
  if (outRows <= 0 || outCols <= 0) return [];

  // Reading outside the image means reading the black border: 0.
  const pixel = (r: number, c: number): number => (r < 0 || r >= rows || c < 0 || c >= cols ? 0 : img[r][c]);

  const out: number[][] = [];
  for (let i = 0; i < outRows; i++) {
    const line: number[] = [];
    for (let j = 0; j < outCols; j++) {
      const top = i * stride - padding;
      const left = j * stride - padding;
      let sum = 0;
      for (let a = 0; a < kRows; a++) {
        for (let b = 0; b < kCols; b++) sum += pixel(top + a, left + b) * kernel[a][b];
      }
      line.push(sum);
    }
    out.push(line);
  }
  return out;
}
