import type { Lang } from '../model/localized.js';
import { en } from './en/index.js';
import { fr } from './fr/index.js';
import type { Messages } from './types.js';

export type { Messages } from './types.js';

const catalogues: Readonly<Record<Lang, Messages>> = { en, fr };

/** The grader's strings in one language. */
export function messages(lang: Lang): Messages {
  return catalogues[lang];
}
