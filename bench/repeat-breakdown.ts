/**
 * Where a repeat visit's time goes (issue 12 goal 1): for one page, a visit, then a visit in a
 * new tab of the same context, with the second visit's navigation and resource timings
 * (ms from navigation start: service worker start, fetch start, response start/end) and the
 * moment the URL field is usable. `node --import tsx bench/repeat-breakdown.ts <dist> [runs]`.
 */
import type { Browser } from 'playwright-core';
import { startServer } from '../server/app.ts';
import { cachingContext, initScript, launchBrowser, median } from './browser.ts';
import { settleServiceWorker } from './first-load.ts';

const OBSERVE = () => {
  const w = window as unknown as { __usable: number | null };
  w.__usable = null;
  new MutationObserver(() => {
    if (w.__usable !== null) return;
    const el = document.querySelector<HTMLInputElement>('input[aria-label="URL"]');
    if (el && !el.disabled) w.__usable = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

export interface Breakdown {
  controlled: boolean;
  usable: number;
  entries: {
    name: string;
    workerStart: number;
    fetchStart: number;
    responseStart: number;
    responseEnd: number;
    delivery: string;
  }[];
}

export async function repeatBreakdown(browser: Browser, url: string): Promise<Breakdown> {
  const { context } = await cachingContext(browser);
  await context.addInitScript(initScript(OBSERVE));
  const first = await context.newPage();
  await first.goto(url, { waitUntil: 'load' });
  await settleServiceWorker(first);
  await first.waitForTimeout(500);
  await first.close();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __usable: number | null }).__usable !== null);
  const result = await page.evaluate(() => {
    const usable = (window as unknown as { __usable: number }).__usable;
    const all = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return {
      controlled: navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
      usable,
      entries: all
        .filter((e) => e.responseEnd <= usable)
        .map((e) => ({
          name: new URL(e.name).pathname,
          workerStart: e.workerStart,
          fetchStart: e.fetchStart,
          responseStart: e.responseStart,
          responseEnd: e.responseEnd,
          delivery: (e as unknown as { deliveryType?: string }).deliveryType ?? '',
        })),
    };
  });
  await context.close();
  return result;
}

if (process.argv[2]) {
  const dist = process.argv[2];
  const runs = Number(process.argv[3] ?? 5);
  const browser = await launchBrowser();
  const server = await startServer({ host: '127.0.0.1', port: 0, distDir: dist });
  const samples: Breakdown[] = [];
  for (let i = 0; i < runs; i++) samples.push(await repeatBreakdown(browser, server.url + '/'));
  for (const s of samples)
    console.log(
      `usable ${s.usable.toFixed(0)}${s.controlled ? ' (SW)' : ' (no SW)'} | ` +
        s.entries
          .map(
            (e) =>
              `${e.name.replace(/-[\w-]{8}\./, '.')} w${e.workerStart.toFixed(0)} f${e.fetchStart.toFixed(0)} s${e.responseStart.toFixed(0)} e${e.responseEnd.toFixed(0)} ${e.delivery}`,
          )
          .join(' | '),
    );
  console.log('median usable', median(samples.map((s) => s.usable)).toFixed(0));
  await server.close();
  await browser.close();
}
