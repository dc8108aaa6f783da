import type { ProblemView, StackView } from './types.js';

const FRAME = /^\s*at (?:(.+?) \()?(.+?:\d+:\d+)\)?\s*$/;
/** `file.ts:12:5` anywhere in a line: compile errors name their place this way. */
const LOCATION = /([\w./@-]+\.(?:[cm]?ts|tsx|[cm]?js|jsx)):(\d+):(\d+)/;

/**
 * A stack as the grader keeps it (the student's frames already mapped to `file.ts:line:col`,
 * the grader's dropped): the error's own lines, then one entry a frame.
 */
export function stackView(stack: string | undefined): StackView | undefined {
  if (!stack) return undefined;
  const header: string[] = [];
  const frames: { location: string; fn?: string }[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (m) frames.push({ location: m[2]!, ...(m[1] ? { fn: m[1] } : {}) });
    else if (frames.length === 0) header.push(line);
  }
  return { header: header.join('\n').trim(), frames };
}

/** An exercise-level failure message, line by line, each with the place it names if any. */
export function problemView(message: string | undefined, stack: string | undefined): ProblemView | undefined {
  if (!message) return undefined;
  const lines = message
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((text) => {
      const m = LOCATION.exec(text);
      return m ? { text, location: m[0] } : { text };
    });
  const s = stackView(stack);
  return { lines, ...(s && s.frames.length > 0 ? { stack: s } : {}) };
}
