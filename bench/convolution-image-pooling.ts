// `npm run bench -- convolution-image-pooling`: grading time of one submission for the exercises
// convolution, image and pooling (target: well under 1 s for the three, on 2 cores).
import { benchGradingTime } from './grading-time.js';

export async function benchConvolutionImagePooling(): Promise<void> {
  await benchGradingTime(['convolution', 'image', 'pooling']);
}
