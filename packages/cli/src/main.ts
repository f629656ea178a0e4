import { tenureError } from '@tenure/core/shell';
import { Command, CommanderError } from 'commander';
import { benchmarks } from './commands/benchmarks.ts';
import { cases } from './commands/cases.ts';
import { clv } from './commands/clv.ts';
import { demo } from './commands/demo.ts';
import { fit } from './commands/fit.ts';
import { importCommand } from './commands/import.ts';
import { init } from './commands/init.ts';
import { keys } from './commands/keys.ts';
import { metrics } from './commands/metrics.ts';
import { model } from './commands/model.ts';
import { models } from './commands/models.ts';
import { quality } from './commands/quality.ts';
import { rejects } from './commands/rejects.ts';
import { report } from './commands/report.ts';
import { serve } from './commands/serve.ts';
import { status } from './commands/status.ts';
import { survival } from './commands/survival.ts';
import { sync } from './commands/sync.ts';
import { users } from './commands/users.ts';
import type { CommandModule } from './context.ts';
import { EXIT, errorLang, fail } from './output.ts';

/** Every command: one module, one line. */
const commands: CommandModule[] = [
  init,
  demo,
  importCommand,
  status,
  rejects,
  metrics,
  quality,
  benchmarks,
  sync,
  report,
  fit,
  survival,
  clv,
  models,
  model,
  serve,
  users,
  keys,
  cases,
];

const program = new Command('tenure')
  .description('Tenure: customer retention and churn intelligence')
  .option(
    '-w, --workspace <dir>',
    'workspace folder (default: $TENURE_WORKSPACE, else the workspace around the current folder, else ./demo-workspace)',
  )
  .option('--json', 'machine-readable JSON output')
  .option(
    '--engine <url>',
    'run metrics on ClickHouse (clickhouse://user:pass@host:8123/db) instead of the embedded DuckDB',
    process.env.TENURE_ENGINE,
  )
  .showHelpAfterError()
  .exitOverride();
for (const c of commands) c(program);

// Commander cannot tell us --json when parsing failed, so look at argv (before a `--` that ends the options).
const argv = process.argv.slice(2);
const json = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : undefined).includes('--json');

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CommanderError)) {
    fail({ json }, e); // a bug: one line (the stack only with TENURE_DEBUG=1), exit code 1
  } else if (e.exitCode === 0) {
    // --help, `tenure help`, `tenure help <command>` (a bare `tenure` shows help too, but as an error: exit 2)
    process.exitCode = EXIT.ok;
  } else {
    // Commander has printed the message and usage on stderr; scripts asking for JSON get the error on stdout too.
    if (json) {
      const detail = e.code === 'commander.help' ? 'no command given' : e.message.replace(/^error: /, '');
      const err = tenureError('TEN_USAGE', { detail });
      process.stdout.write(`${JSON.stringify({ error: err.toJSON(errorLang(), 'cli') }, null, 2)}\n`);
    }
    process.exitCode = EXIT.usage;
  }
}
