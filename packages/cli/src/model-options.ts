/**
 * Flags shared by the model commands (fit, survival, clv, models validate) and their translation into the
 * core's model options; core checks the values (parseModelOptions), so a bad one gets TEN_BAD_OPTION as from the
 * API. Text that is no number goes to core as typed, for its schema to refuse.
 */
import type { ModelOptions } from '@tenure/core';
import { activityBases, groupFilter, tenureError, timeUnits } from '@tenure/core/shell';
import type { Command } from 'commander';
import { numberOrText } from './flag-value.ts';

export interface ModelFlags {
  unit?: string;
  calibrationEnd?: string;
  holdoutEnd?: string;
  asOf?: string;
  by?: string[];
  filter?: string[];
  basis?: string;
  covariates?: string;
  survivors?: string;
  discount?: string;
  margin?: string;
  top?: string;
  confType?: string;
  tau?: string;
  horizon?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').filter(Boolean)];
const repeat = (v: string, prev: string[] = []) => [...prev, v];

/** The option groups a command can take. */
export const flagGroups = {
  btyd: (c: Command) =>
    c
      .option(
        '--calibration-end <date>',
        'last day of the calibration period, YYYY-MM-DD (default: the last order day)',
      )
      .option('--holdout-end <date>', 'last day of the holdout period (default: the last order day)'),
  survival: (c: Command) =>
    c
      .option('--by <dimension>', 'break down by a segment dimension (repeatable or comma-separated)', collect)
      .option(
        '--as-of <date>',
        'censor lifetimes still running on this day (default: the latest date in the workspace)',
      )
      .option('--basis <basis>', activityBases.join(', ')),
  common: (c: Command) =>
    c
      .option('--unit <unit>', timeUnits.join(', '))
      .option('--filter <dimension=value>', 'only customers with this value (repeatable)', repeat),
} satisfies Record<string, (c: Command) => Command>;

/** 12, 12m or 1y → months; other text as typed. */
function months(v: string | undefined): number | string | undefined {
  const m = v === undefined ? null : /^(\d+)\s*(m|mo|months?|y|years?)?$/i.exec(v.trim());
  return m ? Number(m[1]) * (m[2]?.toLowerCase().startsWith('y') ? 12 : 1) : v;
}

/** Survivor counts as typed or pasted from a spreadsheet: separated by commas, spaces, tabs, semicolons or lines. */
export const parseSurvivors = (v: string): (number | string)[] =>
  v
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((x) => numberOrText(x) ?? x);

function filters(pairs: string[] | undefined): Record<string, string[]> | undefined {
  if (!pairs?.length) return undefined;
  return groupFilter(
    pairs.map((p) => {
      const i = p.indexOf('=');
      if (i <= 0)
        throw tenureError('TEN_BAD_OPTION', {
          fixes: [{ option: 'filter', value: p, allowed: { en: 'dimension=value', 'zh-CN': '维度=值' } }],
        });
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
}

/** Flags → options; `horizon` is months for clv and periods for the sBG projection. */
export function modelOptions(f: ModelFlags, horizon: 'months' | 'periods' = 'months'): Record<string, unknown> {
  const o: Record<string, unknown> = {
    unit: f.unit,
    calibrationEnd: f.calibrationEnd,
    holdoutEnd: f.holdoutEnd,
    asOf: f.asOf,
    by: f.by,
    filter: filters(f.filter),
    basis: f.basis,
    covariates: f.covariates
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    survivors: f.survivors === undefined ? undefined : parseSurvivors(f.survivors),
    discountRate: numberOrText(f.discount),
    margin: numberOrText(f.margin),
    top: numberOrText(f.top),
    confType: f.confType,
    tau: numberOrText(f.tau),
    ...(horizon === 'months' ? { horizonMonths: months(f.horizon) } : { horizon: numberOrText(f.horizon) }),
  };
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as ModelOptions;
}
