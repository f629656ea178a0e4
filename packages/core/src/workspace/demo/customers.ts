/**
 * Customers: demo_c holds one row per customer number n with its segments, contract and the latent
 * per-customer rates later steps need; the customers table gets the canonical columns plus `contract`,
 * an imported-style attribute registered in `attributes` like any extra column of a customer file.
 */
import { sql } from '../../sql/sql.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { lookup, pick, toTs } from './random.ts';

/** Create demo_c: customer n is acquired in the month whose number range holds it, evenly spread within it. */
export async function createCustomers(ctx: DemoContext): Promise<void> {
  const { r } = ctx;
  const a = DEMO_PARAMS.acquisition;
  const s = DEMO_PARAMS.subscription;
  const u = DEMO_PARAMS.usage;
  const o = DEMO_PARAMS.orders;
  const n = sql`n`;
  // Wide enough for 20 million customers while keeping the familiar C0000001 shape for smaller demos.
  const idFormat = `C%0${Math.max(7, String(ctx.customers).length)}d`;
  await ctx.db.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_c AS
    SELECT d.* EXCLUDE (u_billing),
      CASE WHEN d.contract <> 'month_to_month' AND d.u_billing < ${s.yearlyBillingShare} THEN 'year' ELSE 'month' END
        AS billing,
      ${lookup(sql`d.customer_type`, s.seats)} AS seats,
      ${r.logNormal(lookup(sql`d.product_line`, u.mean), u.customerSigma, 'usageBase', n)} AS usage_base,
      ${r.gamma(o.perYear / 12, o.gammaShape, 'orderRate', n)} AS order_rate,
      ${r.logNormal(lookup(sql`d.channel`, a.channelCost), a.costSigma, 'acquisitionCost', n)} AS acquisition_cost
    FROM (
      SELECT n, m0, created_s, printf(${idFormat}, n) AS customer_id,
        ${pick(sql`u_channel`, a.channels)} AS channel,
        ${pick(sql`u_region`, a.regions)} AS region,
        ${pick(sql`u_type`, a.customerTypes)} AS customer_type,
        ${pick(sql`u_line`, a.productLines)} AS product_line,
        ${pick(sql`u_contract`, s.contracts)} AS contract,
        ${pick(sql`u_plan`, s.plans)} AS plan,
        u_billing
      FROM (
        SELECT c.n, mo.m AS m0,
          mo.ms_s + CAST(floor((c.n - mo.first_n - 0.5) / (mo.last_n - mo.first_n) * (mo.me_s - mo.ms_s)) AS BIGINT)
            AS created_s,
          ${r.u('channel', n)} AS u_channel, ${r.u('region', n)} AS u_region, ${r.u('customerType', n)} AS u_type,
          ${r.u('productLine', n)} AS u_line, ${r.u('contract', n)} AS u_contract, ${r.u('plan', n)} AS u_plan,
          ${r.u('billing', n)} AS u_billing
        FROM range(1, ${ctx.customers + 1}) c(n)
        ASOF JOIN (SELECT * FROM demo_months WHERE last_n > first_n) mo ON c.n > mo.first_n
      )
    ) d`);
  await ctx.db.run(sql`
    INSERT INTO customers BY NAME
    SELECT customer_id, 'Customer ' || n AS name, ${toTs(sql`created_s`)} AS created_at,
      region, product_line, customer_type, channel, contract,
      CAST(round(acquisition_cost, 2) AS DECIMAL(18, 4)) AS acquisition_cost
    FROM demo_c`);
}

/** Add the contract attribute to customers, as an import of a file with a `contract` column would. */
export async function addContractAttribute(ctx: DemoContext): Promise<void> {
  await ctx.db.run(sql`ALTER TABLE customers ADD COLUMN IF NOT EXISTS contract VARCHAR`);
  await ctx.db.run(sql`
    INSERT OR REPLACE INTO attributes (entity, column_name, source_header, type, added_batch)
    VALUES ('customers', 'contract', 'contract', 'VARCHAR', NULL)`);
}
