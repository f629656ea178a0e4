/**
 * Issue 17 §2: one presentation layer. Languages, texts, measure units and their formatting are declared once,
 * in core's present/ (`@tenure/core/present`); the report, the CLI, the server and the dashboard import them.
 * These scans fail when a second declaration or a private language reading comes back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const PRESENT = 'packages/core/src/present/';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const files = ['core', 'cli', 'server', 'web'].flatMap((p) => sources(join(root, 'packages', p, 'src')));

/** `file:line: text` of every line outside present/ that matches. */
const outsidePresent = (pattern: RegExp) =>
  files
    .map((f) => relative(root, f))
    .filter((f) => !f.startsWith(PRESENT))
    .flatMap((f) =>
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );

describe('one presentation layer', () => {
  it('the scan reads every package', () => {
    expect(files.some((f) => f.includes('/web/src/'))).toBe(true);
    expect(files.some((f) => f.includes(PRESENT))).toBe(true);
  });

  it('declares Lang, Text and the measure Unit only in present/', () => {
    expect(outsidePresent(/\b(type|interface)\s+(Lang|Text|Unit)\b\s*[=<{]/)).toEqual([]);
    // Nor under another name: a union of the language tags is Lang.
    expect(outsidePresent(/'en' \| 'zh-CN'|'zh-CN' \| 'en'/)).toEqual([]);
  });

  it('reads a language only through normalizeLang: no other test of a `zh` prefix', () => {
    expect(outsidePresent(/startsWith\(\s*['"]zh/)).toEqual([]);
  });

  it('the report, the CLI and the dashboard format percents only through the formatter family', () => {
    const shells = /^packages\/(cli\/src|web\/src|core\/src\/reports)\//;
    expect(outsidePresent(/toFixed\(\d\)\}?\s*%/).filter((hit) => shells.test(hit))).toEqual([]);
  });

  it('gives a name one meaning: the models say TimeUnit, prediction says Split, access says Role', () => {
    expect(outsidePresent(/export type (Unit|Role)\b/).map((hit) => hit.split(':')[0])).toEqual([
      'packages/core/src/access/roles.ts',
      'packages/web/src/api/types.ts', // the access role, as the API states it
    ]);
  });
});
