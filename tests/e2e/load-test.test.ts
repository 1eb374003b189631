/** Load test from the UI: a short closed-model run against the echo shows its figures. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/app.ts';
import { launchChromium, loopbackContext } from './chromium.ts';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ port: 0, distDir: 'dist' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('starts a 2 s load test against the echo and shows figures, with every request answered 200', async () => {
  const { context, blocked } = await loopbackContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('textbox', { name: 'URL' }).fill(`${server.url}/echo/load`);
  await page.getByRole('button', { name: 'Load test' }).click();
  await page.getByRole('spinbutton', { name: 'Virtual users' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Duration (s)' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Threshold: p99 below (ms)' }).fill('5000');
  await page.getByRole('button', { name: 'Start' }).click();
  const status = page.getByRole('status', { name: 'Load test status' });
  await status.filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
  const figures = page.getByRole('region', { name: 'Load test figures' });
  await expect(figures.getByText('Closed model: 2 virtual users for 2 s;', { exact: false }).count()).resolves.toBe(1);
  const requests = await figures.locator('dt:text-is("Requests") + dd').innerText();
  const [done, sent] = requests.split(' / ').map(Number);
  expect(done).toBe(sent);
  expect(done).toBeGreaterThan(0);
  const codes = await page.getByRole('table', { name: 'Status codes' }).innerText();
  expect(codes.replace(/\s+/g, ' ').trim()).toBe(`Status code Count 200 ${done}`);
  await expect(page.getByRole('img', { name: 'Latency histogram' }).count()).resolves.toBe(1);
  await expect(page.getByText('✓ p(99) < 5000 ms', { exact: false }).count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'Export as k6 script' }).click();
  const k6 = await page.getByRole('textbox', { name: 'k6 script' }).inputValue();
  expect(k6).toContain("executor: 'constant-vus',\n      vus: 2,\n      duration: '2s',");
  expect(blocked).toEqual([]);
  await context.close();
});
