/**
 * Issue 13 point 8: axe-core (from node_modules, evaluated into the page — never a CDN) reports
 * no violation on the main screen, each request sub-tab, each response view and each dialog,
 * in the light and in the dark theme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { openRequestTab, openResponseTab, send, waitForForm } from './request-helpers.ts';

const h = useHarness();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
}

/** axe's violations on the page as one line each (rule, impact, first nodes), prefixed with `where`. */
async function axe(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document): Promise<AxeResult> } }).axe.run(document),
  );
  // One line per rule and element, the first screen it shows on (the toolbar is on every screen).
  const lines: string[] = [];
  for (const v of result.violations)
    for (const n of v.nodes) {
      const key = `${where.split(' ')[0]} ${v.id} ${n.target.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${where}: ${v.id} (${v.impact}) ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`);
    }
  return lines;
}
const seen = new Set<string>();

async function openDialog(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.locator('dialog[open]').waitFor();
}
async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
}

async function auditEverything(page: Page, theme: string): Promise<string[]> {
  const found: string[] = [];
  await waitForForm(page);
  await page.locator('.monaco-editor').first().waitFor();
  found.push(...(await axe(page, `${theme} main screen`)));
  for (const tab of ['Query', 'Headers', 'Auth', 'Body', 'Settings'] as const) {
    await openRequestTab(page, tab);
    found.push(...(await axe(page, `${theme} request ${tab}`)));
  }
  await send(page);
  const bodyViews = page.getByRole('tablist', { name: 'Body view' });
  await bodyViews.waitFor();
  for (const view of ['Pretty', 'Raw', 'Tree']) {
    await bodyViews.getByRole('tab', { name: view }).click();
    found.push(...(await axe(page, `${theme} response body ${view}`)));
  }
  for (const tab of ['Headers', 'Cookies', 'Timing', 'Raw request'] as const) {
    await openResponseTab(page, tab as 'Headers');
    found.push(...(await axe(page, `${theme} response ${tab}`)));
  }
  for (const button of ['Save', 'Share', 'Code', 'Import', 'Environments']) {
    await openDialog(page, button);
    found.push(...(await axe(page, `${theme} dialog ${button}`)));
    await closeDialog(page);
  }
  await page.keyboard.press('Control+K');
  await page.locator('dialog[open]').waitFor();
  found.push(...(await axe(page, `${theme} command palette`)));
  await closeDialog(page);
  await page.locator('body').click({ position: { x: 5, y: 600 } });
  await page.keyboard.press('?');
  await page.locator('dialog[open]').waitFor();
  found.push(...(await axe(page, `${theme} shortcut sheet`)));
  await closeDialog(page);
  return found;
}

describe('axe-core finds no violation', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`in the ${theme} theme`, async () => {
      const { context } = await h.newContext();
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(h.server.url + '/');
      const found = await auditEverything(page, theme);
      expect(await page.evaluate(() => document.documentElement.className)).toContain(theme);
      await h.screenshot(page, `a11y-${theme}`);
      expect(found).toEqual([]);
      await context.close();
      // Some 20 axe runs: over a minute when the machine is busy.
    }, 180_000);
  }
});
