import { SourceMap } from 'node:module';

/**
 * A rewriter of stacks from the child for one bundle: it shows the student's own frames as
 * `file.ts:line:col` and drops the grader's. The child ran the bundle from a data: URL, so its
 * frames carry positions in the bundle; the source map, parsed on the first throw only (a check
 * may see dozens), turns them back.
 */
export function stackMapper(map: string): (stack: string | undefined) => string | undefined {
  let sourceMap: SourceMap | null | undefined;
  return (stack) => {
    if (!stack) return undefined;
    if (sourceMap === undefined) {
      try {
        sourceMap = new SourceMap(JSON.parse(map));
      } catch {
        sourceMap = null;
      }
    }
    return sourceMap ? rewrite(stack, sourceMap) : undefined;
  };
}

function rewrite(stack: string, sourceMap: SourceMap): string {
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
