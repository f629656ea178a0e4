/**
 * The truth check of issue 13: on the demo, the measured reduction of RET-01's churn within the window has a 95 %
 * interval that covers the planted effect (ground-truth.json campaign.plantedEffect, the expected ITT reduction
 * from the generator's hazards), and the test says by how much.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_ID } from '../workspace/demo/campaign-costs.ts';
import { GROUND_TRUTH_FILE, generateDemo } from '../workspace/demo/index.ts';
import type { PlantedEffect } from '../workspace/demo/planted-effect.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { crmRoi } from './crm-roi.ts';
import { measureCampaign } from './measure.ts';

let root: string;
let ws: Workspace;
let planted: PlantedEffect;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tenure-campaign-truth-'));
  ws = await initWorkspace(join(root, 'w'));
  await generateDemo(ws, { customers: 4000, months: 24, seed: 11 });
  planted = JSON.parse(readFileSync(join(ws.dir, GROUND_TRUTH_FILE), 'utf8')).campaign.plantedEffect;
}, 120_000);

afterAll(async () => {
  await ws?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("the demo's campaign", () => {
  it('measured with its planted window, the 95 % interval of the churn reduction covers the planted effect', async () => {
    const m = await measureCampaign(ws, CAMPAIGN_ID);
    expect(m.window_days).toBe(planted.windowDays);
    expect(m.interim).toBe(false);
    const { estimate, lower, upper } = m.churn.absolute_reduction;
    const miss = (estimate as number) - planted.overall;
    console.info(
      `RET-01: measured reduction ${estimate?.toFixed(4)} [${lower?.toFixed(4)}, ${upper?.toFixed(4)}], planted ${planted.overall.toFixed(4)}, off by ${miss.toFixed(4)} (${m.arms.map((a) => `${a.arm} ${a.members}`).join(', ')})`,
    );
    expect(lower).toBeLessThanOrEqual(planted.overall);
    expect(upper).toBeGreaterThanOrEqual(planted.overall);
    // The arms were drawn 50/50: no sample-ratio warning, and the money follows the reduction's sign.
    expect(m.srm.mismatch).toBe(false);
    expect(Math.sign(m.money.saved.estimate as number)).toBe(Math.sign(estimate as number));
  });

  it('adds its programmes into the CRM ROI of the year, against the CRM and retention costs', async () => {
    const r = await crmRoi(ws, { from: '2025-01', to: '2025-12' });
    expect(r.programmes.map((p) => p.campaign_id)).toEqual([CAMPAIGN_ID]);
    expect(r.crm_cost).toBeGreaterThan(0);
    expect(r.acquisition_to_retention).toBeGreaterThan(0);
    expect(r.not_measurable).toBeNull();
    expect(r.programmes.every((p) => p.controlled)).toBe(true);
  });

  it('calls the CRM ROI not measurable in months without a campaign with a control group (not −100 %)', async () => {
    const r = await crmRoi(ws, { from: '2000-01', to: '2000-12' });
    expect(r.not_measurable).toBe('no_controlled_campaign');
    expect(r.roi.estimate).toBeNull();
    expect(r.incremental_gross_profit.estimate).toBeNull();
  });
});
