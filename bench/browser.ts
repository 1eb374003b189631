/** Headless Chromium for the benchmarks: the e2e harness's launch and loopback-only contexts (tests/e2e/chromium.ts). */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, loopbackContext as blockedContext } from '../tests/e2e/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  // performance.memory reports real (unquantised) numbers with this flag.
  return launchChromium(['--enable-precise-memory-info']);
}

/** A fresh context (cold cache) where every non-loopback request is refused. */
export async function loopbackContext(browser: Browser): Promise<BrowserContext> {
  return (await blockedContext(browser)).context;
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
