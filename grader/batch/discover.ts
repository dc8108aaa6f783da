import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where one submission of a class comes from. */
export interface SubmissionSource {
  /** The student's name: the folder's name, or the zip's without `.zip`. Also its output folder. */
  readonly name: string;
  readonly kind: 'dir' | 'zip';
  readonly path: string;
}

/** A source that cannot be graded, for an error row. */
export interface RejectedSource {
  readonly name: string;
  readonly reason: 'duplicate' | 'reserved' | 'case-clash';
  /** The submission whose output folder it would share ('case-clash'). */
  readonly other?: string;
}

export interface Discovery {
  readonly sources: readonly SubmissionSource[];
  readonly rejected: readonly RejectedSource[];
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Lists the submissions of a class folder: every sub-folder and every `.zip` is one. Hidden
 * entries and `node_modules` are skipped, and so is the output folder when it lies inside.
 * A zip named like a folder, or a name the class outputs use (`index.html`...), becomes a
 * rejected source (an error row) rather than overwriting another's output.
 * @param reserved names the class outputs take in the output folder
 */
export function discoverSubmissions(dir: string, options: { readonly exclude?: string; readonly reserved?: readonly string[] } = {}): Discovery {
  const root = resolve(dir);
  const exclude = options.exclude ? safeRealpath(resolve(options.exclude)) : undefined;
  const reserved = new Set((options.reserved ?? []).map((n) => n.toLowerCase()));
  const found: SubmissionSource[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(root, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A class folder may be a set of links to students' checkouts; follow them here (the
      // bundler still confines each submission to its own real folder).
      try {
        const st = statSync(path);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (exclude && safeRealpath(path) === exclude) continue;
      found.push({ name: entry.name, kind: 'dir', path });
    } else if (isFile && /\.zip$/i.test(entry.name) && entry.name.length > 4) {
      found.push({ name: entry.name.slice(0, -4), kind: 'zip', path });
    }
  }
  found.sort((a, b) => byName(a, b) || (a.kind === 'dir' ? -1 : 1));
  const sources: SubmissionSource[] = [];
  const rejected: RejectedSource[] = [];
  // Output folders are named after submissions: on a case-insensitive file system (macOS,
  // Windows) `Alice` and `alice`, or an accent composed two ways, would share one.
  const taken = new Map<string, string>();
  const folded = (name: string): string => name.normalize('NFC').toLowerCase();
  for (const s of found) {
    const other = taken.get(folded(s.name));
    if (reserved.has(s.name.toLowerCase())) rejected.push({ name: s.name, reason: 'reserved' });
    else if (other === s.name) rejected.push({ name: `${s.name}.zip`, reason: 'duplicate' });
    else if (other !== undefined) rejected.push({ name: s.kind === 'zip' ? `${s.name}.zip` : s.name, reason: 'case-clash', other });
    else {
      taken.set(folded(s.name), s.name);
      sources.push(s);
    }
  }
  return { sources, rejected: rejected.sort(byName) };
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
