import { z } from 'zod';
import { campaignsConfigSchema, defaultCampaignsConfig } from '../campaigns/config.ts';
import { casesConfigSchema, defaultCasesConfig } from '../cases/config.ts';
import { costsConfigSchema, defaultCostsConfig } from '../costs/config.ts';
import { tenureError } from '../errors.ts';
import { defaultImportLimits, importLimitsSchema } from '../ingest/limits.ts';
import { defaultPredictionConfig, predictionConfigSchema } from '../predict/config.ts';
import { ErrorReport } from '../report.ts';
import { defaultSegmentsConfig, segmentsConfigSchema } from '../segments/config.ts';
import { defaultVoiceConfig, voiceConfigSchema } from '../voice/text/config.ts';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Hours to the first response on an imported ticket, by its priority (a ticket without one is normal). */
export const DEFAULT_TICKET_SLA_HOURS = { urgent: 1, high: 4, normal: 24, low: 72 };
const slaHours = z
  .number()
  .positive()
  .max(24 * 366);

const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'use lower-case letters, digits and _ (a column name)');

/** tenure.config.json: how this business defines churn and its calendar. Every key has a safe default. */
export const configSchema = z
  .object({
    version: z.literal(1).default(1),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'use a 3-letter ISO 4217 code such as CNY, USD or EUR')
      .default('USD'),
    timezone: z.string().refine(isTimeZone, 'use an IANA time zone such as Asia/Shanghai or UTC').default('UTC'),
    fiscal_year_start_month: z.number().int().min(1).max(12).default(1),
    week_start: z.enum(['monday', 'sunday']).default('monday'),
    churn: z
      .object({
        /** Contractual: a subscription that lapses counts as churned after this many days without renewal. */
        grace_days: z.number().int().min(0).max(365).default(0),
        /** Non-contractual: a buyer with no order for this many days is churned (at last order + N days). */
        inactivity_days: z.number().int().min(1).max(3650).default(180),
        /** Contractual churn date: the end of the paid period (+ grace days) or the cancellation request. */
        recognized_at: z.enum(['end_of_period', 'cancellation_request']).default('end_of_period'),
        /** Count customers who join and leave within one period as churned (Baremetrics) or not (ChartMogul). */
        count_same_period: z.boolean().default(false),
        /**
         * A churn within this many days after a complaint case closed unsatisfied or past its resolution SLA is a
         * retaliatory candidate in the churn taxonomy (metrics/retaliatory.ts).
         */
        retaliatory_window_days: z.number().int().min(1).max(365).default(30),
      })
      .strict()
      .default({
        grace_days: 0,
        inactivity_days: 180,
        recognized_at: 'end_of_period',
        count_same_period: false,
        retaliatory_window_days: 30,
      }),
    /** Service levels of imported tickets, which SLA compliance measures (metrics/service.ts). */
    service: z
      .object({
        first_response_hours: z
          .object({
            urgent: slaHours.default(DEFAULT_TICKET_SLA_HOURS.urgent),
            high: slaHours.default(DEFAULT_TICKET_SLA_HOURS.high),
            normal: slaHours.default(DEFAULT_TICKET_SLA_HOURS.normal),
            low: slaHours.default(DEFAULT_TICKET_SLA_HOURS.low),
          })
          .strict()
          .default(DEFAULT_TICKET_SLA_HOURS),
      })
      .strict()
      .default({ first_response_hours: DEFAULT_TICKET_SLA_HOURS }),
    /** Gross margin on recurring revenue, for LTV and CAC payback when order costs do not tell it. */
    gross_margin: z.number().gt(0).max(1).default(0.7),
    /** Customer columns that may be used to break metrics down (canonical segments and imported attributes). */
    dimensions: z.array(identifier).default(['region', 'product_line', 'customer_type', 'channel']),
    /** Bounds on imported files and event batches: dates, width, line length, sheet size, JSON nesting (ingest/limits.ts). */
    import: importLimitsSchema.default(defaultImportLimits),
    /** Churn prediction: horizon, risk tiers, alert rules and webhooks (predict/config.ts). */
    prediction: predictionConfigSchema.default(defaultPredictionConfig),
    /** Cases: the root-cause taxonomy and the approval of compensation (cases/config.ts). */
    cases: casesConfigSchema.default(defaultCasesConfig),
    /** Campaigns as experiments: defaults of imported campaigns and the bootstrap (campaigns/config.ts). */
    campaigns: campaignsConfigSchema.default(defaultCampaignsConfig),
    /** Cost categories grouped as acquisition, retention and CRM spending, and their allocation rules (costs/config.ts). */
    costs: costsConfigSchema.default(defaultCostsConfig),
    /** Text analysis: the user dictionary and the number of topics (voice/text/config.ts). */
    voice: voiceConfigSchema.default(defaultVoiceConfig),
    /** RFM bins, value tiers and lifecycle stage rules: the derived dimensions (segments/config.ts). */
    segments: segmentsConfigSchema.default(defaultSegmentsConfig),
    /**
     * Where the entity tables live when not in tenure.duckdb: `chdb:/abs/dir` or `clickhouse://user:pass@host:8123/db`
     * (engine/clickhouse/record.ts). Set by `tenure init --engine` only: the data does not move when it changes.
     */
    engine: z.string().min(1).optional(),
  })
  .strict();

