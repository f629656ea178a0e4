/**
 * The model catalogue: one entry per model, typed by the list of names (names.ts), so neither can lack the other. `runModel` checks
 * the options, runs the model on a workspace and stores the run (runs.ts); the CLI and the API go through it.
 * Adding a model is its folder plus one entry here.
 */

import { tenureError } from '../errors.ts';
import { badOption } from '../options.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { bgNbd } from './bg-nbd/run.ts';
import { customerValue } from './clv/clv.ts';
import { cox } from './cox/run.ts';
import { gammaGamma } from './gamma-gamma/run.ts';
import { survival } from './kaplan-meier/survival.ts';
import { type ModelName, modelNames } from './names.ts';
import { type ModelOptions, parseModelOptions } from './options.ts';
import { type ModelRun, saveRun } from './runs.ts';
import { sbg } from './sbg/run.ts';
import { validateModels } from './validate.ts';

interface ModelDef<R> {
  title: string;
  /** What it implements, for listings and docs. */
  reference: string;
  run(ws: Workspace, o: ModelOptions): Promise<R>;
  /** The data span a result covers. */
  window(r: R): { from: string | null; to: string | null };
}

const define = <R>(d: ModelDef<R>) => d;
const unitOr = (o: ModelOptions, u: NonNullable<ModelOptions['unit']>) => o.unit ?? u;

export const models = {
  km: define({
    title: 'Kaplan–Meier survival by segment, with the log-rank test',
    reference: 'Kaplan & Meier (1958); Greenwood (1926); Mantel (1966)',
    run: (ws, o) => survival(ws.db, ws.config, { ...o, unit: unitOr(o, 'month') }),
    window: (r) => ({ from: null, to: r.asOf }),
  }),
  cox: define({
    title: 'Cox proportional hazards (Efron ties)',
    reference: 'Cox (1972); Efron (1977)',
    run: (ws, o) => cox(ws.db, ws.config, { ...o, unit: unitOr(o, 'month') }, o.covariates),
    window: (r) => ({ from: null, to: r.asOf }),
  }),
  sbg: define({
    title: 'Shifted-beta-geometric retention projection',
    reference: 'Fader & Hardie (2007), How to Project Customer Retention',
    run: (ws, o) => sbg(ws.db, ws.config, o),
    window: (r) => ({ from: null, to: r.asOf }),
  }),
  bgnbd: define({
    title: 'BG/NBD purchases and P(alive)',
    reference: 'Fader, Hardie & Lee (2005), Counting Your Customers the Easy Way',
    run: (ws, o) => bgNbd(ws.db, ws.config, { ...o, unit: unitOr(o, 'week') }),
    window: (r) => ({ from: r.firstOrder, to: r.calibrationEnd }),
  }),
  'gamma-gamma': define({
    title: 'Gamma-gamma spend per transaction',
    reference: 'Fader, Hardie & Lee (2005), RFM and CLV',
    run: (ws, o) => gammaGamma(ws.db, ws.config, { ...o, unit: unitOr(o, 'week') }),
    window: (r) => ({ from: r.firstOrder, to: r.calibrationEnd }),
  }),
  clv: define({
    title: 'Customer lifetime value (BG/NBD × gamma-gamma, discounted)',
    reference: 'Fader, Hardie & Lee (2005), RFM and CLV',
    run: (ws, o) => customerValue(ws.db, ws.config, { ...o, unit: unitOr(o, 'week') }),
    window: (r) => ({ from: null, to: r.calibrationEnd }),
  }),
  validation: define({
    title: 'Calibration / holdout validation of the purchase and survival models',
    reference: 'Fader, Hardie & Lee (2005) §5; Fader & Hardie (2007)',
    run: (ws, o) => {
      if (!o.calibrationEnd)
        throw badOption('calibration_end', '', {
          en: 'the last day of the calibration period, YYYY-MM-DD',
          'zh-CN': '校准期的最后一天，格式为 YYYY-MM-DD',
        });
      return validateModels(ws.db, ws.config, { ...o, unit: unitOr(o, 'week'), calibrationEnd: o.calibrationEnd });
    },
    window: (r) => ({ from: null, to: r.holdoutEnd }),
  }),
} satisfies Record<ModelName, unknown>;

export { type ModelName, modelNames };
export type ModelResult<N extends ModelName> = Awaited<ReturnType<(typeof models)[N]['run']>>;

/**
 * Run a model on a workspace and store the run.
 *
 * @example
 * const run = await runModel(ws, 'bgnbd', { unit: 'week', calibrationEnd: '1997-09-30' }); // run.result.fit.params
 */
export async function runModel<N extends ModelName>(
  ws: Workspace,
  name: N,
  options: unknown = {},
): Promise<ModelRun<ModelResult<N>>> {
  if (!(name in models)) throw tenureError('TEN_MODEL_UNKNOWN', { name, known: modelNames });
  const o = parseModelOptions(options);
  const def = models[name] as unknown as ModelDef<ModelResult<N>>;
  const result = await def.run(ws, o);
  return saveRun(ws.db, { model: name, parameters: o, dataWindow: def.window(result), result });
}
