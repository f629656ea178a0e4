/**
 * Rules live in core, not in the shells: scans of the CLI's and the server's sources for what belongs in core
 * (errors outside the table, the calendar read from the config by hand), and the CLI's help built from core's
 * registries rather than lists typed into it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codes, LANGS } from '@tenure/core';
import { activityBases, encodingNames, entityNames, formatNames, grains, roles, timeUnits } from '@tenure/core/shell';
import { describe, expect, it } from 'vitest';
import { root, SLOW, tenure } from '../packages/cli/test/helpers.ts';

const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));

const shells = [...sources('packages/cli/src'), ...sources('packages/server/src')];

/** A line a scan lets pass: its file, a text it holds, and why it is not what the scan looks for. */
interface Allowed {
  file: string;
  text: string;
  why: string;
}

/** Lines of `files` matching `pattern`, as `path:line: text`, less those allowed with a reason. */
function find(files: string[], pattern: RegExp, allowed: Allowed[] = []): string[] {
  return files.flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, i) =>
        pattern.test(text) && !allowed.some((a) => file === a.file && text.includes(a.text))
          ? [`${relative(root, join(root, file))}:${i + 1}: ${text.trim()}`]
          : [],
      ),
  );
}

describe('errors come from the table', () => {
  it('the CLI and the server throw no error of their own: a user-facing failure has a code', () => {
    const allowed: Allowed[] = [
      {
        file: 'packages/cli/src/commands/serve.ts',
        text: 'process.exit(0)',
        why: 'not an error: a signal stopped the server, which has closed the workspace',
      },
      {
        file: 'packages/cli/src/commands/serve.ts',
        text: 'process.exit(1)',
        why: 'not a user error: a stop past its grace period, said on stderr, the process ending as asked',
      },
    ];
    expect(find(shells, /new Error\(|InvalidArgumentError|process\.exit\(/, allowed)).toEqual([]);
  });
  it('core throws plain errors only for invariants, each named here with its reason', () => {
    const allowed: Allowed[] = [
      {
        file: 'packages/core/src/engine/duckdb/connection.ts',
        text: 'DuckDB binding used before a connection was opened',
        why: 'an invariant of the lazy binding: only code on an open connection reaches it',
      },
    ];
    expect(find(sources('packages/core/src'), /new Error\(/, allowed)).toEqual([]);
  });
});

describe('the error table speaks the languages of present/', () => {
  it("keys every message and hint by present/'s Lang, never by a language of its own", () => {
    const keyed = Object.entries(codes).filter(([, d]) =>
      [d.message, d.hint].some((t) => Object.keys(t).sort().join() !== [...LANGS].sort().join()),
    );
    expect(keyed.map(([code]) => code)).toEqual([]);
  });
  it('no `zh:` language key comes back in core: texts given to an error (a hint, what is allowed) included', () => {
    const why = 'an alert row, not a text: its columns message_en and message_zh are stored in the workspace';
    const alertRow = [
      ...['zh: string', 'zh: fired.map', 'zh: `本次评分'].map((text) => ({
        file: 'packages/core/src/predict/alerts/raise.ts',
        text,
        why,
      })),
      ...['zh: `案例', 'zh: `另有'].map((text) => ({ file: 'packages/core/src/cases/sla/alerts.ts', text, why })),
    ];
    // A document's detected language (voice/text/detect.ts TextLang: 'zh' or 'en', as voice_documents.lang stores
    // it) keys what is per written language, not per reader: keyword lists, the demo's clauses, a language's name.
    const writtenIn = 'keyed by the language a text is written in (TextLang), not a Text for a reader';
    const byTextLang = [
      'packages/core/src/voice/exits/rules.ts',
      'packages/core/src/workspace/demo/text-templates.ts',
      'packages/core/src/workspace/demo/texts.ts',
      'packages/cli/src/feedback-render.ts',
    ].map((file) => ({ file, text: 'zh:', why: writtenIn }));
    expect(
      find([...sources('packages/core/src'), ...shells], /(^|[\s{,])zh\s*:/, [...alertRow, ...byTextLang]),
    ).toEqual([]);
  });
});

describe("core's hints are neutral: each shell words the fix", () => {
  /**
   * Codes whose hints may still be worded per surface in core, each with why. Empty: every hint is neutral and
   * names its remedies (errors/actions.ts); a code that names a command, a flag or a route fails.
   */
  const notYet: Record<string, string> = {};
  const shellWords = /tenure [a-z]|(^|[\s(`'"“])--[a-z]|\/api\//;
  /** Placeholder arguments for any code: lists for list arguments, a bilingual text for a caller's hint. */
  const args = new Proxy(
    {},
    {
      get: (_t, k) =>
        ['found', 'known', 'sheets', 'problems', 'fields'].includes(String(k))
          ? ['a', 'b']
          : k === 'hint'
            ? { en: 'hint', 'zh-CN': '提示' }
            : k === 'fixes' || k === 'fieldProblems'
              ? []
              : 'x',
    },
  );

  it('no hint of the table names a `tenure` command, a --flag or an /api/ path, on any surface, in any language', () => {
    const said = Object.entries(codes).flatMap(([code, d]) =>
      (['cli', 'web', 'api'] as const).flatMap((on) =>
        LANGS.map((lang) => ({ code, hint: (d.hint[lang] as (a: unknown, on: string) => string)(args, on) })),
      ),
    );
    const hits = [...new Set(said.filter((t) => shellWords.test(t.hint)).map((t) => t.code))];
    expect(hits.filter((code) => !(code in notYet))).toEqual([]);
    // The list shrinks as codes move onto remedies: a code listed that no longer needs it is taken off.
    expect(Object.keys(notYet).filter((code) => !hits.includes(code))).toEqual([]);
  });

  it('no text in core names a `tenure` command, a --flag or an API route: hints callers give included', () => {
    // A caller's hint (a model fit, a report range) is an argument, out of reach of the table scan above.
    const allowed: Allowed[] = [
      {
        file: 'packages/core/src/reports/text.ts',
        text: '`tenure metrics --list`',
        why: 'the report’s footnote (en and zh-CN): a document read away from any shell, naming where its figures are defined',
      },
    ];
    const code = sources('packages/core/src').filter((f) => !f.endsWith('.test.ts'));
    // A flag is two letters or more: `--s.users` (a decrement) is not one.
    const said = /`tenure [a-z]|(^|[\s(`'"“])--[a-z][a-z-]+(?![\w.])|\/api\/(v1|docs)/;
    const hits = find(code, said, allowed).filter((hit) => !/^\S+: (\/\/|\*|\/\*)/.test(hit));
    expect(hits).toEqual([]);
  });
});

describe('one calendar from the config', () => {
  it('only calendarOf reads the calendar out of the config', () => {
    const src = [...sources('packages/core/src'), ...shells];
    const hits = find(src, /fiscalStartMonth:\s*[\w.]*fiscal_year_start_month/, [
      { file: 'packages/core/src/metrics/calendar.ts', text: 'fiscalStartMonth', why: 'calendarOf itself' },
    ]);
    expect(hits).toEqual([]);
  });
});

describe('help from the registries', SLOW, () => {
  it.each([
    { command: ['import'], names: [...entityNames, ...formatNames, ...encodingNames] },
    { command: ['metrics'], names: [...grains, ...activityBases] },
    { command: ['survival'], names: [...timeUnits, ...activityBases] },
    { command: ['users', 'add'], names: [...roles] },
    { command: ['keys', 'create'], names: [...roles] },
  ])('tenure $command --help names every one core knows', async ({ command, names }) => {
    const help = await tenure([...command, '--help']);
    expect(help.code, help.stderr).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(names.filter((n) => !text.includes(n))).toEqual([]);
  });
});
