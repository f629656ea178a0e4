/**
 * A bad option reaches the dashboard as data (the problem's `fixes`), and the page words the fix with its own
 * control, in the page's language: never the request parameter an API client reads, never a CLI flag. So does
 * what to do about an error (the problem's `remedies`): the page names its page and control, never a route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, logIn, startDashboard } from './harness.ts';

let d: Dashboard;

beforeAll(async () => {
  d = await startDashboard(200);
});

afterAll(async () => {
  await d?.close();
});

describe('a bad option on a page', () => {
  it('names the control to change, not the parameter', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    // The customers page keeps its query in the URL: a hand-edited page size the API refuses.
    await d.page.goto('/customers?page_size=900');
    const hint = d.page.getByTestId('problem-hint');
    await hint.waitFor();
    const text = await hint.textContent();
    expect(text).toContain('rows per page');
    expect(text).toContain('500');
    expect(text).not.toMatch(/page_?[sS]ize|--[a-z]/);
    expect(await d.page.getByTestId('problem').textContent()).toContain('TEN_BAD_OPTION');
  });

  it('words a remedy with the page that does it, not the route or the command', async () => {
    await d.page.goto('/customers/NOBODY');
    const hint = d.page.getByTestId('problem-hint');
    await hint.waitFor();
    const text = await hint.textContent();
    expect(text).toContain('Customers page');
    expect(text).not.toMatch(/\/api\/|tenure |--[a-z]/);
    expect(await d.page.getByTestId('problem').textContent()).toContain('TEN_CUSTOMER_NOT_FOUND');
  });
});
