-- mrr (base revenue) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:String} = '2024-01-01 00:00:00'
-- {p3:Int64} = 1000000000
-- {p4:String} = '2024-01-01 00:00:00'
-- {p5:String} = '2024-01-01 00:00:00'
-- {p6:String} = '9999-12-31 00:00:00'
-- {p7:String} = 'USD'
-- {p8:String} = 'USD'
-- {p9:Int64} = 1000000000
-- {p10:Int64} = 3
-- {p11:Int64} = 3
-- {p12:Int64} = 4
-- {p13:Int64} = 3
WITH
    sub AS (SELECT v.customer_id, "c"."seg__all" AS "seg__all", v.mrr, v.lo, v.hi FROM (SELECT customer_id, mrr,
      CASE WHEN prev_end >= started_at AND (toDateTime64(toStartOfMonth(toDateTime64(started_at, 6, 'UTC')), 6, 'UTC') = started_at) THEN dateDiff('month', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(started_at, 6, 'UTC')) ELSE dateDiff('month', toDateTime64(toDateTime64({p2:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(started_at, 6, 'UTC')) + 1 END AS lo,
      CASE WHEN ended_at IS NULL THEN {p3:Int64} WHEN (toDateTime64(toStartOfMonth(toDateTime64(ended_at, 6, 'UTC')), 6, 'UTC') = ended_at) THEN dateDiff('month', toDateTime64(toDateTime64({p4:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ended_at, 6, 'UTC')) - 1 ELSE dateDiff('month', toDateTime64(toDateTime64({p5:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ended_at, 6, 'UTC')) END AS hi
    FROM (SELECT customer_id, mrr, started_at, ended_at,
        max(coalesce(ended_at, toDateTime64({p6:String}, 6, 'UTC'))) OVER (PARTITION BY customer_id ORDER BY started_at, subscription_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM (SELECT t.* REPLACE (CASE WHEN t.currency IS NOT NULL AND t.currency <> '' AND upper(t.currency) <> {p7:String} THEN toDecimal64(round(toDecimal128(toFloat64("t"."mrr" * x._fx_rate), 8), 4), 4) ELSE "t"."mrr" END AS "mrr") FROM "subscriptions" t ASOF LEFT JOIN (SELECT currency AS _fx_currency, rate_date AS _fx_date, rate AS _fx_rate
      FROM exchange_rates WHERE currency <> {p8:String}) x
    ON upper(t.currency) = x._fx_currency AND "t"."started_at" >= x._fx_date) "subscriptions" WHERE started_at IS NOT NULL AND mrr IS NOT NULL) p) v
            JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = v.customer_id),
    ev AS (SELECT customer_id, "seg__all", lo AS k, mrr AS dv FROM sub WHERE lo <= hi
           UNION ALL SELECT customer_id, "seg__all", hi + 1 AS k, -mrr AS dv FROM sub WHERE lo <= hi AND hi < {p9:Int64}),
    cev AS (SELECT customer_id, "seg__all", k, sum(dv) AS dv FROM ev GROUP BY customer_id, "seg__all", k),
    lev AS (SELECT *, sum(dv) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS lvl FROM cev),
    mv AS (SELECT *, lvl - dv AS before,
             max(lvl) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS peak FROM lev),
    moves AS (SELECT k - 1 AS k, "seg__all",
        sum(CASE WHEN before = 0 AND lvl > 0 AND coalesce(peak, 0) = 0 THEN lvl ELSE 0 END) AS new_mrr,
        sum(CASE WHEN before = 0 AND lvl > 0 AND peak > 0 THEN lvl ELSE 0 END) AS reactivation_mrr,
        sum(CASE WHEN before > 0 AND lvl > before THEN lvl - before ELSE 0 END) AS expansion_mrr,
        sum(CASE WHEN before > 0 AND lvl > 0 AND lvl < before THEN before - lvl ELSE 0 END) AS contraction_mrr,
        sum(CASE WHEN before > 0 AND lvl = 0 THEN before ELSE 0 END) AS churned_mrr
      FROM mv WHERE k >= 1 AND k <= {p10:Int64} GROUP BY k, "seg__all"),
    lv AS (SELECT "seg__all", greatest(k, 0) AS k, sum(dv) AS dm,
             sum(CASE WHEN before = 0 AND lvl > 0 THEN 1 WHEN before > 0 AND lvl = 0 THEN -1 ELSE 0 END) AS dp
           FROM mv WHERE k <= {p11:Int64} GROUP BY "seg__all", greatest(k, 0)),
    keys AS (SELECT DISTINCT "seg__all" FROM sub),
    grid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p12:Int64}), 0)))) gs),
    level AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all",
        sum(coalesce(l.dm, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS mrr,
        sum(coalesce(l.dp, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS payers
      FROM grid g CROSS JOIN keys y LEFT JOIN lv l ON l.k = g.k AND "l"."seg__all" = "y"."seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.mrr AS mrr_start, b.mrr AS mrr_end,
    coalesce(m.new_mrr, 0) AS new_mrr, coalesce(m.expansion_mrr, 0) AS expansion_mrr,
    coalesce(m.reactivation_mrr, 0) AS reactivation_mrr, coalesce(m.contraction_mrr, 0) AS contraction_mrr,
    coalesce(m.churned_mrr, 0) AS churned_mrr, a.payers AS payers_start, b.payers AS payers_end
  FROM level a JOIN level b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN moves m ON m.k = a.k AND "a"."seg__all" = "m"."seg__all"
  WHERE a.k < {p13:Int64} ORDER BY a.k, "a"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'

-- aov (base purchases) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:String} = 'USD'
-- {p3:String} = 'USD'
-- {p4:String} = 'USD'
-- {p5:String} = '2024-01-01 00:00:00'
-- {p6:String} = '2024-04-01 00:00:00'
-- {p7:String} = '2024-01-01 00:00:00'
-- {p8:Int64} = 3
WITH
    -- Two passes over the (large) orders table, each cheaper than one grouping of all history by customer and
    -- period (100M orders: 17 s → 9.5 s): each customer's first order ever, and customer-periods inside the range.
    fo AS (SELECT customer_id, min(ordered_at) AS first_at FROM orders WHERE ordered_at IS NOT NULL GROUP BY customer_id),
    cp AS (SELECT customer_id, dateDiff('month', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ordered_at, 6, 'UTC')) AS k, count(*) AS n_orders, sum(amount) AS n_revenue
           FROM (SELECT t.* REPLACE (CASE WHEN t.currency IS NOT NULL AND t.currency <> '' AND upper(t.currency) <> {p2:String} THEN toDecimal64(round(toDecimal128(toFloat64("t"."amount" * x._fx_rate), 8), 4), 4) ELSE "t"."amount" END AS "amount", CASE WHEN t.currency IS NOT NULL AND t.currency <> '' AND upper(t.currency) <> {p3:String} THEN toDecimal64(round(toDecimal128(toFloat64("t"."cost" * x._fx_rate), 8), 4), 4) ELSE "t"."cost" END AS "cost") FROM "orders" t ASOF LEFT JOIN (SELECT currency AS _fx_currency, rate_date AS _fx_date, rate AS _fx_rate
      FROM exchange_rates WHERE currency <> {p4:String}) x
    ON upper(t.currency) = x._fx_currency AND "t"."ordered_at" >= x._fx_date) "orders" WHERE ordered_at >= toDateTime64({p5:String}, 6, 'UTC') AND ordered_at < toDateTime64({p6:String}, 6, 'UTC') GROUP BY customer_id, k),
    -- Buyers ever, with their segment and the period of their first order (before the range: negative).
    b AS (SELECT fo.customer_id AS customer_id, "c"."seg__all" AS "seg__all", dateDiff('month', toDateTime64(toDateTime64({p7:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(fo.first_at, 6, 'UTC')) AS k0
          FROM fo JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = fo.customer_id),
    per AS (SELECT cp.k AS k, "b"."seg__all" AS "seg__all", count(*) AS n_buyers, count(*) FILTER (WHERE b.k0 < cp.k) AS n_returning,
              sum(cp.n_orders) AS n_orders, sum(cp.n_revenue) AS n_revenue
            FROM cp JOIN b ON b.customer_id = cp.customer_id GROUP BY cp.k, "b"."seg__all"),
    keys AS (SELECT DISTINCT "seg__all" FROM b),
    grid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p8:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", coalesce(p.n_orders, 0) AS orders, coalesce(p.n_revenue, 0) AS revenue,
    coalesce(p.n_buyers, 0) AS buyers, coalesce(p.n_returning, 0) AS returning_buyers
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND "p"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
