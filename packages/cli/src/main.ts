import { Command, CommanderError } from 'commander';
import { demo } from './commands/demo.ts';
import { importCommand } from './commands/import.ts';
import { init } from './commands/init.ts';
import { rejects } from './commands/rejects.ts';
import { status } from './commands/status.ts';
import type { CommandModule } from './context.ts';
import { EXIT } from './output.ts';

/** Every command: one module, one line. */
const commands: CommandModule[] = [init, demo, importCommand, status, rejects];

const program = new Command('tenure')
  .description('Tenure: customer retention and churn intelligence')
  .option('-w, --workspace <dir>', 'workspace folder', process.env.TENURE_WORKSPACE ?? 'tenure-workspace')
  .option('--json', 'machine-readable JSON output')
  .showHelpAfterError()
  .exitOverride();
for (const c of commands) c(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  } else {
    throw e;
  }
}
