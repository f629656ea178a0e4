import type { ImportSummary } from '@tenure/core';
import { encodingNames, formatNames, importNames, TenureError, tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { numberOrText } from '../flag-value.ts';
import { emit, fail, fmtInt, progressBar, table } from '../output.ts';

interface ImportFlags {
  map: string[];
  dropUnmapped?: boolean;
  encoding?: string;
  format?: string;
  sheet?: string;
  delimiter?: string;
  dateFormat?: string;
  asOf?: string;
  maxRejectRate?: string;
  createMissingCustomers?: boolean;
  dryRun?: boolean;
  /** commander's --no-header: false when given. */
  header: boolean;
  columns?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];

function parseMap(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0 || !p.slice(0, i).trim() || !p.slice(i + 1).trim())
      throw tenureError('TEN_IMPORT_BAD_MAPPING', { detail: `--map ${JSON.stringify(p)}`, found: [] });
    out[p.slice(0, i).trim()] = p.slice(i + 1).trim();
  }
  return out;
}

/** The first line says what happened: a refused import must not read like a success. */
function headline(s: ImportSummary): string {
  if (s.status === 'dry-run')
    return `Dry run of ${s.file} → ${s.entity} (${s.format}, ${s.encoding}): nothing was written${s.wouldRefuse ? '; the real import would be refused and load nothing' : ''}`;
  if (s.status === 'refused')
    return `Nothing imported from ${s.file} into ${s.entity}: refused (batch ${s.batchId} records the rejects)`;
  return `Imported ${s.file} into ${s.entity} (batch ${s.batchId}, ${s.format}, ${s.encoding}) in ${s.seconds.toFixed(1)} s`;
}

function render(s: ImportSummary): string {
  const lines = [
    headline(s),
    `  rows read ${fmtInt(s.rowsRead)}   loaded ${fmtInt(s.rowsLoaded)}   rejected ${fmtInt(s.rowsRejected)}${s.rowsBlank ? `   blank ${fmtInt(s.rowsBlank)}` : ''}`,
  ];
  if (s.status === 'loaded')
    lines.push(`  new ${fmtInt(s.rowsNew)}   updated ${fmtInt(s.rowsUpdated)}   unchanged ${fmtInt(s.rowsUnchanged)}`);
  if (s.customersCreated) lines.push(`  customers created ${fmtInt(s.customersCreated)}`);
  if (s.churnEventsDerived) lines.push(`  churn events derived from the snapshot ${fmtInt(s.churnEventsDerived)}`);
  lines.push(`  mapping: ${s.mapping.map((m) => `${m.field} ← ${m.header}`).join(', ')}`);
  if (s.snapshot) lines.push(`  snapshot: tenure ← ${s.snapshot.tenure}, churned ← ${s.snapshot.churn}`);
  if (s.extras.length)
    lines.push(`  extra attributes: ${s.extras.map((x) => `${x.column} ${x.type} ← ${x.header}`).join(', ')}`);
  if (s.dropped.length) lines.push(`  skipped columns: ${s.dropped.join(', ')}`);
  if (s.problems.length) {
    lines.push('  problems:');
    for (const p of s.problems)
      lines.push(`    ${p.code}  ${p.count} row(s), first on line ${p.firstLine ?? '?'}: ${p.example}`);
    if (s.status !== 'dry-run') lines.push('  See every rejected row with `tenure rejects`.');
  }
  if (s.preview?.length) {
    const cols = Object.keys(s.preview[0] ?? {});
    lines.push(
      '',
      table(
        cols,
        s.preview.map((r) => cols.map((c) => (r[c] === null ? null : String(r[c])))),
      ),
    );
  }
  return lines.join('\n');
}

export const importCommand: CommandModule = (program: Command) => {
  program
    .command('import')
    .description('import a CSV/TSV, XLSX, Parquet, JSON or NDJSON file into an entity')
    .argument('<entity>', importNames.join(', '))
    .argument('<file>', 'the file to import')
    .option('--map <target=source>', 'map a file column onto a field (repeatable)', collect, [])
    .option('--drop-unmapped', 'skip columns that map to no field instead of keeping them as attributes')
    .option('--encoding <enc>', `${encodingNames.join(', ')} (detected when omitted)`)
    .option('--format <fmt>', `${formatNames.join(', ')} (detected when omitted)`)
    .option('--sheet <name|n>', 'XLSX sheet by name or 1-based number (the first by default)')
    .option('--delimiter <c>', 'CSV delimiter (detected when omitted); \\t for tab')
    .option('--date-format <fmt>', 'strptime format for day-first or unusual dates, e.g. %d/%m/%Y')
    .option('--as-of <date>', 'for snapshot exports (tenure + churn flag): the date of the snapshot, YYYY-MM-DD')
    .option('--max-reject-rate <share>', 'load nothing when more than this share of rows is bad', '0.05')
    .option('--create-missing-customers', 'create customers that the file names but the workspace lacks')
    .option('--no-header', 'the file has no header row: its first line is data (name the columns with --columns)')
    .option('--columns <names>', "comma-separated names for the file's columns, in order, instead of its header")
    .option(
      '--dry-run',
      'show mapping, types, first rows and problems without writing anything (exit 3 if the import would be refused)',
    )
    .action(async (entity: string, file: string, f: ImportFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const map = parseMap(f.map);
        const columns = f.columns?.split(',').map((c) => c.trim());
        const onProgress = progressBar(g);
        const options = {
          map,
          dropUnmapped: !!f.dropUnmapped,
          // Text that is no number goes to core as typed, for checkImportOptions to refuse it by name.
          maxRejectRate: numberOrText(f.maxRejectRate ?? '0.05') as number,
          createMissingCustomers: !!f.createMissingCustomers,
          dryRun: !!f.dryRun,
          header: f.header,
          ...(columns ? { columns } : {}),
          ...(f.encoding ? { encoding: f.encoding } : {}),
          ...(f.format ? { format: f.format } : {}),
          ...(f.sheet ? { sheet: f.sheet } : {}),
          ...(f.delimiter ? { delimiter: f.delimiter } : {}),
          ...(f.dateFormat ? { dateFormat: f.dateFormat } : {}),
          ...(f.asOf ? { asOf: f.asOf } : {}),
          ...(onProgress ? { onProgress } : {}),
        };
        const { checkImportOptions, importFile, tooManyRejects, withWorkspace } = await import('@tenure/core');
        // Option values are checked before the workspace is opened: a typo must not wait for (or lock) the database.
        const { maxRejectRate } = checkImportOptions(options);
        const summary = await withWorkspace(g.workspace, (ws) => importFile(ws, entity, file, options));
        // A dry run of an import that would be refused fails like the import would, after showing its summary.
        if (summary.wouldRefuse) throw tooManyRejects(summary, maxRejectRate);
        emit(g, summary, () => render(summary));
      } catch (e) {
        const summary = e instanceof TenureError ? (e.details.summary as ImportSummary | undefined) : undefined;
        if (summary && !g.json) process.stdout.write(`${render(summary)}\n`);
        fail(g, e);
      }
    });
};
