import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from '../sql/sql.ts';
import { parseConfig } from './config.ts';
import { CONFIG_FILE, initWorkspace, openWorkspace, withWorkspace } from './workspace.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'tenure-ws-'));

describe('workspace', () => {
  it('init writes a valid config and the schema; open finds every entity table', async () => {
    const dir = tmp();
    await (await initWorkspace(dir)).close();
    const cfg = JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8'));
    expect(cfg).toMatchObject({ version: 1, currency: 'USD', churn: { grace_days: 0, inactivity_days: 180 } });
    await withWorkspace(dir, async (ws) => {
      const t = await ws.db.all<{ n: string }>(sql`SELECT table_name AS n FROM information_schema.tables ORDER BY 1`);
      expect(t.map((r) => r.n)).toEqual(
        expect.arrayContaining(['customers', 'orders', 'churn_events', 'rejects', 'import_batches']),
      );
    });
  });

  it('refuses to overwrite without --force, and reports a missing workspace', async () => {
    const dir = tmp();
    await (await initWorkspace(dir)).close();
    await expect(initWorkspace(dir)).rejects.toMatchObject({ code: 'TEN_WORKSPACE_EXISTS' });
    await (await initWorkspace(dir, { force: true })).close();
    await expect(openWorkspace(join(dir, 'nope'))).rejects.toMatchObject({ code: 'TEN_WORKSPACE_NOT_FOUND' });
  });

  it('says plainly when another process holds the workspace', async () => {
    const dir = tmp();
    await (await initWorkspace(dir)).close();
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx/esm',
        '-e',
        `import('${join(import.meta.dirname, 'workspace.ts')}').then(m => m.openWorkspace(${JSON.stringify(dir)})).then(() => { console.log('ready'); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((res) => holder.stdout.on('data', (d) => String(d).includes('ready') && res()));
    try {
      await expect(openWorkspace(dir)).rejects.toMatchObject({ code: 'TEN_WORKSPACE_LOCKED', status: 423 });
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('config', () => {
  it('fills defaults', () => {
    expect(parseConfig('{}', 'c.json')).toMatchObject({
      timezone: 'UTC',
      week_start: 'monday',
      fiscal_year_start_month: 1,
    });
  });

  it("reads an earlier release's cost categories under campaigns into costs, where every cost figure reads them", () => {
    const old = {
      campaigns: { crm_cost_categories: ['crm', 'retention'], acquisition_cost_categories: ['acquisition'] },
    };
    const c = parseConfig(JSON.stringify(old), 'c.json');
    expect(c.costs).toMatchObject({ crm_categories: ['crm'], acquisition_categories: ['acquisition'] });
    expect(c.campaigns).not.toHaveProperty('crm_cost_categories');
    // The new place wins when both are set.
    const both = { ...old, costs: { acquisition_categories: ['crm'] } };
    expect(parseConfig(JSON.stringify(both), 'c.json').costs.acquisition_categories).toEqual(['crm']);
  });

  it('reports every problem with its path at once', () => {
    const bad = JSON.stringify({
      currency: 'dollars',
      timezone: 'Mars/Base',
      fiscal_year_start_month: 13,
      churn: { grace_days: -1 },
      extra: 1,
    });
    try {
      parseConfig(bad, 'c.json');
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; message: string };
      expect(err.code).toBe('TEN_CONFIG_INVALID');
      for (const path of ['currency', 'timezone', 'fiscal_year_start_month', 'churn.grace_days'])
        expect(err.message).toContain(path);
    }
  });

  it('rejects broken JSON with its own code, and a broken config blocks opening', async () => {
    expect(() => parseConfig('{ "currency": ', 'c.json')).toThrowError(
      expect.objectContaining({ code: 'TEN_CONFIG_PARSE' }),
    );
    const dir = tmp();
    await (await initWorkspace(dir)).close();
    writeFileSync(join(dir, CONFIG_FILE), '{"week_start": "friday"}');
    await expect(openWorkspace(dir)).rejects.toMatchObject({ code: 'TEN_CONFIG_INVALID' });
  });
});
