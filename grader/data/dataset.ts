/**
 * The in-memory shape of an image-classification set, shared by the MNIST and IDX loaders:
 * flat typed arrays (cheap to hand to `tf.tensor4d` / `tf.tensor2d`, cheap to send between
 * processes), row-major, one sample after the other.
 */

/** `count` grey images of `height x width` pixels with integer labels `0..classes-1`. */
export interface ImageSet {
  /** `count * height * width` pixel values normalised to 0..1 (`img[row][col]` row-major). */
  images: Float32Array;
  /** `count` integer labels. */
  labels: Uint8Array;
  /** `count * classes` one-hot rows (Keras' `to_categorical(labels)`). */
  oneHot: Float32Array;
  count: number;
  height: number;
  width: number;
  classes: number;
}

/** A train/test pair. */
export interface ImageSplit {
  train: ImageSet;
  test: ImageSet;
}

/** One-hot rows for integer labels in `[0, classes)`. */
export function oneHot(labels: ArrayLike<number>, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!Number.isInteger(l) || l < 0 || l >= classes) throw new RangeError(`label ${l} at ${i} is outside [0, ${classes})`);
    out[i * classes + l] = 1;
  }
  return out;
}

/** Builds an {@link ImageSet}, checking that the sizes agree. */
export function makeImageSet(images: Float32Array, labels: Uint8Array, height: number, width: number, classes = 10): ImageSet {
  const count = labels.length;
  if (images.length !== count * height * width) {
    throw new RangeError(`${images.length} pixels for ${count} images of ${height}x${width}`);
  }
  return { images, labels, oneHot: oneHot(labels, classes), count, height, width, classes };
}
