/** Headless Chromium for the benchmarks: the e2e harness's launch and loopback-only contexts (tests/e2e/chromium.ts). */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, loopbackContext as blockedContext } from '../tests/e2e/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  // performance.memory reports real (unquantised) numbers with this flag.
  return launchChromium(['--enable-precise-memory-info']);
}

/**
 * A fresh context (cold cache) where every non-loopback request is refused. Service workers run,
 * as for a person: Parley's registers after `load`, so a cold load measures its cost too.
 */
export async function loopbackContext(browser: Browser): Promise<BrowserContext> {
  return (await blockedContext(browser, { serviceWorkers: 'allow' })).context;
}

/**
 * A fresh context WITHOUT request routing, for figures that need the HTTP cache: Playwright
 * turns the HTTP cache off in a context that routes requests, which no person's browser does
 * (repeat visits, bytes on a first visit). Nothing is blocked here, so every request is checked
 * afterwards instead: `assertLoopbackOnly()` throws if one left loopback.
 */
export async function cachingContext(
  browser: Browser,
): Promise<{ context: BrowserContext; assertLoopbackOnly: () => void }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'allow' });
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(url) && !/^(data|blob):/.test(url))
      outside.push(url);
  });
  return {
    context,
    assertLoopbackOnly() {
      if (outside.length > 0) throw new Error(`The page made requests outside loopback: ${outside.join(', ')}`);
    },
  };
}

/** One line of the closing summary: a figure, its baseline measured in the same run, the ratio and the goal. */
export interface Figure {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  goal: string;
  /** Whether the goal is met (`null`: a figure that only states a fact). */
  met: boolean | null;
}

/** What each benchmark returns: its detail table and its lines for the summary. */
export interface BenchResult {
  text: string;
  figures: Figure[];
}

/** `value / baseline` as `1.23×`. */
export function ratioText(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(2)}×` : 'n/a';
}

/** The summary table of every figure (printed last by `npm run bench`). */
export function summaryTable(figures: Figure[]): string {
  return table(
    ['figure', 'Parley', 'baseline (same run)', 'ratio', 'goal', 'met'],
    figures.map((f) => [f.figure, f.value, f.baseline, f.ratio, f.goal, f.met === null ? '' : f.met ? 'yes' : 'NO']),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Renders rows as an aligned text table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * A function as an init script. tsx (esbuild keepNames) wraps inner named functions in
 * `__name(...)`, which does not exist in the page, so the script defines it first.
 */
export function initScript(fn: () => void): { content: string } {
  return { content: `var __name = globalThis.__name || ((f) => f); globalThis.__name = __name; (${fn.toString()})();` };
}
