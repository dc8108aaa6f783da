// The notes' maxpooling (its body is cut off in the notes: the usual numpy block maximum).
//
// def maxpooling(img, n):
//     h, w = img.shape
//     r = np.zeros((h // n, w // n))
//     for i in range(h // n):
//         for j in range(w // n):
//             r[i, j] = np.max(img[i*n:(i+1)*n, j*n:(j+1)*n])
//     return r
//
// The notes have no general pooling function.

export function maxpooling(img: number[][], n: number): number[][] {
  const h = img.length;
  const w = img[0].length;
  const r: number[][] = Array.from({ length: Math.floor(h / n) }, () => new Array<number>(Math.floor(w / n)).fill(0));
  for (let i = 0; i < Math.floor(h / n); i++) {
    for (let j = 0; j < Math.floor(w / n); j++) {
      const block = img.slice(i * n, (i + 1) * n).flatMap((row) => row.slice(j * n, (j + 1) * n));
      r[i][j] = Math.max(...block);
    }
  }
  return r;
}
