import { describe, expect, it } from 'vitest';
import { TenureError } from '../errors.ts';
import { entities } from '../schema/index.ts';
import { attributeColumn, distance, mapColumns, nearest, normalizeHeader } from './mapping.ts';

/** The thrown TenureError of a synchronous call. */
function thrown(fn: () => unknown): TenureError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TenureError);
    return e as TenureError;
  }
  throw new Error('expected a TenureError, nothing was thrown');
}

const fieldsOf = (m: ReturnType<typeof mapColumns>) => Object.fromEntries(m.fields.map((f) => [f.field.name, f.index]));

describe('normalizeHeader', () => {
  it('folds case, separators and punctuation so spellings of one name compare equal', () => {
    for (const h of ['Customer ID', 'customer_id', 'customerId', 'CUSTOMER-ID', ' customer.id ', 'Customer (ID)']) {
      expect(normalizeHeader(h)).toBe('customerid');
    }
  });

  it('keeps Chinese, drops its full-width punctuation and folds full-width Latin', () => {
    expect(normalizeHeader('客户 编号')).toBe('客户编号');
    expect(normalizeHeader('金额（元）')).toBe('金额元');
    expect(normalizeHeader('ＩＤ：客户')).toBe('id客户');
  });
});

describe('attributeColumn', () => {
  it('turns headers into snake_case identifiers', () => {
    expect(attributeColumn('SeniorCitizen', 0)).toBe('senior_citizen');
    expect(attributeColumn('TotalCharges', 0)).toBe('total_charges');
    expect(attributeColumn('Health Score', 0)).toBe('health_score');
    expect(attributeColumn('HTMLParser', 0)).toBe('html_parser');
    expect(attributeColumn('  Last-Login (UTC) ', 0)).toBe('last_login_utc');
    expect(attributeColumn('Café', 0)).toBe('cafe');
  });

  it('prefixes names that start with a digit and names non-Latin headers by position', () => {
    expect(attributeColumn('2024 Revenue', 0)).toBe('a_2024_revenue');
    expect(attributeColumn('年龄', 3)).toBe('attr_4');
    expect(attributeColumn('12', 0)).toBe('attr_1');
    expect(attributeColumn('x'.repeat(80), 0)).toHaveLength(60);
  });
});

