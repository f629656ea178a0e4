import type { ImportSummary } from '../summary.ts';
import type { Checked } from './check.ts';
import type { ImportRun } from './context.ts';
import type { Loaded } from './load.ts';
import type { Mapped } from './map.ts';
import type { Read } from './read.ts';

/** What an import did, as `importFile` returns it (its `problems` read from the batch's rejects). */
export function summarize(
  { entity, src, o }: ImportRun,
  { staged }: Read,
  { mapping, extraTypes }: Mapped,
  { plan }: Checked,
  loaded: Loaded,
  facts: { sha256: string; problems: ImportSummary['problems'] },
): ImportSummary {
  const { total, bad, blank } = loaded;
  const good = total - bad;
  const status = o.dryRun ? 'dry-run' : loaded.refused ? 'refused' : 'loaded';
  return {
    batchId: o.dryRun ? null : loaded.batch,
    entity: entity.name,
    file: src.file,
    format: src.format,
    encoding: src.encoding,
    sha256: facts.sha256,
    status,
    ...(o.dryRun ? { wouldRefuse: loaded.refused } : {}),
    rowsRead: total,
    rowsLoaded: status === 'loaded' ? good : 0,
    rowsRejected: bad,
    rowsBlank: blank,
    rowsNew: loaded.inserted,
    rowsUpdated: loaded.updated,
    rowsUnchanged: status === 'loaded' ? good - loaded.inserted - loaded.updated : 0,
    customersCreated: loaded.customersCreated,
    churnEventsDerived: loaded.churnEvents,
    mapping: plan.columns.filter((c) => !c.extra).map((c) => ({ field: c.name, header: c.header })),
    extras: mapping.extras.map((x) => ({
      header: x.header,
      column: x.column,
      type: extraTypes[x.column] ?? 'VARCHAR',
    })),
    dropped: mapping.dropped,
    ...(mapping.snapshot
      ? {
          snapshot: {
            tenure: staged.headers[mapping.snapshot.tenure] as string,
            churn: staged.headers[mapping.snapshot.churn] as string,
          },
        }
      : {}),
    derivedKey: mapping.derivedKey,
    problems: facts.problems,
    seconds: 0,
  };
}
