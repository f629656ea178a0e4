import { tenureError } from '@tenure/core/shell';
import { Command, CommanderError } from 'commander';
import { EXIT, errorLang, fail } from './output.ts';
import { commandIn, commands } from './registry.ts';

const program = new Command('tenure')
  .description('Tenure: customer retention and churn intelligence')
  .option(
    '-w, --workspace <dir>',
    'workspace folder (default: $TENURE_WORKSPACE, else the workspace around the current folder, else ./demo-workspace)',
  )
  .option('--json', 'machine-readable JSON output')
  .option(
    '--engine <url>',
    "run metrics on a ClickHouse copy (clickhouse://user:pass@host:8123/db, chdb:DIR) instead of the embedded DuckDB; with init, keep the new workspace's data there",
    process.env.TENURE_ENGINE,
  )
  .showHelpAfterError()
  .exitOverride();

const argv = process.argv.slice(2);
// Only the command that runs, when argv names one; otherwise all of them (registry.ts).
const named = commandIn(argv, program);
const wanted = named === undefined ? Object.values(commands) : [commands[named]!];
for (const define of await Promise.all(wanted.map((load) => load()))) define(program);

// Commander cannot tell us --json when parsing failed, so look at argv (before a `--` that ends the options).
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
