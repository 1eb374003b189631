/**
 * Benchmark 2 (issues 6, 12): a 17, 50 and 100 MB JSON response from the echo server through the
 * proxy, in the real app. Measured in the page: time to the head shown (the status line, with
 * the content progress below it), to the content complete (the progress gone), to the first rows of
 * the body on screen (row 0 of the body text has text), to fully formatted (the viewer's
 * data-state="ready"); the longest main-thread task (Long Tasks API, observer installed before
 * the app loads); the peak JS heap of the page's main thread (CDP Performance.getMetrics, polled).
 * Baseline, same run, same server: a blank page that fetches the same URL directly and calls
 * JSON.parse on the main thread (what a naive viewer does before it can show anything).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { initScript, loopbackContext, ratioText, table, type BenchResult, type Figure } from './browser.ts';

const SIZES_MB = (process.env.BENCH_SIZES ?? '17,50,100').split(',').map(Number);

type Marks = { click?: number; firstByte?: number; status?: number; rows?: number; ready?: number };

const INSTRUMENT = () => {
  const w = window as unknown as {
    __longtasks: { start: number; duration: number }[];
    __marks: Record<string, number>;
  };
  w.__longtasks = [];
  w.__marks = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const mark = (name: string) => {
    if (w.__marks[name] === undefined) w.__marks[name] = performance.now();
  };
  document.addEventListener(
    'click',
    (e) => {
      const b = (e.target as Element | null)?.closest('button');
      if (b && b.textContent?.trim() === 'Send') {
        w.__marks = {};
        w.__longtasks = [];
        mark('click');
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (w.__marks.click === undefined) return;
    const region = document.querySelector('section[aria-label="Response"]');
    // The status shows with the head; the content progress shows until the last byte is in.
    const head = region?.querySelector('[aria-label="Response status"]');
    if (w.__marks.firstByte === undefined && head) mark('firstByte');
    if (w.__marks.status === undefined && head && !region?.querySelector('[aria-label="Content progress"]'))
      mark('status');
    // The first rows of the body on screen: row 0 of the body text holds text (its gutter has none).
    if (w.__marks.rows === undefined && (region?.querySelector('[data-row="0"]')?.textContent ?? '') !== '')
      mark('rows');
    if (w.__marks.ready === undefined && document.querySelector('[data-body-kind][data-state="ready"]')) mark('ready');
    if (w.__marks.failed === undefined && document.querySelector('[data-body-kind][data-state="failed"]'))
      mark('failed');
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
};

/**
 * Polls the V8 heaps through CDP every 100 ms until `stop()`; returns the peaks in bytes: the
 * page's main thread (`Performance.getMetrics` JSHeapUsedSize) and the sum over its dedicated
 * workers (the body worker, Monaco's), each attached with `Target.setAutoAttach` and asked
 * `Runtime.getHeapUsage` through `Target.sendMessageToTarget` (non-flat sessions).
 */
