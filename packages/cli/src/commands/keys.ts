import { roles } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, table } from '../output.ts';

export const keys: CommandModule = (program: Command) => {
  const cmd = program.command('keys').description('API keys for scripts and machines (Authorization: Bearer <key>)');
  cmd
    .command('create')
    .description('create a key and print it: this is the only time it is shown')
    .requiredOption('--role <role>', roles.join(', '))
    .option('--name <name>', 'what the key is for', '')
    .action(async (o: { role: string; name: string }, c: Command) => {
      const g = globalsOf(c);
      try {
        const { createKey, withWorkspace } = await import('@tenure/core');
        const key = await withWorkspace(g.workspace, (ws) =>
          createKey(ws, { name: o.name, role: o.role, createdBy: 'cli' }),
        );
        emit(
          g,
          key,
          () =>
            `${key.key}\n\nKey ${key.id} (${key.role}${key.name ? `, ${key.name}` : ''}). Store it now: it is not shown again.`,
        );
      } catch (e) {
        fail(g, e);
      }
    });
  cmd
    .command('list')
    .description('every key, revoked ones included (never the secrets)')
    .action(async (_: unknown, c: Command) => {
      const g = globalsOf(c);
      try {
        const { listKeys, withWorkspace } = await import('@tenure/core');
        const list = await withWorkspace(g.workspace, listKeys);
        emit(g, { keys: list }, () =>
          list.length
            ? table(
                ['id', 'name', 'role', 'created', 'revoked'],
                list.map((k) => [k.id, k.name, k.role, k.created_at.slice(0, 19), k.revoked_at?.slice(0, 19) ?? '']),
              )
            : 'No keys yet: `tenure keys create --role analyst --name <what for>`.',
        );
      } catch (e) {
        fail(g, e);
      }
    });
  cmd
    .command('revoke <id>')
    .description('revoke a key: it stops working at once')
    .action(async (id: string, _: unknown, c: Command) => {
      const g = globalsOf(c);
      try {
        const { revokeKey, withWorkspace } = await import('@tenure/core');
        const key = await withWorkspace(g.workspace, (ws) => revokeKey(ws, id));
        emit(g, key, () => `Key ${key.id} revoked.`);
      } catch (e) {
        fail(g, e);
      }
    });
};