describe('nearest and distance', () => {
  it('computes Levenshtein distance', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('', 'abc')).toBe(3);
    expect(distance('same', 'same')).toBe(0);
  });

  it('suggests a plausible typo and nothing for an unrelated name', () => {
    expect(nearest('custmer_id', ['order_id', 'customer_id', 'amount'])).toBe('customer_id');
    expect(nearest('Order Date', ['order_id', 'order_date'])).toBe('order_date');
    expect(nearest('custmers', Object.keys(entities))).toBe('customers');
    expect(nearest('revenue', ['customer_id', 'created_at'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});

describe('mapColumns', () => {
  it('maps English and Chinese aliases in any spelling', () => {
    const en = mapColumns(entities.orders, ['Order No', 'Client ID', 'Purchase Date', 'Revenue']);
    expect(fieldsOf(en)).toEqual({ order_id: 0, customer_id: 1, ordered_at: 2, amount: 3 });
    const zh = mapColumns(entities.orders, ['订单号', '客户编号', '订单日期', '金额']);
    expect(fieldsOf(zh)).toEqual({ order_id: 0, customer_id: 1, ordered_at: 2, amount: 3 });
    expect(zh.extras).toEqual([]);
    expect(zh.derivedKey).toBe(false);
  });

  it('--map wins over aliases, and the header it displaces becomes an extra', () => {
    const m = mapColumns(entities.customers, ['customer_id', 'Kunde', 'created_at'], {
      explicit: { customer_id: 'Kunde' },
    });
    expect(fieldsOf(m)).toEqual({ customer_id: 1, created_at: 2 });
    expect(m.extras).toEqual([{ index: 0, header: 'customer_id', column: 'customer_id_2' }]);
  });

  it('--map finds its source column in any spelling', () => {
    const m = mapColumns(entities.customers, ['kunde_nr', 'seit'], {
      explicit: { customer_id: 'Kunde Nr', created_at: 'SEIT' },
    });
    expect(fieldsOf(m)).toEqual({ customer_id: 0, created_at: 1 });
  });

  it('a --map target that is no field is TEN_IMPORT_BAD_MAPPING with the nearest field', () => {
    const e = thrown(() =>
      mapColumns(entities.customers, ['id', 'since'], { explicit: { customer: 'id', created_at: 'since' } }),
    );
    expect(e.code).toBe('TEN_IMPORT_BAD_MAPPING');
    expect(e.details).toMatchObject({ target: 'customer', suggestion: 'customer_id' });
  });

  it('a --map source that is no column is TEN_IMPORT_BAD_MAPPING with the nearest header', () => {
    const e = thrown(() => mapColumns(entities.customers, ['Kunde', 'Seit'], { explicit: { customer_id: 'Kunden' } }));
    expect(e.code).toBe('TEN_IMPORT_BAD_MAPPING');
    expect(e.where.column).toBe('Kunden');
    expect(e.details).toMatchObject({ source: 'Kunden', suggestion: 'Kunde' });
  });

  it('a missing required field is TEN_IMPORT_MISSING_COLUMN, listing every missing field', () => {
    const one = thrown(() => mapColumns(entities.orders, ['order_id', 'custmer_id', 'order_date', 'amount']));
    expect(one.code).toBe('TEN_IMPORT_MISSING_COLUMN');
    expect(one.where.column).toBe('customer_id');
    expect(one.details).toMatchObject({ missing: ['customer_id'], suggestion: 'custmer_id' });
    const two = thrown(() => mapColumns(entities.subscriptions, ['subscription_id', 'customer_id', 'plan']));
    expect(two.details.missing).toEqual(['started_at', 'mrr']);
  });

  it('orders without an order id get a derived key instead of an error', () => {
    const m = mapColumns(entities.orders, ['customer_id', 'date', 'dollar_value', 'number_of_cds']);
    expect(m.derivedKey).toBe(true);
    expect(fieldsOf(m)).toEqual({ customer_id: 0, ordered_at: 1, amount: 2 });
    expect(m.extras.map((x) => x.column)).toEqual(['number_of_cds']);
  });

  it('recognises a customers snapshot by tenure and churn columns, only without created_at', () => {
    const snap = mapColumns(entities.customers, ['customerID', 'gender', 'tenure', 'Churn']);
    expect(snap.snapshot).toEqual({ tenure: 2, churn: 3 });
    expect(snap.extras.map((x) => x.header)).toEqual(['gender']);
    const zh = mapColumns(entities.customers, ['客户编号', '在网时长', '是否流失']);
    expect(zh.snapshot).toEqual({ tenure: 1, churn: 2 });
    const log = mapColumns(entities.customers, ['customer_id', 'created_at', 'tenure', 'churn']);
    expect(log.snapshot).toBeUndefined();
    expect(log.extras.map((x) => x.column)).toEqual(['tenure', 'churn']);
    expect(() => mapColumns(entities.customers, ['customer_id', 'tenure'])).toThrow(TenureError);
  });

  it('keeps unmapped columns as extras with unique snake_case names', () => {
    const m = mapColumns(entities.customers, ['customer_id', 'created_at', 'Plan', 'plan', 'PLAN', '年龄']);
    expect(m.extras).toEqual([
      { index: 2, header: 'Plan', column: 'plan' },
      { index: 3, header: 'plan', column: 'plan_2' },
      { index: 4, header: 'PLAN', column: 'plan_3' },
      { index: 5, header: '年龄', column: 'attr_6' },
    ]);
    expect(m.dropped).toEqual([]);
  });

  it('an extra never takes the name of a canonical field or of _batch', () => {
    const m = mapColumns(entities.orders, ['order_id', 'customer_id', 'date', 'amount', 'Order Date', '_batch']);
    expect(m.extras.map((x) => x.column)).toEqual(['order_date', 'batch']);
    const n = mapColumns(entities.orders, ['order_id', 'customer_id', 'date', 'amount', 'Amount ']);
    expect(n.extras.map((x) => x.column)).toEqual(['amount_2']);
  });

  it('reuses the column an earlier import gave a header', () => {
    const m = mapColumns(entities.customers, ['customer_id', 'created_at', 'Health Score', 'Seats'], {
      known: { 'Health Score': 'health' },
    });
    expect(m.extras.map((x) => x.column)).toEqual(['health', 'seats']);
  });

  it('dropUnmapped and non-extensible entities drop the extras and say which', () => {
    const m = mapColumns(entities.customers, ['customer_id', 'created_at', 'Notes', 'Seats'], { dropUnmapped: true });
    expect(m.extras).toEqual([]);
    expect(m.dropped).toEqual(['Notes', 'Seats']);
    const c = mapColumns(entities.costs, ['period_start', 'period_end', 'category', 'amount', 'owner']);
    expect(c.extras).toEqual([]);
    expect(c.dropped).toEqual(['owner']);
  });
});
