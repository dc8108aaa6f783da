import { findStudent, type Roster } from '../io/roster.js';
import type { BatchEntry } from '../model/class-results.js';
import type { Discovery } from './discover.js';

/**
 * A row for every student of the roster with no submission in the class folder (matched like the
 * LMS files match: folder name, GitHub login or username, case aside), named by the roster's key.
 */
export function notSubmitted(roster: Roster | undefined, discovery: Discovery): BatchEntry[] {
  if (!roster) return [];
  const names = [...discovery.sources, ...discovery.rejected].map((s) => s.name);
  const found = new Set(names.map((n) => findStudent(roster, n)).filter((s) => s !== undefined));
  return roster.students.filter((s) => !found.has(s)).map((s) => ({ name: s.key, status: 'not-submitted' as const }));
}
