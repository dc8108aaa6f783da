import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isLang, type Lang } from '../model/localized.js';

/** A package.json larger than this is not a pack's: it is not read (it is the student's file). */
const MAX_PACKAGE_BYTES = 256 * 1024;

function readSmall(file: string): string | undefined {
  try {
    if (!statSync(file).isFile() || statSync(file).size > MAX_PACKAGE_BYTES) return undefined;
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(MAX_PACKAGE_BYTES);
      return buf.subarray(0, readSync(fd, buf, 0, MAX_PACKAGE_BYTES, 0)).toString('utf8');
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * The language a student pack was written in: `"neurograde": { "lang": "fr" }` in the nearest
 * package.json at or above `dir` (the first one found decides), so `npx neurograde check` in a
 * French pack speaks French without `--lang`. Undefined when none says.
 */
export function packLang(dir: string): Lang | undefined {
  let at = resolve(dir);
  for (;;) {
    const text = readSmall(join(at, 'package.json'));
    if (text !== undefined) {
      try {
        const lang = (JSON.parse(text) as { neurograde?: { lang?: unknown } } | null)?.neurograde?.lang;
        return typeof lang === 'string' && isLang(lang) ? lang : undefined;
      } catch {
        return undefined;
      }
    }
    const up = dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}
