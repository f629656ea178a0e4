import { type Lang, normalizeLang } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, table } from '../output.ts';

type Core = typeof import('@tenure/core');
type Team = import('@tenure/core').Team;
type Workspace = import('@tenure/core').Workspace;

const words = {
  none: {
    en: 'No teams yet: add one with `tenure teams create <team> --en <label> --zh <label>`.',
    'zh-CN': '尚无团队：请用 `tenure teams create <团队> --en <名称> --zh <名称>` 添加。',
  },
  head: { en: ['team', 'name', 'members'], 'zh-CN': ['团队', '名称', '成员'] },
  one: { en: 'Team {team} ({label}): {members}', 'zh-CN': '团队 {team}（{label}）：{members}' },
  nobody: { en: 'no members', 'zh-CN': '暂无成员' },
  deleted: { en: 'Team {team} deleted.', 'zh-CN': '团队 {team} 已删除。' },
} as const satisfies Record<string, Record<Lang, unknown>>;

const langOf = (l: string | undefined): Lang => normalizeLang(l);
const fill = (t: string, vars: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
const labelIn = (t: Team, lang: Lang) => t.label[lang];

const teamLine = (t: Team, lang: Lang) =>
  fill(words.one[lang], {
    team: t.team,
    label: labelIn(t, lang),
    members: t.members.length ? t.members.join(', ') : words.nobody[lang],
  });

/** Run a team change with the workspace open, then print the team as it is now. */
async function change(c: Command, lang: string, run: (core: Core, ws: Workspace) => Promise<Team>): Promise<void> {
  const g = globalsOf(c);
  try {
    const core = await import('@tenure/core');
    const t = await core.withWorkspace(g.workspace, (ws) => run(core, ws));
    emit(g, t, () => teamLine(t, langOf(lang)));
  } catch (e) {
    fail(g, e);
  }
}

export const teams: CommandModule = (program: Command) => {
  const cmd = program
    .command('teams')
    .description('teams of users who work cases together (the server must be stopped: it holds the workspace)');
  const lang = (c: Command) => c.option('--lang <lang>', 'en or zh', 'en');

  lang(cmd.command('list').description('every team with its labels and members')).action(
    async (f: { lang: string }, c: Command) => {
      const g = globalsOf(c);
      try {
        const { listTeams, withWorkspace } = await import('@tenure/core');
        const list = await withWorkspace(g.workspace, listTeams);
        const l = langOf(f.lang);
        emit(g, { teams: list }, () =>
          list.length
            ? table(
                [...words.head[l]],
                list.map((t) => [t.team, labelIn(t, l), t.members.join(', ')]),
              )
            : words.none[l],
        );
      } catch (e) {
        fail(g, e);
      }
    },
  );

  lang(
    cmd
      .command('create <team>')
      .description('add a team (id: letters, digits and . _ -) with its name in English and Chinese')
      .requiredOption('--en <label>', 'its name in English')
      .requiredOption('--zh <label>', 'its name in Chinese'),
  ).action((team: string, o: Record<'en' | 'zh' | 'lang', string>, c: Command) =>
    change(c, o.lang, (core, ws) => core.createTeam(ws, { team, label_en: o.en, label_zh: o.zh })),
  );

  lang(
    cmd
      .command('relabel <team>')
      .description("change a team's name in English, Chinese or both")
      .option('--en <label>', 'its name in English')
      .option('--zh <label>', 'its name in Chinese'),
  ).action((team: string, o: { en?: string; zh?: string; lang: string }, c: Command) =>
    change(c, o.lang, (core, ws) =>
      core.relabelTeam(ws, team, {
        ...(o.en !== undefined ? { label_en: o.en } : {}),
        ...(o.zh !== undefined ? { label_zh: o.zh } : {}),
      }),
    ),
  );

  lang(cmd.command('add <team> <users...>').description('add users to a team')).action(
    (team: string, users: string[], o: { lang: string }, c: Command) =>
      change(c, o.lang, async (core, ws) => {
        for (const u of users.slice(0, -1)) await core.addTeamMember(ws, team, u);
        return core.addTeamMember(ws, team, users[users.length - 1] as string);
      }),
  );

  lang(cmd.command('remove <team> <user>').description('take a user out of a team')).action(
    (team: string, user: string, o: { lang: string }, c: Command) =>
      change(c, o.lang, (core, ws) => core.removeTeamMember(ws, team, user)),
  );

  lang(cmd.command('delete <team>').description('delete a team without open cases')).action(
    async (name: string, f: { lang: string }, c: Command) => {
      const g = globalsOf(c);
      try {
        const { deleteTeam, withWorkspace } = await import('@tenure/core');
        await withWorkspace(g.workspace, (ws) => deleteTeam(ws, name));
        emit(g, { team: name, deleted: true }, () => fill(words.deleted[langOf(f.lang)], { team: name }));
      } catch (e) {
        fail(g, e);
      }
    },
  );
};
