import { roles } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, table } from '../output.ts';
import { readPassword } from '../prompt.ts';

interface AddFlags {
  role: string;
  password?: string;
  force?: boolean;
}

export const users: CommandModule = (program: Command) => {
  const cmd = program
    .command('users')
    .description('dashboard users (the server must be stopped: it holds the workspace)');
  cmd
    .command('add <username>')
    .description('add a user; the password comes from --password, stdin, or a prompt')
    .requiredOption('--role <role>', roles.join(', '))
    .option('--password <password>', 'the password (visible in the shell history: prefer stdin or the prompt)')
    .option('--force', "replace an existing user's password and role")
    .action(async (username: string, o: AddFlags, c: Command) => {
      const g = globalsOf(c);
      try {
        const password = o.password ?? (await readPassword());
        const { addUser, listUsers, withWorkspace } = await import('@tenure/core');
        const { user, admins } = await withWorkspace(g.workspace, async (ws) => {
          const user = await addUser(ws, { username, password, role: o.role }, { replace: !!o.force });
          return { user, admins: (await listUsers(ws)).filter((u) => u.role === 'admin').length };
        });
        emit(g, user, () =>
          [
            `User ${user.username} (${user.role}) can now log in.`,
            // Said, not silent: settings, users and keys need an admin, and this workspace has none yet.
            admins
              ? ''
              : 'No admin yet: `tenure serve` creates one when it starts (and prints its password once), or add one with `tenure users add <name> --role admin`.',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      } catch (e) {
        fail(g, e);
      }
    });
  cmd
    .command('list')
    .description('every user and role')
    .action(async (_: unknown, c: Command) => {
      const g = globalsOf(c);
      try {
        const { listUsers, withWorkspace } = await import('@tenure/core');
        const list = await withWorkspace(g.workspace, listUsers);
        emit(g, { users: list }, () =>
          list.length
            ? table(
                ['user', 'role', 'created'],
                list.map((u) => [u.username, u.role, u.created_at.slice(0, 19)]),
              )
            : 'No users yet: `tenure serve` creates the first admin, or run `tenure users add <name> --role admin`.',
        );
      } catch (e) {
        fail(g, e);
      }
    });
};
