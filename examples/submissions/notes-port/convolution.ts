// The notes' convol, ported line by line (numpy -> TypeScript), bugs included.
//
// def convol(img,kernel):
//     k=len(kernel)//2
//     r=np.zeros((img.shape[0]-k-1,img.shape[1]-k-1))
//     for i in range(k,img.shape[0]-k-1):
//         for j in range(k,img.shape[1]-k-1):
//             f=img[i-k:i+k+1,j-k:j+k+1]
//             r[i,j]=np.sum(f*kernel)
//     return r

function zeros(n: number, m: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(m).fill(0));
}

function slice2d(img: number[][], r0: number, r1: number, c0: number, c1: number): number[][] {
  return img.slice(r0, r1).map((row) => row.slice(c0, c1));
}

// np.sum(f * kernel): element-wise product, then the sum; numpy refuses different shapes.
function sumProduct(f: number[][], kernel: number[][]): number {
  if (f.length !== kernel.length || f[0].length !== kernel[0].length) {
    throw new Error(`operands could not be broadcast together with shapes (${f.length},${f[0].length}) (${kernel.length},${kernel[0].length})`);
  }
  let s = 0;
  for (let a = 0; a < f.length; a++) for (let b = 0; b < f[a].length; b++) s += f[a][b] * kernel[a][b];
  return s;
}

export function convolution(img: number[][], kernel: number[][]): number[][] {
  const k = Math.floor(kernel.length / 2);
  const r = zeros(img.length - k - 1, img[0].length - k - 1);
  for (let i = k; i < img.length - k - 1; i++) {
    for (let j = k; j < img[0].length - k - 1; j++) {
      const f = slice2d(img, i - k, i + k + 1, j - k, j + k + 1);
      r[i][j] = sumProduct(f, kernel);
    }
  }
  return r;
}