function heapPoller(cdp: CDPSession) {
  let peak = 0;
  let workerPeak = 0;
  let running = true;
  const workers = new Set<string>();
  const pending = new Map<number, (used: number) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.usedSize ?? 0);
    if (message.id !== undefined) pending.delete(message.id);
  });
  const workerHeap = (sessionId: string) =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      setTimeout(() => pending.delete(id) && resolve(0), 1000);
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(0));
    });
  const loop = (async () => {
    await cdp.send('Performance.enable');
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      const inWorkers = await Promise.all([...workers].map(workerHeap));
      workerPeak = Math.max(
        workerPeak,
        inWorkers.reduce((a, b) => a + b, 0),
      );
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { main: peak, workers: workerPeak };
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** Bytes of heap per MB of body, e.g. `1.9 MB/MB`. */
const perMb = (bytes: number, sizeMb: number) => `${(bytes / 1024 / 1024 / sizeMb).toFixed(2)} MB/MB`;
const s = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

async function longest(page: Page, from: number, to: number): Promise<number> {
  const tasks = await page.evaluate(
    () => (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks,
  );
  return Math.max(0, ...tasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration));
}

async function measureApp(browser: Browser, appUrl: string, echoUrl: string) {
  const context = await loopbackContext(browser);
  await context.addInitScript(initScript(INSTRUMENT));
  const page = await context.newPage();
  await page.goto(appUrl);
  const method = page.getByRole('combobox', { name: 'Method' });
  await method.fill('GET');
  await method.press('Tab');
  await page.getByRole('tablist', { name: 'Request' }).getByRole('tab', { name: 'Body' }).click();
  await page.getByRole('combobox', { name: 'Body type' }).selectOption({ label: 'None' });
  await page.getByRole('textbox', { name: 'URL' }).fill(echoUrl);
  await page.waitForTimeout(1500); // let lazy chunks settle so they are not counted
  const cdp = await context.newCDPSession(page);
  const heap = heapPoller(cdp);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __marks: Record<string, number> }).__marks;
      return m.ready !== undefined || m.failed !== undefined;
    },
    null,
    { timeout: 240_000, polling: 250 },
  );
  await page.waitForTimeout(500); // catch a task that starts right after
  // Scroll the formatted view to its middle and end: virtualisation should keep this cheap.
  await page.getByRole('region', { name: 'Body text' }).evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  await page.waitForTimeout(300);
  await page.getByRole('region', { name: 'Body text' }).evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.waitForTimeout(500);
  const peak = await heap.stop();
  const marks = await page.evaluate(() => (window as unknown as { __marks: Marks & { failed?: number } }).__marks);
  const click = marks.click ?? 0;
  const end = await page.evaluate(() => performance.now());
  if (process.env.BENCH_DEBUG) {
    const tasks = await page.evaluate(
      () => (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks,
    );
    console.log(
      echoUrl,
      JSON.stringify(marks),
      JSON.stringify(tasks.map((t) => [Math.round(t.start - click), Math.round(t.duration)])),
    );
  }
  const result = {
    firstByte: marks.firstByte !== undefined ? marks.firstByte - click : undefined,
    status: marks.status !== undefined ? marks.status - click : undefined,
    rows: marks.rows !== undefined ? marks.rows - click : undefined,
    ready: marks.ready !== undefined ? marks.ready - click : undefined,
    longestTask: await longest(page, click, end),
    peakHeap: peak.main,
    workerHeap: peak.workers,
  };
  await context.close();
  return result;
}

async function measureBaseline(browser: Browser, baselineUrl: string, echoUrl: string) {
  const context = await loopbackContext(browser);
  await context.addInitScript(initScript(INSTRUMENT));
  const page = await context.newPage();
  await page.goto(baselineUrl);
  await page.getByRole('textbox', { name: 'URL' }).waitFor();
  const cdp = await context.newCDPSession(page);
  const heap = heapPoller(cdp);
  const t = await page.evaluate(async (url) => {
    const t0 = performance.now();
    const res = await fetch(url, { cache: 'no-store' });
    const head = performance.now();
    const text = await res.text();
    const body = performance.now();
    const value = JSON.parse(text) as { count: number };
    const parsed = performance.now();
    (window as unknown as { __keep: unknown }).__keep = value; // keep it alive, as a viewer would
    return { t0, head: head - t0, body: body - t0, parsed: parsed - t0, end: performance.now() };
  }, echoUrl);
  await page.waitForTimeout(500);
  const peak = await heap.stop();
  const result = {
    firstByte: t.head,
    status: t.body,
    rows: undefined as number | undefined,
    ready: t.parsed,
    longestTask: await longest(page, t.t0, t.end + 500),
    peakHeap: peak.main,
    workerHeap: peak.workers,
  };
  await context.close();
  return result;
}

