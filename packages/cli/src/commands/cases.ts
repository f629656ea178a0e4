import { CASE_KINDS, CASE_PRIORITIES, CASE_SOURCES, CASE_STAGES, REOPEN_STAGES } from '@tenure/core/shell';
import type { Command } from 'commander';
import { actorOf, numberOf } from '../command-kit.ts';
import { type CommandModule, type Globals, globalsOf } from '../context.ts';
import { emit, fail } from '../output.ts';

const collect = (v: string, prev: string[]) => [...prev, v];
const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()));

interface WriteFlags {
  as?: string;
  version?: string;
  note?: string;
  lang: string;
}

/** Options every write takes: who, the version it is based on, a note, and the language of the reply. */
const writeOptions = (c: Command) =>
  c
    .option('--as <user>', 'who acts, recorded in the case history (default: cli:<your login>)')
    .option('--version <n>', 'the version you read: refused if the case changed since (exit 5)')
    .option('--note <text>', 'a note for the case history')
    .option('--lang <lang>', 'en or zh', 'en');

/** Run a case write: the core function by name, then the case as it is now. */
async function write(
  g: Globals,
  flags: WriteFlags,
  run: (
    core: typeof import('@tenure/core'),
    ws: import('@tenure/core').Workspace,
  ) => Promise<import('@tenure/core').CaseRow>,
): Promise<void> {
  try {
    const core = await import('@tenure/core');
    const c = await core.withWorkspace(g.workspace, (ws) => run(core, ws));
    const { caseLine } = await import('../case-render.ts');
    emit(g, c, () => caseLine(c, core.normalizeLang(flags.lang)));
  } catch (e) {
    fail(g, e);
  }
}

/** `field=value` pairs as a case's fields, each typed by its field (`csat=4`, `contacted=yes`). */
async function fieldsOf(pairs: string[]): Promise<Record<string, unknown>> {
  const { caseFieldFromText, tenureError } = await import('@tenure/core');
  const out: Record<string, unknown> = {};
  for (const p of pairs) {
    const at = p.indexOf('=');
    if (at < 1) throw tenureError('TEN_USAGE', { detail: `--set ${p}: write it as field=value, e.g. --set csat=4` });
    out[p.slice(0, at).trim()] = caseFieldFromText(p.slice(0, at).trim(), p.slice(at + 1));
  }
  return out;
}

const common = (f: WriteFlags) => ({
  ...(f.version !== undefined ? { version: numberOf(f.version) } : {}),
  ...(f.note !== undefined ? { note: f.note } : {}),
});

