import { Type, type Static } from '@sinclair/typebox';

/** The languages every user-facing string exists in. */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export const LocalizedSchema = Type.Object(
  { en: Type.String({ minLength: 1 }), fr: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
/** A text in English and French. */
export type Localized = Static<typeof LocalizedSchema>;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
