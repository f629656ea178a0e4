import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, generateDemo, initWorkspace, type Workspace } from '@tenure/core';
import { type RunningServer, startServer } from '@tenure/server';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const root = join(import.meta.dirname, '..', '..');
export const webDist = join(root, 'packages', 'web', 'dist');
export const screenshots = join(root, 'test-output', 'screenshots');
export const admin = { username: 'admin', password: 'browser-test-passphrase' };

/** The flags CI's chromium needs: no sandbox as root, no GPU, and nothing that phones home during a test. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Dashboard {
  /** http://127.0.0.1:<port> */
  url: string;
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors seen by any page: a page that "works" but throws fails the suite. */
  errors: string[];
  close: () => Promise<void>;
}

/**
 * The real thing, end to end: a demo workspace (400 customers unless asked; the purchase models need more) with
 * an admin user, the server on 127.0.0.1 serving the built dashboard, and Debian's chromium with a fresh profile
 * (no cookies, no remembered language).
 */
export async function startDashboard(
  customers = 400,
  /** More data for a suite, written into the demo workspace before the server opens it. */
  prepare?: (ws: Workspace) => Promise<void>,
): Promise<Dashboard> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`${webDist} is missing: build the dashboard first (npm run build -w @tenure/web; npm test does)`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'tenure-browser-'));
  let ws: Workspace | undefined;
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await server?.close();
    await ws?.close();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    ws = await initWorkspace(join(tmp, 'ws'));
    await generateDemo(ws, { customers, months: 24, seed: 11 });
    await addUser(ws, { ...admin, role: 'admin' });
    await prepare?.(ws);
    server = await startServer(ws, { host: '127.0.0.1', port: 0, webDir: webDist });
    const url = server.url;
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      baseURL: url,
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    });
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(String(e.error())));
    // A refused request is logged by chromium as "Failed to load resource" (the 401 of GET /auth/me before
    // login is expected); server failures are caught by the response listener instead.
    context.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    context.on('response', (r) => {
      if (r.status() >= 500) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const page = context.pages()[0] ?? (await context.newPage());
    mkdirSync(screenshots, { recursive: true });
    return { url, page, context, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Sign in through the login form, as a person would. */
export async function logIn(page: Page) {
  await page.getByLabel('Username').fill(admin.username);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').waitFor();
}

/**
 * Choose an option of an antd Select by the select's label and the option's text. The options with role=option
 * are an invisible accessibility list; the visible ones carry the text as their title.
 */
export async function choose(page: Page, label: string, option: string, timeout = 10_000) {
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  // On a loaded machine the dropdown can close under the click (its drawer or form still moving): open it again.
  for (let attempt = 1; ; attempt++) {
    await page.getByLabel(label).click({ timeout });
    try {
      await item.click({ timeout });
      // And the choice took: on a loaded machine a click that lands while the list still moves can leave the old one.
      await page
        .locator('.ant-select', { has: page.getByLabel(label) })
        .locator('.ant-select-content', { hasText: option })
        .waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Wait until the page is done: no request in flight, no spinner, every chart drawn (its animation over). */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // Polled through a locator, not waitForFunction: the server's Content-Security-Policy (script-src 'self') forbids
  // the eval that a predicate string needs, and the tests must run the dashboard under the CSP users get.
  const busy = page.locator('.ant-spin-spinning, [data-drawn=false]');
  const deadline = Date.now() + 15_000;
  while ((await busy.count()) > 0) {
    if (Date.now() > deadline) throw new Error('the page is still loading after 15 s');
    await page.waitForTimeout(50);
  }
}

/** A full-page screenshot under test-output/screenshots, once the page has settled. */
export async function shoot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}
