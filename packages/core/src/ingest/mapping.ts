import { tenureError } from '../errors.ts';
import type { Entity, Field } from '../schema/index.ts';

/** A file column mapped onto a canonical field. */
export interface MappedField {
  field: Field;
  index: number;
  header: string;
}

/** A file column kept as a typed extra attribute of the entity. */
export interface Extra {
  index: number;
  header: string;
  column: string;
}

/** A customers file that is a snapshot (tenure in months and a churned flag) rather than an event log. */
export interface SnapshotColumns {
  tenure: number;
  churn: number;
}

export interface Mapping {
  fields: MappedField[];
  extras: Extra[];
  /** Headers skipped because of --drop-unmapped. */
  dropped: string[];
  snapshot?: SnapshotColumns;
  /** The entity key is absent and derived (orders without an order id). */
  derivedKey: boolean;
}

export interface MappingOptions {
  /** --map target=source pairs. */
  explicit?: Record<string, string>;
  dropUnmapped?: boolean;
  /** Attribute columns the entity already has: header → column name, so re-imports reuse them. */
  known?: Record<string, string>;
  /** The file name, for messages. */
  file?: string;
}

/** "Customer ID", "customer_id" and "customerId" all become "customerid"; Chinese stays as it is. */
export const normalizeHeader = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()（）/:：#'"]+/g, '');

const TENURE_ALIASES = [
  'tenure',
  'tenure_months',
  'tenuremonths',
  'months',
  'lifetime_months',
  '在网时长',
  '在网月数',
  '客户时长',
  '使用月数',
];
const CHURN_ALIASES = [
  'churn',
  'churned',
  'is_churned',
  'churn_flag',
  'attrited',
  'exited',
  'left',
  '是否流失',
  '流失',
  '流失标志',
];

/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(tmp + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** The candidate closest to `name`, if it is close enough to be a plausible typo. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  const n = normalizeHeader(name);
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(n, normalizeHeader(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(n.length / 3)) ? best : undefined;
}

/**
 * Names an attribute column may not take: DuckDB's row-id pseudo-column and its alias. A real column of that
 * name hides the pseudo-column from the loader, which finds rows by rowid.
 */
const RESERVED = new Set(['rowid', 'oid']);

/** Targets of --map that are not fields: the two columns of a snapshot export (customers only). */
export const SNAPSHOT_TARGETS = { tenure: 'tenure', churned: 'churn', churn: 'churn' } as const;

/** A safe snake_case column name for an extra header; non-Latin headers get a positional name. */
export function attributeColumn(header: string, index: number): string {
  const snake = header
    .normalize('NFKD')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!snake || !/[a-z]/.test(snake)) return `attr_${index + 1}`;
  if (RESERVED.has(snake)) return `${snake}_attr`;
  return /^[0-9]/.test(snake) ? `a_${snake}` : snake.slice(0, 60);
}

function findHeader(headers: string[], names: readonly string[], taken: Set<number>): number {
  const wanted = new Set(names.map(normalizeHeader));
  return headers.findIndex((h, i) => !taken.has(i) && wanted.has(normalizeHeader(h)));
}