export const cases: CommandModule = (program: Command) => {
  const cmd = program
    .command('cases')
    .description('complaint, service, retention and follow-up cases through the five steps (received → closed)');

  cmd
    .command('list')
    .description('cases matching filters, one page at a time (newest change first)')
    .option('--stage <stages>', `comma-separated: ${CASE_STAGES.join(', ')}`)
    .option('--kind <kinds>', `comma-separated: ${CASE_KINDS.join(', ')}`)
    .option('--priority <priorities>', `comma-separated: ${CASE_PRIORITIES.join(', ')}`)
    .option('--owner <user>', 'owned by this user')
    .option('--team <team>', "the owner's team")
    .option('--customer <id>', "one customer's cases")
    .option('--open', 'only cases still worked (received to following_up)')
    .option('--closed', 'only closed or cancelled cases')
    .option('--search <words>', 'words of the subject, case-insensitive')
    .option('--overdue', 'only open cases with an SLA target past due')
    .option('--mine', 'only cases owned by the user given with --as')
    .option('--my-team', 'only cases of the teams of the user given with --as')
    .option('--as <user>', 'the user --mine and --my-team stand for')
    .option(
      '--sort <key>',
      'opened_at, updated_at, priority, stage, customer_id, case_id or due (next due time)',
      'updated_at',
    )
    .option('--asc', 'ascending (default: descending)')
    .option('--page <n>', 'page number, from 1', '1')
    .option('--limit <n>', 'cases per page (at most 500)', '50')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (f: Record<string, string | boolean | undefined>, c: Command) => {
      const g = globalsOf(c);
      try {
        const { listCases, normalizeLang, tenureError, withWorkspace } = await import('@tenure/core');
        if (f.open && f.closed) throw tenureError('TEN_USAGE', { detail: 'give --open or --closed, not both' });
        const s = (k: string) => f[k] as string | undefined;
        const page = await withWorkspace(g.workspace, (ws) =>
          listCases(
            ws,
            {
              ...(f.stage ? { stage: list(s('stage')) as never } : {}),
              ...(f.kind ? { kind: list(s('kind')) as never } : {}),
              ...(f.priority ? { priority: list(s('priority')) as never } : {}),
              ...(f.owner ? { owner: s('owner') } : {}),
              ...(f.team ? { team: s('team') } : {}),
              ...(f.customer ? { customer_id: s('customer') } : {}),
              ...(f.open ? { status: 'open' as const } : f.closed ? { status: 'closed' as const } : {}),
              ...(f.search ? { q: s('search') } : {}),
              ...(f.overdue ? { overdue: true } : {}),
              ...(f.mine ? { mine: true } : {}),
              ...(f.myTeam ? { my_team: true } : {}),
              sort: s('sort') as never,
              order: f.asc ? 'asc' : 'desc',
              page: numberOf(s('page')) as number,
              page_size: numberOf(s('limit')) as number,
            },
            { user: s('as') ?? null },
          ),
        );
        const { caseTable } = await import('../case-render.ts');
        emit(g, page, () => caseTable(page, normalizeLang(s('lang'))));
      } catch (e) {
        fail(g, e);
      }
    });

  cmd
    .command('show <id>')
    .description('a case: its fields by step and its history, newest first')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (id: string, f: { lang: string }, c: Command) => {
      const g = globalsOf(c);
      try {
        const { getCase, normalizeLang, withWorkspace } = await import('@tenure/core');
        const { detail, terms } = await withWorkspace(g.workspace, async (ws) => ({
          detail: await getCase(ws, id),
          terms: ws.config.cases.root_cause_labels,
        }));
        const { caseDetail } = await import('../case-render.ts');
        emit(g, detail, () => caseDetail(detail, normalizeLang(f.lang), terms));
      } catch (e) {
        fail(g, e);
      }
    });

  cmd
    .command('sla-check')
    .description('alert the SLA breaches of open cases not alerted yet (the server does this every few minutes)')
    .option('--at <time>', 'check as of this ISO time (default: now)')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (f: { at?: string; lang: string }, c: Command) => {
      const g = globalsOf(c);
      try {
        const { checkSlaBreaches, normalizeLang, tenureError, withWorkspace } = await import('@tenure/core');
        const at = f.at === undefined ? new Date() : new Date(f.at);
        if (Number.isNaN(at.getTime()))
          throw tenureError('TEN_USAGE', { detail: `--at ${f.at}: give an ISO time such as 2026-03-09T10:00:00Z` });
        const r = await withWorkspace(g.workspace, (ws) => checkSlaBreaches(ws, at));
        const { slaCheckText } = await import('../case-render.ts');
        emit(g, r, () => slaCheckText(r, normalizeLang(f.lang)));
      } catch (e) {
        fail(g, e);
      }
    });

  writeOptions(
    cmd
      .command('create')
      .description('open a case on a customer, at received')
      .requiredOption('--customer <id>', 'the customer the case is about')
      .requiredOption('--kind <kind>', CASE_KINDS.join(', '))
      .requiredOption('--subject <text>', 'one line saying what it is about')
      .option('--description <text>', 'the details, as the customer told them')
      .option('--priority <priority>', CASE_PRIORITIES.join(', '), 'normal')
      .option('--owner <user>', 'the user who works it')
      .option('--team <team>', 'the team it belongs to')
      .option('--source <source>', CASE_SOURCES.join(', '), 'manual')
      .option('--source-ref <id>', 'the row that caused it: a ticket, alert or survey response id')
      .option('--id <id>', "the case's id (default: the next CASE-nnnnnn)"),
  ).action(async (f: WriteFlags & Record<string, string | undefined>, c: Command) =>
    write(globalsOf(c), f, (core, ws) =>
      core.createCase(ws, actorOf(f.as), {
        customer_id: f.customer as string,
        kind: f.kind as never,
        subject: f.subject as string,
        priority: f.priority as never,
        source: f.source as never,
        ...(f.description !== undefined ? { description: f.description } : {}),
        ...(f.owner !== undefined ? { owner: f.owner } : {}),
        ...(f.team !== undefined ? { team: f.team } : {}),
        ...(f.sourceRef !== undefined ? { source_ref: f.sourceRef } : {}),
        ...(f.id !== undefined ? { case_id: f.id } : {}),
        ...(f.note !== undefined ? { note: f.note } : {}),
      }),
    ),
  );

  writeOptions(
    cmd
      .command('move <id> <stage>')
      .description(
        'take the next step, with the fields it records (--set field=value, repeatable); or cancel; or reopen a closed case at received or diagnosed',
      )
      .option('--set <field=value>', 'a field of the step, e.g. root_cause=price, csat=4, contacted=yes', collect, []),
  ).action(async (id: string, to: string, f: WriteFlags & { set: string[] }, c: Command) => {
    const g = globalsOf(c);
    try {
      const fields = await fieldsOf(f.set);
      await write(g, f, (core, ws) => core.moveCase(ws, actorOf(f.as), id, { to: to as never, fields, ...common(f) }));
    } catch (e) {
      fail(g, e);
    }
  });

  writeOptions(
    cmd
      .command('assign <id>')
      .description('give a case to an owner, a team or both')
      .option('--owner <user>', 'the user who works it')
      .option('--team <team>', 'the team it belongs to'),
  ).action(async (id: string, f: WriteFlags & { owner?: string; team?: string }, c: Command) =>
    write(globalsOf(c), f, (core, ws) =>
      core.assignCase(ws, actorOf(f.as), id, {
        ...(f.owner !== undefined ? { owner: f.owner } : {}),
        ...(f.team !== undefined ? { team: f.team } : {}),
        ...common(f),
      }),
    ),
  );

  writeOptions(
    cmd
      .command('reopen <id>')
      .description('reopen a closed case (counted), at received or diagnosed')
      .option('--to <stage>', REOPEN_STAGES.join(' or '), 'received'),
  ).action(async (id: string, f: WriteFlags & { to: string }, c: Command) =>
    write(globalsOf(c), f, (core, ws) => core.reopenCase(ws, actorOf(f.as), id, { to: f.to as never, ...common(f) })),
  );

  writeOptions(cmd.command('cancel <id>').description('cancel an open case (say why with --note)')).action(
    async (id: string, f: WriteFlags, c: Command) =>
      write(globalsOf(c), f, (core, ws) => core.cancelCase(ws, actorOf(f.as), id, common(f))),
  );

  cmd
    .command('comment <id> <text>')
    .description("add a note to a case's history")
    .option('--as <user>', 'who acts, recorded in the case history (default: cli:<your login>)')
    .option('--version <n>', 'the version you read: refused if the case changed since (exit 5)')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (id: string, text: string, f: WriteFlags, c: Command) =>
      write(globalsOf(c), f, (core, ws) =>
        core.commentCase(ws, actorOf(f.as), id, { note: text, ...common({ ...f, note: undefined }) }),
      ),
    );

  cmd
    .command('escalate <ticket>')
    .description('open a complaint case from a ticket, once per ticket (a second time shows the case opened then)')
    .option('--owner <user>', 'the user who works it')
    .option('--team <team>', 'the team it belongs to')
    .option('--priority <priority>', `${CASE_PRIORITIES.join(', ')} (default: the ticket's)`)
    .option('--as <user>', 'who acts, recorded in the case history (default: cli:<your login>)')
    .option('--note <text>', 'a note for the case history')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(
      async (ticket: string, f: WriteFlags & { owner?: string; team?: string; priority?: string }, c: Command) => {
        const g = globalsOf(c);
        try {
          const core = await import('@tenure/core');
          const e = await core.withWorkspace(g.workspace, (ws) =>
            core.escalateTicket(ws, actorOf(f.as), {
              ticket_id: ticket,
              ...(f.owner !== undefined ? { owner: f.owner } : {}),
              ...(f.team !== undefined ? { team: f.team } : {}),
              ...(f.priority !== undefined ? { priority: f.priority as never } : {}),
              ...(f.note !== undefined ? { note: f.note } : {}),
            }),
          );
          const { escalationLine } = await import('../case-render.ts');
          emit(g, e, () => escalationLine(ticket, e, core.normalizeLang(f.lang)));
        } catch (e) {
          fail(g, e);
        }
      },
    );
};
