/**
 * Derived dimensions on tiny-segments (test/fixtures/tiny-segments.ts) at t = 2024-07-01, by hand, on every engine.
 *
 * Value (CLV ÷ (0.7 margin × 11.41… discounted months) = MRR at t + order spend of the 365 days before t ÷ 12):
 *   C 2,100/12 = 175, A 100, B 50, D 240/12 = 20 (the 2023 order is older), E 10, G 5, H 2.5; F ended, I nothing.
 *   n = 7: top rn ≤ 0.2 × 7 = 1.4 → C; middle rn ≤ 0.5 × 7 = 3.5 → A, B; rest D, E, G, H.
 * RFM (n = 8, score = ⌊(rank − 1) × 5 ÷ 8⌋ + 1; ranks 1…8 → 1 1 2 2 3 4 4 5):
 *   recency: E 02-01, F 03-01 (end), H 04-20, G 06-01, C 06-10, D 06-15, A = B = t (running, tie rank 7)
 *     → E1 F1 H2 G2 C3 D4 A4 B4
 *   frequency: E G H 1 day (rank 1), B 2 months, C 2 days, D 2 days (rank 4), F 14 months (rank 7), A 18 (rank 8)
 *     → E1 G1 H1 B2 C2 D2 F4 A5
 *   monetary: H 30, G 60, B 100 (50 × 2), E 120, D 340, F 1,120 (80 × 14), A 1,800 (100 × 18), C 2,100
 *     → H1 G1 B2 E2 D3 F4 A4 C5
 *   segments: A R4 F5 champions; B, D R4 F2 promising; C R3 F2 need_attention; F R1 F4 at_risk; E, G, H hibernating.
 * Lifecycle: A active; B at_risk (pending cancellation, no scoring); C active (first 122 days ago, one span);
 *   D reactivated (span since 06-15 after the 2023 one ended); E dormant (last order 151 days ago ≥ 90);
 *   F churned; G new (30 days); H at_risk (72 days ≥ 45, < 90); I no stage.
 */
import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinySegments } from '../../test/fixtures/tiny-segments.ts';
import { DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON_MONTHS, discountedMonths } from '../models/clv/parts.ts';
import { sql } from '../sql/sql.ts';
import { defaultConfig } from '../workspace/config.ts';
import { lifecycleSql } from './lifecycle.ts';
import { rfmSql } from './rfm-cells.ts';
import { valueTierSql } from './value-tiers.ts';

const ctx = { config: defaultConfig(), asOf: sql`CAST(${'2024-07-01 00:00:00'} AS TIMESTAMP)`, scored: false };
const factor = 0.7 * discountedMonths(DEFAULT_HORIZON_MONTHS, DEFAULT_DISCOUNT_RATE);

forEachEngine('tiny-segments (hand-computed)', fillTinySegments, (e) => {
  const rows = (q: ReturnType<typeof sql>, col: string) =>
    e.conn
      .all<Record<string, unknown>>(sql`SELECT customer_id, ${sql.id(col)} AS v FROM (${q}) x ORDER BY customer_id`)
      .then((r) => Object.fromEntries(r.map((x) => [x.customer_id, x.v])));

  e.it('value tiers: top 20 % / next 30 % / rest of the customers with a value, by CLV', async () => {
    expect(await rows(valueTierSql(ctx), 'value_tier')).toEqual({
      A: 'middle',
      B: 'middle',
      C: 'top',
      D: 'rest',
      E: 'rest',
      G: 'rest',
      H: 'rest',
    });
    const clv = await rows(valueTierSql(ctx), 'clv');
    expect(clv.C).toBeCloseTo(175 * factor, 6);
    expect(clv.H).toBeCloseTo(2.5 * factor, 6);
  });

  e.it('RFM cells and segments in quintiles, ties sharing a score', async () => {
    expect(await rows(rfmSql(ctx), 'rfm_cell')).toEqual({
      A: 'R4F5M4',
      B: 'R4F2M2',
      C: 'R3F2M5',
      D: 'R4F2M3',
      E: 'R1F1M2',
      F: 'R1F4M4',
      G: 'R2F1M1',
      H: 'R2F1M1',
    });
    expect(await rows(rfmSql(ctx), 'rfm_segment')).toEqual({
      A: 'champions',
      B: 'promising',
      C: 'need_attention',
      D: 'promising',
      E: 'hibernating',
      F: 'at_risk',
      G: 'hibernating',
      H: 'hibernating',
    });
  });

  e.it('lifecycle stages by the configured rules', async () => {
    expect(await rows(lifecycleSql(ctx), 'lifecycle_stage')).toEqual({
      A: 'active',
      B: 'at_risk',
      C: 'active',
      D: 'reactivated',
      E: 'dormant',
      F: 'churned',
      G: 'new',
      H: 'at_risk',
    });
  });
});
