import { startServer } from '../server/app.ts';
import { launchBrowser, loopbackContext } from './browser.ts';
const dist = process.argv[2] ?? 'dist';
const server = await startServer({ host: '127.0.0.1', port: 0, distDir: dist });
const browser = await launchBrowser();
const context = await loopbackContext(browser);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(server.url + '/', { waitUntil: 'commit' });
await page.getByRole('textbox', { name: 'URL' }).waitFor();
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>();
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const dt: number[] = profile.timeDeltas;
const counts = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
// total time per node including children, aggregated by function
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
for (const [id, t] of counts) {
  const n = byId.get(id);
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const m = byId.get(cur);
    const kk = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.replace(/.*\//, '')}:${m.callFrame.lineNumber}:${m.callFrame.columnNumber}`;
    if (!seen.has(kk)) { incl.set(kk, (incl.get(kk) ?? 0) + t); seen.add(kk); }
    cur = parent.get(cur);
  }
}
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1000).toFixed(1).padStart(7)} ms ${k}`).join('\n');
console.log('SELF\n' + top(self));
console.log('INCLUSIVE\n' + top(incl));
await browser.close(); await server.close();
