/**
 * The config kept beside tenure.config.json (config-file.ts) stands in for checking the text only while the text
 * and the checking code are those it was made from: a changed text is checked again (a broken one refused), and
 * the digest of the code covers every module that decides what a text parses to.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKED_FILE, CONFIG_SCHEMA_MODULES, readConfig } from './config-file.ts';
import { CONFIG_FILE, initWorkspace } from './workspace.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-config-file-'));
  await (await initWorkspace(dir)).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kept = () => JSON.parse(readFileSync(join(dir, CHECKED_FILE), 'utf8'));
const writeConfig = (patch: Record<string, unknown>) => {
  const config = JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8'));
  writeFileSync(join(dir, CONFIG_FILE), JSON.stringify({ ...config, ...patch }, null, 2));
};

describe('the kept config', () => {
  it('is what an unchanged text reads as, and is replaced when the text changes', async () => {
    const first = await readConfig(dir);
    expect(kept().config).toEqual(first);
    // Proof that the kept result is read rather than the text checked again: a planted value comes back.
    writeFileSync(join(dir, CHECKED_FILE), JSON.stringify({ ...kept(), config: { ...first, currency: 'EUR' } }));
    expect((await readConfig(dir)).currency).toBe('EUR');
    // A new text is checked and kept: defaults filled in, the planted value gone.
    writeConfig({ currency: 'CNY', churn: { grace_days: 7 } });
    const second = await readConfig(dir);
    expect(second).toMatchObject({ currency: 'CNY', churn: { grace_days: 7, inactivity_days: 180 } });
    expect(kept().config).toEqual(second);
  });

  it('never passes a broken text: it is checked and refused with its code', async () => {
    const good = readFileSync(join(dir, CONFIG_FILE), 'utf8');
    await readConfig(dir);
    writeConfig({ currency: 'euro' });
    await expect(readConfig(dir)).rejects.toMatchObject({ code: 'TEN_CONFIG_INVALID' });
    writeFileSync(join(dir, CONFIG_FILE), '{ "currency": ');
    await expect(readConfig(dir)).rejects.toMatchObject({ code: 'TEN_CONFIG_PARSE' });
    writeFileSync(join(dir, CONFIG_FILE), good);
  });

  it('is checked again when it cannot be read', async () => {
    writeFileSync(join(dir, CHECKED_FILE), 'not json');
    expect((await readConfig(dir)).currency).toBe('CNY');
    expect(kept().config.currency).toBe('CNY');
  });

  it('is keyed by every module config.ts reaches, but for the error table, which only words a refusal', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const reached = new Set<string>();
    const WORDING = /^(errors|errors\/.*|report)$/;
    const visit = (file: string) => {
      const name = relative(src, file).replace(/\.ts$/, '');
      if (reached.has(name)) return;
      reached.add(name);
      // The error table only words a refusal, and so does what it reaches (the language of the words).
      if (WORDING.test(name)) return;
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*?from '(\.[^']+)'/gms))
        visit(resolve(dirname(file), spec as string));
    };
    visit(join(src, 'workspace/config.ts'));
    const deciding = [...reached].filter((m) => !WORDING.test(m));
    const keyed = CONFIG_SCHEMA_MODULES.map((m) => relative(src, resolve(src, 'workspace', m)));
    expect(deciding.sort()).toEqual([...keyed].sort());
  });
});
