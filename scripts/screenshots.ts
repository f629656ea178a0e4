/**
 * The README's screenshots of the retention work (`npm run screenshots`, after `npm run build -w @tenure/web`): a
 * small demo served with the built dashboard, chromium at 1280×800, and PNGs of the case inbox, a case page, the
 * playbooks page and the operations page written to docs/img/. The demo is seeded, so a re-run shows the same
 * business (the dates move with the clock).
 */
import { join } from 'node:path';
import { logIn, settle, startDashboard } from '../test/browser/harness.ts';

const out = join(import.meta.dirname, '..', 'docs', 'img');

const d = await startDashboard(600);
try {
  const { page } = d;
  await page.setViewportSize({ width: 1280, height: 800 });
  const shot = async (path: string, name: string, zoom = 1) => {
    await page.goto(path);
    await settle(page);
    // The inbox's table is wider than 1280 px: zoomed out, its due column is in the picture too.
    await page.addStyleTag({ content: `body { zoom: ${zoom} }` });
    await page.screenshot({ path: join(out, `${name}.png`) });
  };
  await page.goto('/');
  await logIn(page);
  await shot('/cases?view=overdue&sort=due&order=asc', 'inbox', 0.8);
  const first = page.getByTestId('cases').getByTestId('case-link').first();
  const id = await first.textContent();
  await shot(`/cases/${encodeURIComponent(id ?? '')}`, 'case');
  await shot('/playbooks', 'playbooks');
  await shot('/operations', 'operations');
  console.log(`screenshots written to ${out}`);
} finally {
  await d.close();
}
