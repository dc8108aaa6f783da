import type { en } from './en/index.js';

type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => Widen<R>
  : T extends string
    ? string
    : T extends readonly string[]
      ? readonly string[]
      : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language's catalogue must have: the English one's, with any strings. */
export type Messages = Widen<typeof en>;
