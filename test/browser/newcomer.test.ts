/**
 * The newcomer's path in Chinese: a members file whose key column no alias knows and with one bad date goes
 * through the import wizard (map the column in the editor, see that the import would be refused, raise the
 * reject limit, import, read the rejected row); then the customer 360 reads as sentences and charts, without a
 * raw field name; the team's cases from another tool come in through the same wizard. Screenshots at 1280 and 900 px in both languages, to look at the layout.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;
const folder = mkdtempSync(join(tmpdir(), 'tenure-newcomer-'));
const members = join(folder, '会员.csv');
const cases = join(folder, '案件.csv');

beforeAll(async () => {
  // 会员卡号 (membership card number) is the key, but no alias of customer_id matches it: it must be mapped.
  const rows = [1, 2, 3, 4, 5].map((i) => `M-${i},会员${i},${i === 3 ? '2024-02-30' : `2024-03-0${i}`},华东,两年`);
  writeFileSync(members, `会员卡号,客户名称,注册日期,地区,合同\n${rows.join('\n')}\n`);
  // The retention team's open cases, exported from the tool it used before, for members the first file brings.
  writeFileSync(
    cases,
    '案件编号,客户编号,类型,阶段,优先级,主题,创建时间\nXT-1,M-1,complaint,received,urgent,宽带掉线,2024-05-01 08:00:00\nXT-2,M-2,complaint,received,normal,账单有误,2024-05-02 09:30:00\n',
  );
  d = await startDashboard();
});

afterAll(async () => {
  await d?.close();
});

/** Field names as stored, which a page in Chinese must not show. */
const RAW = /\b(customer_id|created_at|mrr|product_line|customer_type|subscription_id|ticket_id|churned_at)\b/;

describe('a newcomer in Chinese', () => {
  it('maps an unknown column, sees the refusal coming, raises the reject limit and reads the rejected row', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByRole('menuitem', { name: '数据' }).click();
    await d.page.locator('input[type=file]').setInputFiles(members);
    // antd spaces out a two-character Chinese label (预 览).
    await d.page.getByRole('button', { name: /^预\s?览$/ }).click();
    // Nothing maps to the customer id yet: the page says so in Chinese and points at its own editor.
    const missing = d.page.getByTestId('import-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('对应文件中的列');
    expect(await d.page.getByTestId('import-start').isDisabled()).toBe(true);
    await shoot(d.page, 'newcomer-wizard-missing-zh');
    await choose(d.page, '客户编号', '会员卡号');
    // One date in five is impossible: 20 % is over the default limit of 5 %, so the import would load nothing.
    await d.page.getByTestId('import-would-refuse').waitFor();
    expect(await d.page.getByTestId('import-kept').textContent()).toContain('合同');
    await shoot(d.page, 'newcomer-wizard-refused-zh');
    const limit = d.page.getByRole('spinbutton', { name: '拒绝上限' });
    await limit.fill('25');
    await limit.blur();
    await d.page.getByTestId('import-will-skip').waitFor();
    expect(await d.page.getByTestId('import-would-refuse').count()).toBe(0);
    // No CLI flag, command or API path anywhere on the page.
    const text = (await d.page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/--[a-z]|tenure |\/api\//);
    await d.page.getByTestId('import-start').click();
    await expect.poll(() => d.page.getByTestId('import-rows_loaded').textContent(), { timeout: 30_000 }).toBe('4');
    expect(await d.page.getByTestId('import-rows_rejected').textContent()).toBe('1');
    // The rejected row: its line as a spreadsheet numbers it (header = 1), the column, the value and why.
    await d.page
      .getByTestId('import-rejects')
      .getByRole('row', { name: /^4 注册日期 2024-02-30 不是有效日期/ })
      .waitFor();
    await shoot(d.page, 'newcomer-wizard-result-zh');
  });

  it("brings the team's cases from another tool through the same wizard, its Chinese headers mapped", async () => {
    await d.page.goto('/data');
    await choose(d.page, '数据表', '案例');
    await d.page.locator('input[type=file]').setInputFiles(cases);
    await d.page.getByRole('button', { name: /^预\s?览$/ }).click();
    await d.page.getByTestId('import-start').click();
    await expect.poll(() => d.page.getByTestId('import-rows_loaded').textContent(), { timeout: 30_000 }).toBe('2');
    await d.page.goto('/cases/XT-1');
    await d.page.getByText('宽带掉线').first().waitFor();
  });

  it('shows an imported member without subscriptions as activity unknown, not churned', async () => {
    await d.page.goto('/customers/M-1');
    await d.page.getByTestId('status-unknown').first().waitFor();
    await settle(d.page);
    expect(await d.page.getByText('已流失').count()).toBe(0);
    expect((await d.page.locator('main').textContent()) ?? '').not.toMatch(RAW);
  });

  it('reads a churned customer as sentences, charts and cases, with no raw field name', async () => {
    const res = await d.page.request.get('/api/v1/customers?status=churned&page_size=1');
    const [c] = ((await res.json()) as { rows: { customer_id: string }[] }).rows;
    await d.page.goto(`/customers/${encodeURIComponent(c?.customer_id ?? '')}`);
    await d.page.getByTestId('customer-mrr-chart').locator('canvas').waitFor();
    await d.page.getByTestId('customer-usage-chart').locator('canvas').waitFor();
    await d.page.getByTestId('customer-cases').waitFor();
    await settle(d.page);
    const timeline = (await d.page.getByTestId('customer-timeline').textContent()) ?? '';
    expect(timeline).toMatch(/订阅结束，月经常性收入 \S*\d/);
    // The churn's type and category are the taxonomy's Chinese terms, not the stored codes made readable.
    expect(timeline).toMatch(/(主动|被动)流失/);
    expect(timeline).not.toMatch(/\b(Natural|Competitive|Fault|Voluntary|Involuntary)\b/);
    expect((await d.page.locator('main').textContent()) ?? '').not.toMatch(RAW);
    for (const width of [1280, 900]) {
      await d.page.setViewportSize({ width, height: 900 });
      await shoot(d.page, `newcomer-360-zh-${width}`);
    }
    await d.page.getByTestId('language').getByText('English').click();
    await d.page.getByText('MRR by month').waitFor();
    expect((await d.page.getByTestId('customer-timeline').textContent()) ?? '').toMatch(
      /Subscription to \S+ ended — MRR \S*\d/,
    );
    expect((await d.page.locator('main').textContent()) ?? '').not.toMatch(RAW);
    for (const width of [1280, 900]) {
      await d.page.setViewportSize({ width, height: 900 });
      await shoot(d.page, `newcomer-360-en-${width}`);
    }
  });

  it('names dimensions in Chinese and lays the wizard out at 1280 and 900 px', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.goto('/segments');
    // The first configured dimension, region, is chosen: its label, not its name.
    await d.page.getByText('地区', { exact: true }).first().waitFor();
    await settle(d.page);
    expect((await d.page.locator('main').textContent()) ?? '').not.toMatch(/\bregion\b/);
    for (const lang of ['中文', 'English']) {
      await d.page.getByTestId('language').getByText(lang).click();
      await d.page.goto('/data');
      for (const width of [1280, 900]) {
        await d.page.setViewportSize({ width, height: 900 });
        await shoot(d.page, `newcomer-data-${lang === 'English' ? 'en' : 'zh'}-${width}`);
      }
    }
    expect(d.errors).toEqual([]);
  });
});
