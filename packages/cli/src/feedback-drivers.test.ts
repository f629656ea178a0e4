/**
 * The driver subcommands at the command level (the `feedback` command that carries them is the text slice's and
 * wires them with one call): parsed by commander as a user types them, run on a 300-customer demo, read as JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, initWorkspace } from '@tenure/core';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverCommands } from './feedback-drivers.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-cli-drivers-'));
  const ws = await initWorkspace(dir);
  await generateDemo(ws, { customers: 300, months: 24, seed: 7 });
  await ws.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run `tenure -w dir --json feedback …args` and parse what it printed. */
async function run(...args: string[]): Promise<{ out: unknown; code: number | undefined }> {
  const program = new Command('tenure').option('-w, --workspace <dir>').option('--json').exitOverride();
  driverCommands(program.command('feedback'));
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => printed.push(s) > 0) as typeof process.stdout.write;
  const before = process.exitCode;
  try {
    await program.parseAsync(['-w', dir, '--json', 'feedback', ...args], { from: 'user' });
  } finally {
    process.stdout.write = write;
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = before;
  return { out: printed.length ? JSON.parse(printed.join('')) : null, code };
}

describe('tenure feedback drivers | exits | employees', () => {
  it('drivers by ticket category, and key drivers of the employee pulse', async () => {
    const lift = (await run('drivers', '--source', 'ticket_category')).out as { drivers: { source: string }[] };
    expect(lift.drivers.length).toBeGreaterThan(0);
    expect(lift.drivers.every((d) => d.source === 'ticket_category')).toBe(true);
    const key = (await run('drivers', '--key-drivers', 'employee')).out as { outcome: string };
    expect(key.outcome).toBe('enps');
  });

  it('exits list and confirm; a category of the other kind is refused by code', async () => {
    const page = (await run('exits', 'list', '--status', 'suggested')).out as {
      rows: { customerId: string; churnedAt: string }[];
    };
    const first = page.rows[0]!;
    const refused = await run(
      'exits',
      'confirm',
      first.customerId,
      first.churnedAt,
      '--kind',
      'involuntary',
      '--category',
      'fault',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatchObject({ error: { code: 'TEN_VOICE_BAD_TAXONOMY' } });
    const done = (
      await run('exits', 'confirm', first.customerId, first.churnedAt, '--category', 'fault', '--as', 'li.wei')
    ).out as { confirmed: { kind: string; by: string } };
    expect(done.confirmed).toMatchObject({ kind: 'voluntary', by: 'li.wei' });
  });

  it('employees by team, with the statement on too few teams', async () => {
    const e = (await run('employees')).out as { teams: unknown[]; csat: { teams: number; lower: null } };
    expect(e.teams).toHaveLength(3);
    expect(e.csat).toMatchObject({ teams: 3, lower: null });
  });
});
