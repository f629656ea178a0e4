/**
 * Flags shared by the model commands (fit, survival, clv, models validate) and their translation into the
 * core's model options; core checks the values (parseModelOptions), so a bad one gets TEN_MODEL_BAD_OPTION.
 */
import type { ModelOptions } from '@tenure/core';
import { activityBases, groupFilter, tenureError, timeUnits } from '@tenure/core/shell';
import type { Command } from 'commander';

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

const number = (flag: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n))
    throw tenureError('TEN_MODEL_BAD_OPTION', { option: flag, value: v, expected: 'a number' });
  return n;
};

/** 12, 12m or 1y → months. */
function months(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\s*(m|mo|months?|y|years?)?$/i.exec(v.trim());
  if (!m)
    throw tenureError('TEN_MODEL_BAD_OPTION', { option: '--horizon', value: v, expected: 'months as 12, 12m or 1y' });
  return Number(m[1]) * (m[2]?.toLowerCase().startsWith('y') ? 12 : 1);
}

/** Survivor counts as typed or pasted from a spreadsheet: separated by commas, spaces, tabs, semicolons or lines. */
export function parseSurvivors(v: string): number[] {
  return v
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((x) => {
      const n = Number(x);
      if (!Number.isFinite(n))
        throw tenureError('TEN_MODEL_BAD_OPTION', {
          option: '--survivors',
          value: v,
          expected: 'numbers such as 1000,869,743',
        });
      return n;
    });
}

function filters(pairs: string[] | undefined): Record<string, string[]> | undefined {
  if (!pairs?.length) return undefined;
  return groupFilter(
    pairs.map((p) => {
      const i = p.indexOf('=');
      if (i <= 0)
        throw tenureError('TEN_MODEL_BAD_OPTION', { option: '--filter', value: p, expected: 'dimension=value' });
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
    discountRate: number('--discount', f.discount),
    margin: number('--margin', f.margin),
    top: number('--top', f.top),
    confType: f.confType,
    tau: number('--tau', f.tau),
    ...(horizon === 'months' ? { horizonMonths: months(f.horizon) } : { horizon: number('--horizon', f.horizon) }),
  };
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as ModelOptions;
}