export type TenureConfig = z.infer<typeof configSchema>;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A change to the config: any key at any depth; lists (dimensions, webhooks) are replaced whole. */
export type SettingsPatch = DeepPartial<Omit<TenureConfig, 'version' | 'engine'>>;

/**
 * The config schema with every key optional at every depth and no defaults: zod applies a default even
 * inside `.partial()`, so a patch parsed by the config's own schema would name every key it did not send
 * and put it back to its default. Cross-key rules (tier order) are checked on the merged whole.
 */
function patchOf(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return patchOf(schema.unwrap() as z.ZodType);
  if (!(schema instanceof z.ZodObject)) return schema;
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([k, v]) => [k, patchOf(v as z.ZodType).optional()]),
  );
  return z.object(shape).strict();
}

/** The body of a settings write: a deep partial of tenure.config.json, unknown keys refused. */
export const settingsPatchSchema = patchOf(
  configSchema.omit({ version: true, engine: true }),
) as z.ZodType<SettingsPatch>;

export const defaultConfig = (): TenureConfig => configSchema.parse({});

/**
 * A config written by an earlier release, in today's shape: the cost categories of acquisition and CRM spending
 * moved from `campaigns` (`acquisition_cost_categories`, `crm_cost_categories`) to `costs` (`acquisition_categories`,
 * `crm_categories`), which every cost figure reads; CRM ROI still divides by the CRM and the retention categories,
 * so `retention` leaves the CRM list. Keys of the new place, when set, win. Anything else is left for the schema.
 */
function upgradeConfig(json: unknown): unknown {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(json) || !isObject(json.campaigns)) return json;
  const { crm_cost_categories: crm, acquisition_cost_categories: acquisition, ...campaigns } = json.campaigns;
  if (crm === undefined && acquisition === undefined) return json;
  const costs = isObject(json.costs) ? json.costs : {};
  const crmOnly = Array.isArray(crm) ? crm.filter((c) => c !== 'retention') : crm;
  return {
    ...json,
    campaigns,
    costs: {
      ...(acquisition === undefined ? {} : { acquisition_categories: acquisition }),
      ...(crmOnly === undefined || (Array.isArray(crmOnly) && !crmOnly.length) ? {} : { crm_categories: crmOnly }),
      ...costs,
    },
  };
}

/** Parse and validate a config text, reporting every problem with its JSON path at once. */
export function parseConfig(text: string, file: string): TenureConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw tenureError('TEN_CONFIG_PARSE', { file, detail: (e as Error).message }, { file });
  }
  const parsed = configSchema.safeParse(upgradeConfig(json));
  if (parsed.success) return parsed.data;
  const report = new ErrorReport();
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || '(top level)';
    report.inContext(path).error(issue.message);
  }
  report.throwIfAny((problems) => tenureError('TEN_CONFIG_INVALID', { file, problems }, { file }));
  throw tenureError('TEN_INTERNAL', { detail: 'unreachable config state' });
}
