/**
 * `tenure campaigns` end to end through the built CLI on a small demo: the power calculation, a design launched at
 * once, its assignment as CSV, the demo's campaign measured, the CRM ROI; refusals by code; both languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Campaign, Measurement, PowerResult } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let ws: string;
const run = (...args: string[]) => tenure([...args, '-w', ws]);

beforeAll(async () => {
  tmp = tempDir();
  ws = join(tmp, 'ws');
  const r = await tenure(['demo', '--workspace', ws, '--customers', '600', '--json']);
  expect(r.code, r.stderr).toBe(0);
}, SLOW.timeout);
afterAll(() => cleanup(tmp));

describe('tenure campaigns', SLOW, () => {
  it('designs, launches, exports and measures a campaign; --json prints core objects', async () => {
    const made = await run(
      'campaigns',
      'create',
      'WIN-01',
      '--name',
      'Win-back',
      '--filter',
      'product_line=mobile',
      '--holdout',
      '0.4',
      '--cost-per-contact',
      '10',
      '--launch',
      '--json',
    );
    expect(made.code, made.stderr).toBe(0);
    const { campaign } = json<{ campaign: Campaign }>(made);
    expect(campaign).toMatchObject({ id: 'WIN-01', status: 'launched' });
    const out = join(tmp, 'win.csv');
    expect((await run('campaigns', 'export', 'WIN-01', '--arm', 'control', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(campaign.control + 1);
    const m = json<Measurement>(await run('campaigns', 'measure', 'WIN-01', '--json'));
    expect(m).toMatchObject({ interim: true, days_remaining: 90 });
    const zh = await run('campaigns', 'measure', 'RET-01', '--lang', 'zh');
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('流失率降低');
    const en = await run('campaigns', 'list');
    expect(en.stdout).toContain('WIN-01');
    const roi = await run('campaigns', 'roi', '--from', '2025-01', '--to', '2025-12');
    expect(roi.code, roi.stderr).toBe(0);
  });

  it('answers the power calculation and refuses bad input by code, never redrawing', async () => {
    const p = json<PowerResult>(await run('campaigns', 'power', '--baseline', '0.2', '--size', '2000', '--json'));
    expect(p.solved_for).toBe('mde');
    expectJsonError(await run('campaigns', 'power', '--baseline', '0.2', '--json'), 3, 'TEN_CAMPAIGN_POWER_INPUT');
    expectJsonError(
      await run(
        'campaigns',
        'create',
        'X',
        '--name',
        'x',
        '--filter',
        'product_line=mobile',
        '--holdout',
        '1',
        '--json',
      ),
      3,
      'TEN_EXPERIMENT_BAD_HOLDOUT',
    );
    expectHumanError(
      await run('campaigns', 'create', 'WIN-01', '--name', 'again', '--at-risk'),
      5,
      'TEN_CAMPAIGN_EXISTS',
    );
    expectJsonError(await run('campaigns', 'show', 'NOPE', '--json'), 4, 'TEN_CAMPAIGN_NOT_FOUND');
  });
});
