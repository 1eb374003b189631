import { startServer } from '../server/app.ts';
import { launchBrowser, loopbackContext, initScript } from './browser.ts';
const dist = process.argv[2] ?? 'dist';
const server = await startServer({ host: '127.0.0.1', port: 0, distDir: dist });
const browser = await launchBrowser();
for (let run = 0; run < 2; run++) {
  const context = await loopbackContext(browser);
  await context.addInitScript(initScript(() => {
    const w = window as any; w.__usable = null; w.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      if (w.__usable !== null) return;
      const el = document.querySelector('input[aria-label="URL"]');
      if (el) w.__usable = performance.now();
    }).observe(document, { subtree: true, childList: true });
  }));
  const page = await context.newPage();
  await page.goto(server.url + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as any).__usable !== null);
  await page.waitForTimeout(3000);
  const r = await page.evaluate(() => {
    const w = window as any;
    const res = performance.getEntriesByType('resource').map((e: any) => [e.name.replace(/.*\//, ''), Math.round(e.startTime), Math.round(e.responseEnd)]);
    const nav = performance.getEntriesByType('navigation')[0] as any;
    return { usable: Math.round(w.__usable), lt: w.__lt, navEnd: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd), res: res.filter((x: any) => x[2] < w.__usable + 1500) };
  });
  console.log(JSON.stringify({ usable: r.usable, navEnd: r.navEnd, dcl: r.dcl, lt: r.lt }));
  for (const x of r.res) console.log('  ', x.join(' '));
  await context.close();
}
await browser.close(); await server.close();
