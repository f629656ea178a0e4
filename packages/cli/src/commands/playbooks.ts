import type { Command } from 'commander';
import { actorOf, actWith, definitionFile, langOption, numberOf } from '../command-kit.ts';
import { type CommandModule, globalsOf } from '../context.ts';
import { fail } from '../output.ts';

const act = actWith(() => import('../playbook-render.ts'));
const writeOptions = (c: Command) =>
  langOption(c)
    .option('--as <user>', 'who acts, recorded with the playbook (default: cli:<your login>)')
    .option('--version <n>', 'the version you read: refused if the playbook changed since (exit 5)');

interface Flags {
  lang: string;
  as?: string;
  version?: string;
}

export const playbooks: CommandModule = (program: Command) => {
  const cmd = program
    .command('playbooks')
    .description('playbooks: when a trigger fires for a customer, open a case from a template for an owner');

  langOption(cmd.command('list').description('every playbook: trigger, case template, owner, on or off')).action(
    async (f: Flags, c: Command) =>
      act(
        globalsOf(c),
        f.lang,
        (core, ws) => core.listPlaybooks(ws),
        (r, render, lang) => render.playbookTable(r, lang),
      ),
  );

  langOption(cmd.command('show <id>').description('one playbook in full')).action(
    async (id: string, f: Flags, c: Command) =>
      act(
        globalsOf(c),
        f.lang,
        (core, ws) => core.getPlaybook(ws, id),
        (r, render, lang) => render.playbookDetail(r, lang),
      ),
  );

  writeOptions(
    cmd
      .command('save <file>')
      .description(
        'add a playbook from a JSON file, or change one (the file or --version names the version you read); docs/playbooks.md shows the format',
      ),
  ).action(async (file: string, f: Flags, c: Command) => {
    const g = globalsOf(c);
    try {
      const input = await definitionFile(file, f.version);
      await act(
        g,
        f.lang,
        (core, ws) => core.savePlaybook(ws, actorOf(f.as), input),
        (r, render, lang) => render.playbookLine(r, lang),
      );
    } catch (e) {
      fail(g, e);
    }
  });

  langOption(
    cmd
      .command('run <id>')
      .description('run a playbook now: its trigger, or --at-risk the current at-risk list; prints what it did')
      .option(
        '--at-risk',
        "over the latest scoring's at-risk list (the playbook's tier and above, else high and critical)",
      )
      .option('--dry-run', 'count what it would do and open no case')
      .option('--as <user>', 'who runs it, recorded as the cases’ creator (default: cli:<your login>)'),
  ).action(async (id: string, f: Flags & { atRisk?: boolean; dryRun?: boolean }, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      (core, ws) => core.runPlaybook(ws, actorOf(f.as), id, { at_risk: !!f.atRisk, dry_run: !!f.dryRun }),
      (r, render, lang) => render.runSummary(r, lang),
    ),
  );

  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    writeOptions(
      cmd
        .command(`${name} <id>`)
        .description(enabled ? 'switch a playbook on' : 'switch a playbook off: scorings and imports no longer run it'),
    ).action(async (id: string, f: Flags, c: Command) =>
      act(
        globalsOf(c),
        f.lang,
        (core, ws) => core.setPlaybookEnabled(ws, actorOf(f.as), id, enabled, numberOf(f.version)),
        (r, render, lang) => render.playbookLine(r, lang),
      ),
    );

  writeOptions(
    cmd.command('delete <id>').description('remove a playbook; the cases it opened and its runs stay'),
  ).action(async (id: string, f: Flags, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      async (core, ws) => {
        await core.deletePlaybook(ws, id, numberOf(f.version));
        return { deleted: id };
      },
      (r, render, lang) => render.deletedLine(r.deleted, lang),
    ),
  );
};
