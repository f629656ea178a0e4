/** The registry main.ts defines commands from: names that match their modules, and the command argv names. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandIn, commands } from './registry.ts';

// The global options of main.ts's program, which commandIn steps over.
const program = () =>
  new Command('tenure')
    .option('-w, --workspace <dir>', 'workspace')
    .option('--json', 'json')
    .option('--engine <url>', 'engine');

describe('the command registry', () => {
  it('names each command as its module defines it, so `tenure <name>` imports the module that runs it', async () => {
    for (const [name, load] of Object.entries(commands)) {
      const p = program();
      (await load())(p);
      expect(p.commands.map((c) => c.name())).toEqual([name]);
    }
  });

  it('finds the command after the global options and their values, and none when commander must list them all', () => {
    const p = program();
    expect(commandIn(['status'], p)).toBe('status');
    expect(commandIn(['-w', 'shop', '--json', 'status', '--lang', 'zh'], p)).toBe('status');
    expect(commandIn(['--workspace=shop', '--engine', 'clickhouse://h/db', 'metrics', 'churn_rate'], p)).toBe(
      'metrics',
    );
    // A workspace folder named like a command is the option's value, not the command.
    expect(commandIn(['-w', 'import', 'status'], p)).toBe('status');
    for (const args of [[], ['--help'], ['help', 'status'], ['statsu'], ['--bogus', 'status'], ['--', 'status']])
      expect(commandIn(args, p), args.join(' ')).toBeUndefined();
  });
});
