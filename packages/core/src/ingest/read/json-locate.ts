import { readFileSync, statSync } from 'node:fs';

/** Where a JSON text first goes wrong: 1-based line and column, and what is wrong there. */
export interface JsonProblem {
  line: number;
  column: number;
  detail: string;
}

/** Files larger than this are not re-read to locate a problem (the engine's message is used instead). */
const LOCATE_LIMIT = 256 << 20;

class Stop extends Error {
  constructor(readonly at: number) {
    super();
  }
}

/**
 * Find the first syntax error or duplicate key of a JSON (one value) or NDJSON (one value per line) file.
 * Runs only after DuckDB refused the file, to turn "at byte N" or "record/value M" into a line and column;
 * JSON.parse cannot help, as it takes the last of two equal keys without a word. The nesting is already
 * bounded by the pre-scan (scan.ts), so the recursion is too.
 */
export function locateJsonProblem(path: string, ndjson: boolean): JsonProblem | undefined {
  if (statSync(path).size > LOCATE_LIMIT) return undefined;
  const s = readFileSync(path, 'utf8');
  let i = 0;
  let detail = '';
  const fail = (what: string): never => {
    detail = what;
    throw new Stop(i);
  };
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r' || (!ndjson && s[i] === '\n'))) i++;
  };
  const str = (): string => {
    const start = ++i;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') i++;
      else if (s[i] === '\n') fail('a line break inside a string');
      i++;
    }
    if (i >= s.length) fail('a string that is never closed');
    return s.slice(start, i++);
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      const keys = new Set<string>();
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail('a key in double quotes was expected');
        const at = i;
        const key = str();
        if (keys.has(key)) {
          i = at;
          fail(`the key "${key}" appears twice in one object`);
        }
        keys.add(key);
        ws();
        if (s[i] !== ':') fail('":" was expected after the key');
        i++;
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return void i++;
        else fail('"," or "}" was expected');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return void i++;
        else fail('"," or "]" was expected');
      }
    }
    if (c === '"') return void str();
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 64));
    if (!m)
      fail(i >= s.length || s[i] === '\n' ? 'the value ends too early' : `unexpected character ${JSON.stringify(c)}`);
    i += (m as RegExpExecArray)[0].length;
  };
  try {
    if (s.charCodeAt(0) === 0xfeff) i = 1;
    if (!ndjson) {
      value();
      ws();
      if (i < s.length) fail('text after the end of the JSON value');
      return undefined;
    }
    while (i < s.length) {
      ws();
      if (s[i] === '\n') {
        i++;
        continue;
      }
      if (i >= s.length) break;
      value();
      ws();
      if (i < s.length && s[i] !== '\n') fail('one JSON object per line was expected');
    }
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    // A file that ends too early is reported where its text ends, not on the empty line after it.
    const before = s.slice(0, Math.min(e.at, s.trimEnd().length));
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    return { line, column: before.length - before.lastIndexOf('\n'), detail };
  }
}