export async function runLargeResponseBench(
  browser: Browser,
  appUrl: string,
  baselineUrl: string,
  serverUrl: string,
): Promise<BenchResult> {
  const rows: (string | number)[][] = [];
  const figures: Figure[] = [];
  for (const size of SIZES_MB) {
    const echoUrl = `${serverUrl}/echo/json/big?mb=${size}`;
    const base = await measureBaseline(browser, baselineUrl, echoUrl);
    const app = await measureApp(browser, appUrl, echoUrl);
    rows.push([
      `${size} MB  Parley (proxy)`,
      s(app.firstByte),
      s(app.status),
      s(app.rows),
      s(app.ready),
      `${app.longestTask.toFixed(0)} ms`,
      mb(app.peakHeap),
      mb(app.workerHeap),
      perMb(app.peakHeap, size),
      perMb(app.workerHeap, size),
    ]);
    rows.push([
      `${size} MB  baseline`,
      s(base.firstByte),
      s(base.status),
      '',
      s(base.ready),
      `${base.longestTask.toFixed(0)} ms`,
      mb(base.peakHeap),
      '',
      perMb(base.peakHeap, size),
      '',
    ]);
    const headToRows = app.rows !== undefined && app.firstByte !== undefined ? app.rows - app.firstByte : undefined;
    const ratio = (a?: number, b?: number) =>
      a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
    rows.push([
      `${size} MB  ratio`,
      ratio(app.firstByte, base.firstByte),
      ratio(app.status, base.status),
      '',
      ratio(app.ready, base.ready),
      ratio(app.longestTask || 1, base.longestTask || 1),
      ratio(app.peakHeap, base.peakHeap),
      '',
      '',
      '',
    ]);
    figures.push(
      {
        figure: `large ${size} MB: longest main-thread task (ms)`,
        value: app.longestTask.toFixed(0),
        baseline: base.longestTask.toFixed(0),
        ratio: ratioText(app.longestTask, base.longestTask),
        goal: '≤ 200 ms',
        met: app.longestTask <= 200,
      },
      {
        figure: `large ${size} MB: head shown → first rows shown (s)`,
        value: s(headToRows),
        baseline: `${s(base.ready !== undefined ? base.ready - base.firstByte : undefined)} head → parsed`,
        ratio: ratio(headToRows, base.ready !== undefined ? base.ready - base.firstByte : undefined),
        goal: size <= 17 ? '≤ 1 s' : '',
        met: size <= 17 && headToRows !== undefined ? headToRows <= 1000 : null,
      },
      {
        figure: `large ${size} MB: Send → formatted (s)`,
        value: s(app.ready),
        baseline: `${s(base.ready)} parsed`,
        ratio: ratio(app.ready, base.ready),
        goal: '',
        met: null,
      },
      {
        figure: `large ${size} MB: peak heap per MB of body, main / worker`,
        value: `${perMb(app.peakHeap, size)} / ${perMb(app.workerHeap, size)}`,
        baseline: `${perMb(base.peakHeap, size)} main`,
        ratio: ratioText(app.peakHeap, base.peakHeap),
        goal: 'stated',
        met: null,
      },
    );
  }
  const text = [
    'Large JSON response (Parley: through the proxy, formatted losslessly in a Web Worker, virtualised view; baseline: blank page, direct fetch + JSON.parse on the main thread)',
    table(
      [
        'run',
        'first byte shown',
        'body complete',
        'first rows shown',
        'formatted/parsed',
        'longest main-thread task',
        'peak main JS heap*',
        'peak worker JS heap*',
        'main per MB',
        'workers per MB',
      ],
      rows,
    ),
    'Budget: longest main-thread task ≤ 200 ms at every size. Parley\'s "formatted" includes decoding, pretty-printing, line indexing and the first paint of the view; * = V8 heap of the page main thread (CDP JSHeapUsedSize): worker heap = sum over the page\'s dedicated workers (CDP Runtime.getHeapUsage); ArrayBuffers (the body bytes) are in neither.',
  ].join('\n');
  return { text, figures };
}
