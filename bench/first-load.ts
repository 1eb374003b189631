/**
 * Benchmark 1 (issue 6): first load. For the app and a minimal React page served by the same
 * server: the JS/CSS fetched before the `URL` field is usable (raw and gzip bytes) and the time
 * from navigation start until it is (in-page clock, recorded by a MutationObserver the moment
 * the field exists and is enabled; then checked functionally by typing into it).
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { initScript, loopbackContext, median, table } from './browser.ts';

const RUNS = 7;

interface LoadSample {
  usableMs: number;
  resources: string[];
}

const OBSERVE_URL_FIELD = () => {
  const w = window as unknown as { __usable: number | null; __resources: string[] };
  w.__usable = null;
  w.__resources = [];
  const check = () => {
    if (w.__usable !== null) return;
    const el = document.querySelector<HTMLInputElement>('input[aria-label="URL"], textarea[aria-label="URL"]');
    if (!el || el.disabled || el.readOnly) return;
    w.__usable = performance.now();
    w.__resources = performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).responseEnd <= (w.__usable ?? 0))
      .map((e) => e.name);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
};

async function sample(browser: Browser, url: string): Promise<LoadSample> {
  const context = await loopbackContext(browser);
  await context.addInitScript(initScript(OBSERVE_URL_FIELD));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __usable: number | null }).__usable !== null, null, {
    timeout: 30_000,
  });
  // Functional check: the field takes a keystroke.
  const field = page.getByRole('textbox', { name: 'URL' });
  const before = await field.inputValue();
  await field.press('End');
  await field.pressSequentially('x');
  const after = await field.inputValue();
  if (after !== before + 'x')
    throw new Error(`URL field did not accept input at ${url} (${JSON.stringify(before)} → ${JSON.stringify(after)})`);
  const result = await page.evaluate(() => {
    const w = window as unknown as { __usable: number; __resources: string[] };
    return { usableMs: w.__usable, resources: w.__resources };
  });
  await context.close();
  return result;
}

async function lateResources(browser: Browser, url: string): Promise<string[]> {
  const context = await loopbackContext(browser);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(4000); // let lazy chunks (Monaco) arrive
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  await context.close();
  return names;
}

async function sizes(urls: string[]): Promise<{ raw: number; gzip: number; files: number }> {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const url of new Set(urls)) {
    if (!/\.(m?js|css)(\?|$)/.test(url)) continue;
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    files++;
  }
  return { raw, gzip, files };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function runFirstLoadBench(browser: Browser, appUrl: string, baselineUrl: string): Promise<string> {
  const app: LoadSample[] = [];
  const base: LoadSample[] = [];
  await sample(browser, appUrl); // warm the server's file cache, not the browser's (each sample is a fresh context)
  await sample(browser, baselineUrl);
  for (let i = 0; i < RUNS; i++) {
    app.push(await sample(browser, appUrl));
    base.push(await sample(browser, baselineUrl));
  }
  const appSize = await sizes(app[0]!.resources);
  const baseSize = await sizes(base[0]!.resources);
  const appLate = await sizes(await lateResources(browser, appUrl));
  const appMs = median(app.map((s) => s.usableMs));
  const baseMs = median(base.map((s) => s.usableMs));
  const rows = [
    [
      'Parley',
      appMs.toFixed(0),
      Math.min(...app.map((s) => s.usableMs)).toFixed(0),
      Math.max(...app.map((s) => s.usableMs)).toFixed(0),
      appSize.files,
      kb(appSize.raw),
      kb(appSize.gzip),
    ],
    [
      'blank React page',
      baseMs.toFixed(0),
      Math.min(...base.map((s) => s.usableMs)).toFixed(0),
      Math.max(...base.map((s) => s.usableMs)).toFixed(0),
      baseSize.files,
      kb(baseSize.raw),
      kb(baseSize.gzip),
    ],
    [
      'ratio',
      `${(appMs / baseMs).toFixed(2)}×`,
      '',
      '',
      '',
      `${(appSize.raw / baseSize.raw).toFixed(2)}×`,
      `${(appSize.gzip / baseSize.gzip).toFixed(2)}×`,
    ],
  ];
  return [
    `First load (${RUNS} cold loads each, median; time = navigation start → URL field usable)`,
    table(['page', 'usable ms', 'min', 'max', 'JS/CSS files', 'JS/CSS raw', 'JS/CSS gzip'], rows),
    `Budget: ≤ 1.3× the blank page's time, ≤ 150 KB gzip before usable. Later (lazy, e.g. Monaco) JS/CSS within 4 s of load: ${appLate.files - appSize.files} more files, ${kb(appLate.raw - appSize.raw)} raw, ${kb(appLate.gzip - appSize.gzip)} gzip.`,
  ].join('\n');
}
