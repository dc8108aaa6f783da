import { casesCheck, call, named } from 'neurograde/kit';

// Past |x| ~ 709 Math.exp overflows to Infinity: 1 / (1 + e^-x) then still gives 0 or 1, but
// e^x / (1 + e^x) gives Infinity / Infinity = NaN.
const XS = [0, 0.5, -0.5, 1, -1, 2.5, -2.5, 5, -5, 40, -40, 745, -745, 1000, -1000];

/** The logistic function, including inputs large enough to overflow a naive formula. */
export const sigmoid = casesCheck({
  id: 'sigmoid',
  title: { fr: 'La fonction sigmoïde, y compris pour de grands |x|', en: 'The sigmoid function, large |x| included' },
  cases: () => XS.map((x) => ({ ...named({ en: `sigmoid(${x})`, fr: `sigmoid(x) pour x = ${String(x).replace('.', ',')}` }), steps: [call('sigmoid', x)], input: { x } })),
});
