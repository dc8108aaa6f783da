import { readFileSync } from 'node:fs';
import { UsageError } from '../model/errors.js';

/** One student of a roster: who a submission folder (or GitHub account) is in the LMS. */
export interface RosterStudent {
  /** The submission's folder name or the student's GitHub login: what the grader sees. */
  readonly key: string;
  /** The LMS login (Moodle username, Canvas SIS Login ID). */
  readonly username?: string;
  readonly email?: string;
  /** The institution's student number (Moodle ID number, Canvas SIS User ID). */
  readonly studentId?: string;
  /** Display name (Canvas "Student"). */
  readonly name?: string;
  /** Canvas's own numeric user id, when the teacher exported it. */
  readonly canvasId?: string;
  readonly section?: string;
  /** The student's GitHub login, when it is not the key. */
  readonly github?: string;
  /** The student's repository (URL or path), for the teacher's grading workflow. */
  readonly repository?: string;
}

/** A class roster: `--roster roster.csv`. */
export interface Roster {
  readonly students: readonly RosterStudent[];
}

/** Header spellings accepted for each field, lower-cased, spaces and dashes as underscores. */
const COLUMNS: Readonly<Record<keyof RosterStudent, readonly string[]>> = {
  key: ['submission', 'folder', 'key'],
  username: ['username', 'login', 'sis_login_id'],
  email: ['email', 'email_address', 'mail'],
  studentId: ['student_id', 'id_number', 'idnumber', 'sis_user_id', 'student_number'],
  name: ['name', 'full_name', 'student'],
  canvasId: ['canvas_id', 'canvas_user_id'],
  section: ['section', 'group'],
  github: ['github', 'github_login', 'github_username'],
  repository: ['repository', 'repo', 'repository_url', 'url'],
};

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const norm = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * A roster from CSV text: a header row naming the columns (`submission` or `github`, then any of
 * `username`, `email`, `student_id`, `name`, `section`, `canvas_id`, `repository`), one student a
 * row. Every problem is reported at once, each with its line, as a UsageError.
 */
export function parseRoster(text: string, file = 'roster.csv'): Roster {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new UsageError(`${file}: the roster is empty; expected a header row such as "submission,username,email,student_id"`);
  const names = header.map(norm);
  const column = new Map<keyof RosterStudent, number>();
  for (const [field, spellings] of Object.entries(COLUMNS) as [keyof RosterStudent, readonly string[]][]) {
    const at = names.findIndex((n) => spellings.includes(n));
    if (at >= 0) column.set(field, at);
  }
  if (!column.has('key') && column.has('github')) column.set('key', column.get('github')!);
  const problems: string[] = [];
  if (!column.has('key')) problems.push(`line 1: expected a "submission" (folder name) or "github" column, but got ${header.map((h) => `"${h}"`).join(', ')}`);
  if (!['username', 'email', 'studentId'].some((f) => column.has(f as keyof RosterStudent)) && !column.has('repository')) {
    problems.push('line 1: expected at least one of "username", "email", "student_id" (how the LMS knows the student)');
  }
  const students: RosterStudent[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const get = (f: keyof RosterStudent): string | undefined => {
      const at = column.get(f);
      const v = at === undefined ? undefined : r[at]?.trim();
      return v ? v : undefined;
    };
    const key = get('key');
    if (!key) return void problems.push(`line ${line}: expected a submission or GitHub name, but got an empty cell`);
    const email = get('email');
    if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) problems.push(`line ${line}: expected an email address, but got "${email}"`);
    const other = seen.get(key.toLowerCase());
    if (other) problems.push(`line ${line}: expected each student once, but got "${key}" again (line ${other})`);
    seen.set(key.toLowerCase(), line);
    const student: Record<string, string> = { key };
    for (const f of Object.keys(COLUMNS) as (keyof RosterStudent)[]) {
      const v = f === 'key' ? undefined : get(f);
      if (v) student[f] = v;
    }
    students.push(student as unknown as RosterStudent);
  });
  if (problems.length > 0) throw new UsageError(`${file} is not a valid roster:\n  - ${problems.join('\n  - ')}`);
  return { students };
}

/** Reads `--roster <file>`; a missing or unreadable file is a UsageError. */
export function readRoster(path: string): Roster {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--roster ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseRoster(text, path);
}

/** The student a submission belongs to: its name is the roster's key, GitHub login or username (case aside). */
export function findStudent(roster: Roster | undefined, submission: string): RosterStudent | undefined {
  const s = submission.toLowerCase();
  return roster?.students.find((st) => [st.key, st.github, st.username].some((k) => k?.toLowerCase() === s));
}