/** Map a file's headers onto an entity: explicit pairs first, then names and aliases, the rest as extras. */
export function mapColumns(entity: Entity, headers: string[], opts: MappingOptions = {}): Mapping {
  const taken = new Set<number>();
  const fields: MappedField[] = [];
  const byName = new Map(entity.fields.map((fl) => [fl.name, fl]));
  const snapshotTargets = entity.name === 'customers' ? Object.keys(SNAPSHOT_TARGETS) : [];
  const explicitSnapshot: Partial<SnapshotColumns> = {};
  for (const [target, source] of Object.entries(opts.explicit ?? {})) {
    const field = byName.get(target);
    const snapshotPart = snapshotTargets.includes(target)
      ? SNAPSHOT_TARGETS[target as keyof typeof SNAPSHOT_TARGETS]
      : undefined;
    if (!field && !snapshotPart) {
      const hint = nearest(target, [...byName.keys(), ...snapshotTargets]);
      throw tenureError(
        'TEN_IMPORT_BAD_MAPPING',
        {
          detail: `${entity.name} has no field "${target}"${hint ? ` (did you mean "${hint}"?)` : ''}; its fields are ${[...byName.keys(), ...snapshotTargets].join(', ')}`,
          found: headers,
        },
        { entity: entity.name },
        { target, suggestion: hint },
      );
    }
    let index = headers.indexOf(source);
    if (index < 0) index = findHeader(headers, [source], new Set());
    if (index < 0) {
      const hint = nearest(source, headers);
      throw tenureError(
        'TEN_IMPORT_BAD_MAPPING',
        { detail: `the file has no column "${source}"${hint ? ` (did you mean "${hint}"?)` : ''}`, found: headers },
        { column: source },
        { source, suggestion: hint },
      );
    }
    taken.add(index);
    if (snapshotPart) explicitSnapshot[snapshotPart] = index;
    else if (field) fields.push({ field, index, header: headers[index] as string });
  }
  for (const field of entity.fields) {
    if (fields.some((m) => m.field.name === field.name)) continue;
    const index = findHeader(headers, [field.name, ...(field.aliases ?? [])], taken);
    if (index >= 0) {
      taken.add(index);
      fields.push({ field, index, header: headers[index] as string });
    }
  }

  let snapshot: SnapshotColumns | undefined;
  const mapped = new Set(fields.map((m) => m.field.name));
  const mappedSnapshot = explicitSnapshot.tenure !== undefined || explicitSnapshot.churn !== undefined;
  if (entity.name === 'customers' && (mappedSnapshot || !mapped.has('created_at'))) {
    const tenure = explicitSnapshot.tenure ?? findHeader(headers, TENURE_ALIASES, taken);
    const churn = explicitSnapshot.churn ?? findHeader(headers, CHURN_ALIASES, taken);
    if (tenure >= 0 && churn >= 0) {
      snapshot = { tenure, churn };
      taken.add(tenure).add(churn);
    } else if (mappedSnapshot)
      throw tenureError(
        'TEN_IMPORT_BAD_MAPPING',
        {
          detail: `a snapshot needs both its tenure and its churned column; map the other one too (the ${tenure < 0 ? 'tenure' : 'churned'} field)`,
          found: headers,
        },
        { entity: entity.name },
      );
  }
  const derivedKey = entity.name === 'orders' && !mapped.has('order_id');

  const missing = entity.fields.filter(
    (fl) =>
      fl.required &&
      !mapped.has(fl.name) &&
      !(snapshot && fl.name === 'created_at') &&
      !(derivedKey && fl.name === 'order_id'),
  );
  if (missing.length) {
    const first = missing[0] as Field;
    const suggestion = nearest(
      first.name,
      headers.filter((_, i) => !taken.has(i)),
    );
    throw tenureError(
      'TEN_IMPORT_MISSING_COLUMN',
      {
        file: opts.file ?? '',
        fields: missing.map((m) => m.name),
        found: headers,
        ...(suggestion ? { suggestion } : {}),
      },
      { column: first.name },
      { missing: missing.map((m) => m.name), suggestion },
    );
  }

  const extras: Extra[] = [];
  const dropped: string[] = [];
  const used = new Set<string>([...entity.fields.map((fl) => fl.name), '_batch']);
  headers.forEach((header, index) => {
    if (taken.has(index)) return;
    if (opts.dropUnmapped || !entity.extensible) {
      dropped.push(header);
      return;
    }
    let column = opts.known?.[header] ?? attributeColumn(header, index);
    for (let k = 2; used.has(column); k++) column = `${attributeColumn(header, index)}_${k}`;
    used.add(column);
    extras.push({ index, header, column });
  });
  return { fields, extras, dropped, ...(snapshot ? { snapshot } : {}), derivedKey };
}
