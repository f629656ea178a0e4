import { asTenureError, type Lang, normalizeLang, type TenureError } from '@tenure/core/shell';
import { cliJson, cliText } from './fix-words.ts';

/** Exit codes, documented in the README: scripts can tell bad input from a busy workspace. */
export const EXIT = { ok: 0, internal: 1, usage: 2, input: 3, notFound: 4, conflict: 5 } as const;

export function exitCodeOf(e: TenureError): number {
  if (e.code === 'TEN_INTERNAL') return EXIT.internal;
  if (e.code === 'TEN_USAGE') return EXIT.usage;
  // 503: nothing answers at the engine's address, as a missing file is nothing at a path.
  if (e.status === 404 || e.status === 503) return EXIT.notFound;
  if (e.status === 409 || e.status === 423) return EXIT.conflict;
  return EXIT.input;
}

export interface Out {
  json: boolean;
}

/** Print a result: JSON for scripts, or the human rendering. */
export function emit(out: Out, data: unknown, human: () => string): void {
  process.stdout.write(out.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

/**
 * The language of errors: `--lang` anywhere on the command line (commands that print texts declare it), else
 * TENURE_LANG, else English. Read from argv because an error may come before commander has parsed anything.
 * @example errorLang(['status', '--lang', 'zh']) // 'zh-CN'
 */
export function errorLang(argv = process.argv.slice(2), env = process.env): Lang {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const i = argv.slice(0, end).findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]?.startsWith('--lang=') ? argv[i]?.slice('--lang='.length) : argv[i + 1];
  return normalizeLang(given ?? env.TENURE_LANG);
}

const whereWords = {
  en: { where: 'where', hint: 'hint', line: 'line', column: 'column', value: 'value' },
  'zh-CN': { where: '位置', hint: '提示', line: '行', column: '列', value: '值' },
} satisfies Record<Lang, Record<string, string>>;

/** Print an error once, without a stack trace, in the language asked for, and set the exit code. */
export function fail(out: Out, e: unknown, lang: Lang = errorLang()): void {
  const err = asTenureError(e);
  if (out.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          error: cliJson(err, lang),
          ...(err.details.summary ? { summary: err.details.summary } : {}),
          ...(err.details.diagnostics ? { diagnostics: err.details.diagnostics } : {}),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const w = err.where;
    const words = whereWords[lang];
    const at = [
      w.file,
      w.line !== undefined ? `${words.line} ${w.line}` : '',
      w.column ? `${words.column} ${w.column}` : '',
      w.value !== undefined ? `${words.value} ${JSON.stringify(w.value)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const { message, hint } = cliText(err, lang);
    process.stderr.write(
      `error ${err.code}: ${message}\n${at ? `  ${words.where}: ${at}\n` : ''}  ${words.hint}: ${hint}\n`,
    );
    if (err.code === 'TEN_INTERNAL' && process.env.TENURE_DEBUG && e instanceof Error)
      process.stderr.write(`${e.stack}\n`);
  }
  process.exitCode = exitCodeOf(err);
}

/** Columns a character takes in a terminal: CJK ideographs and full-width forms take two. */
const charWidth = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1);
const displayWidth = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);

/** A plain text table with aligned columns. */
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const width = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, width[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(cells[0] as string[]), width.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

/**
 * Thousands grouped with commas as en-US does, without Intl for whole numbers: Intl's first use loads ICU's data,
 * 25–60 ms of a `tenure status` that prints nothing else through it (issue 11 §3).
 */
export const fmtInt = (n: number) =>
  Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US');

/**
 * Text wrapped to the terminal (100 columns when output is not a terminal), each line indented: English breaks
 * at spaces, Chinese (no spaces) between any two characters.
 */
export function wrap(text: string, indent = '', width = process.stdout.columns || 100): string {
  const max = Math.max(20, width - displayWidth(indent));
  const lines: string[] = [];
  let line = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if (displayWidth(line) + charWidth(ch) > max) {
      const space = line.lastIndexOf(' ');
      const cut = ch === ' ' ? line.length : space > 0 ? space : line.length;
      lines.push(line.slice(0, cut));
      line = line.slice(cut).trimStart();
      if (ch === ' ') continue;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/** A progress bar on stderr, only when it is a terminal and output is not JSON. */
export function progressBar(out: Out): ((p: { phase: string; percent: number }) => void) | undefined {
  if (out.json || !process.stderr.isTTY) return undefined;
  let last = '';
  return ({ phase, percent }) => {
    const p = Math.min(100, Math.max(0, Math.round(percent)));
    const bar = `${'█'.repeat(Math.round(p / 4))}${'░'.repeat(25 - Math.round(p / 4))}`;
    const text = `\r${phase.padEnd(5)} ${bar} ${String(p).padStart(3)} %`;
    if (text !== last) process.stderr.write(text);
    last = text;
    if (p >= 100) process.stderr.write('\n');
  };
}
