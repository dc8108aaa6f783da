/**
 * A 28 x 28 handwritten-looking "0", like an MNIST digit: an anti-aliased ring whose centre line
 * is 255 and whose background is 0. Drawn here rather than read from a data set, so that grading
 * loads nothing.
 */
export function ringDigit(brightness = 255): number[][] {
  return Array.from({ length: 28 }, (_, r) =>
    Array.from({ length: 28 }, (_, c) => {
      const radius = Math.hypot((r - 13.5) / 1.25, c - 13.5);
      const ink = Math.max(0, 1 - Math.abs(radius - 8) / 2.5);
      return Math.round(brightness * ink);
    }),
  );
}
