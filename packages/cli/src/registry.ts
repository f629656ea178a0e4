import type { Command } from 'commander';
import type { CommandModule } from './context.ts';

/**
 * Every command: its name and its module, imported when needed. `tenure status` imports status.ts alone; `--help`,
 * `help` and a name that is no command import them all, to list them or suggest one. Importing all nineteen
 * modules (and their helpers) before any command ran cost each a few dozen milliseconds (issue 11 §3).
 * registry.test.ts checks that each name is the command its module defines.
 */
export const commands: Record<string, () => Promise<CommandModule>> = {
  init: async () => (await import('./commands/init.ts')).init,
  demo: async () => (await import('./commands/demo.ts')).demo,
  import: async () => (await import('./commands/import.ts')).importCommand,
  status: async () => (await import('./commands/status.ts')).status,
  rejects: async () => (await import('./commands/rejects.ts')).rejects,
  metrics: async () => (await import('./commands/metrics.ts')).metrics,
  quality: async () => (await import('./commands/quality.ts')).quality,
  benchmarks: async () => (await import('./commands/benchmarks.ts')).benchmarks,
  sync: async () => (await import('./commands/sync.ts')).sync,
  report: async () => (await import('./commands/report.ts')).report,
  fit: async () => (await import('./commands/fit.ts')).fit,
  survival: async () => (await import('./commands/survival.ts')).survival,
  clv: async () => (await import('./commands/clv.ts')).clv,
  value: async () => (await import('./commands/value.ts')).value,
  models: async () => (await import('./commands/models.ts')).models,
  model: async () => (await import('./commands/model.ts')).model,
  serve: async () => (await import('./commands/serve.ts')).serve,
  users: async () => (await import('./commands/users.ts')).users,
  keys: async () => (await import('./commands/keys.ts')).keys,
  cases: async () => (await import('./commands/cases.ts')).cases,
  playbooks: async () => (await import('./commands/playbooks.ts')).playbooks,
  surveys: async () => (await import('./commands/surveys.ts')).surveys,
  teams: async () => (await import('./commands/teams.ts')).teams,
  campaigns: async () => (await import('./commands/campaigns.ts')).campaigns,
  uplift: async () => (await import('./commands/uplift.ts')).uplift,
  feedback: async () => (await import('./commands/feedback.ts')).feedback,
  customers: async () => (await import('./commands/customers.ts')).customers,
};

/**
 * The command `args` (argv after the script) runs, when that is certain before parsing: its first word after
 * the program's own options and their values. Anything else first (an unknown option, `--help`, `--`) gives
 * undefined, since commander's answer to it lists every command.
 * @example commandIn(['-w', 'shop', 'status', '--json'], program) // 'status'
 */
export function commandIn(args: string[], program: Command): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('-')) return Object.hasOwn(commands, arg) ? arg : undefined;
    const [flag] = arg.split('=', 1);
    const option = program.options.find((o) => o.short === flag || o.long === flag);
    if (!option) return undefined;
    if ((option.required || option.optional) && !arg.includes('=')) i++;
  }
  return undefined;
}
