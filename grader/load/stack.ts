import { SourceMap } from 'node:module';

/**
 * Rewrites a stack from the child so that it shows the student's own frames as
 * `file.ts:line:col` and drops the grader's frames. The child ran the bundle from a data: URL,
 * so its frames carry positions in the bundle; the source map turns them back.
 */
export function studentStack(stack: string | undefined, map: string): string | undefined {
  if (!stack) return undefined;
  let sourceMap: SourceMap;
  try {
    sourceMap = new SourceMap(JSON.parse(map));
  } catch {
    return undefined;
  }
  const lines = stack.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const frame = /^\s+at (?:(.*?) \()?data:text\/javascript;base64,[A-Za-z0-9+/=]*:(\d+):(\d+)\)?$/.exec(line);
    if (frame) {
      const entry = sourceMap.findEntry(Number(frame[2]) - 1, Number(frame[3]) - 1) as {
        originalSource?: string;
        originalLine?: number;
        originalColumn?: number;
      };
      if (entry.originalSource) {
        const source = entry.originalSource.replace(/^(\.\.\/)+|^\.\//, '');
        const where = `${source}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}`;
        out.push(frame[1] ? `    at ${frame[1].replace(/^Module\./, '')} (${where})` : `    at ${where}`);
      }
      continue;
    }
    if (/^\s+at /.test(line)) continue;
    out.push(line);
  }
  return out.join('\n');
}
