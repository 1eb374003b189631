/**
 * Flood (issue 9): while other loopback clients (127.0.0.2–127.0.0.9) send slow, stalled and
 * oversized requests, a normal client (127.0.0.1) keeps calling the proxy; prints its latency
 * against a quiet baseline measured in the same run, and the server's RSS.
 *
 * Bounded: at most `MAX_REQUESTS` (20,000) requests and about 40 s; loopback only (the server
 * listens on 127.0.0.1 and every target is on it). Bounds it checks and prints (not a test):
 * normal proxy call p99 ≤ 100 ms, server RSS peak ≤ `RSS_BOUND_MIB`.
 *
 * Run alone: `node --import tsx bench/flood.ts`, or `npm run bench -- flood`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { encodeProxyRequest } from '../src/core/wire/proxy-codec.ts';
import type { BenchResult, Figure } from './browser.ts';
import { startServerChild, type ServerChild } from './server-child.ts';

const MAX_REQUESTS = 20_000;
const BASELINE_MS = 4_000;
const FLOOD_MS = 30_000;
const NORMAL_EVERY_MS = 25;
const P99_BOUND_MS = 100;
const RSS_BOUND_MIB = 400;

type Server = ServerChild;

const startChild = startServerChild;

const rssOf = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** Counts every request sent, by kind and outcome, and refuses to go past the budget. */
class Budget {
  sent = 0;
  readonly outcomes = new Map<string, number>();
  take(): boolean {
    if (this.sent >= MAX_REQUESTS) return false;
    this.sent++;
    return true;
  }
  record(kind: string, outcome: string): void {
    const key = `${kind}: ${outcome}`;
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
  }
}

/** One proxy call as Parley's page makes it; resolves with status (or error code) and ms to the last byte. */
function proxyCall(
  s: Server,
  head: { method: string; url: string; headers: [string, string][] },
  localAddress: string,
  timeoutMs = 60_000,
): Promise<{ outcome: string; ms: number }> {
  const started = performance.now();
  const body = encodeProxyRequest(head, null);
  return new Promise((resolve) => {
    const req = request({
      host: '127.0.0.1',
      port: s.port,
      method: 'POST',
      path: '/api/proxy',
      localAddress,
      agent: false,
      timeout: timeoutMs,
      headers: {
        Host: `127.0.0.1:${s.port}`,
        Origin: s.base,
        'X-Parley-Token': s.token,
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(body.length),
      },
    });
    const done = (outcome: string) => resolve({ outcome, ms: performance.now() - started });
    req.on('response', (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => done(String(res.statusCode)));
      res.on('error', () => done('cut'));
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
    req.end(body);
  });
}

/** Opens a raw connection from `localAddress`, writes `pieces` `gapMs` apart, resolves with the first status line (or how it ended). */
function raw(
  port: number,
  localAddress: string,
  pieces: (string | Buffer)[],
  gapMs: number,
  until: number,
): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ port, host: '127.0.0.1', localAddress });
    // The flood is bounded in time: whatever is still open at its end is closed by us.
    const stop = setTimeout(
      () => {
        settle('still open at the end of the flood');
        socket.destroy();
      },
      Math.max(0, until - performance.now()),
    );
    socket.on('close', () => clearTimeout(stop));
    let first = '';
    let settled = false;
    const settle = (v: string) => {
      if (!settled) resolve(v);
      settled = true;
    };
    socket.on('data', (d: Buffer) => {
      first ||= d.toString('latin1').split('\r\n')[0] ?? '';
      settle(first.replace(/^HTTP\/1\.1 /, ''));
      socket.destroy();
    });
    socket.on('error', () => settle('reset'));
    socket.on('close', () => settle('closed'));
    socket.on('connect', () => {
      void (async () => {
        for (const piece of pieces) {
          if (socket.destroyed) return;
          socket.write(piece);
          if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        }
      })();
    });
  });
}

/** A local upstream answering every request with 101 Switching Protocols and then silence. */
async function upgradeUpstream(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () =>
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n'),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Calls the proxy from 127.0.0.1 every `NORMAL_EVERY_MS` until `until`; latencies in ms. */
async function normalCalls(s: Server, budget: Budget, until: number): Promise<{ ms: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const head = { method: 'GET', url: `${s.base}/echo/normal?x=1`, headers: [] as [string, string][] };
  while (performance.now() < until && budget.take()) {
    const r = await proxyCall(s, head, '127.0.0.1', 5_000);
    if (r.outcome === '200') latencies.push(r.ms);
    else failed++;
    budget.record('normal proxy call', r.outcome);
    await new Promise((res) => setTimeout(res, NORMAL_EVERY_MS));
  }
  return { ms: latencies.sort((a, b) => a - b), failed };
}

/** Runs `attack` again and again (at most `parallel` at once) until `until`, each from one of 127.0.0.2–9. */
async function repeat(
  budget: Budget,
  kind: string,
  parallel: number,
  until: number,
  attack: (from: string) => Promise<string>,
  pauseMs = 100,
): Promise<void> {
  // FLOOD_SKIP="8 MiB,101" leaves out attacks whose name contains one of the parts (to find what costs).
  const skip = (process.env.FLOOD_SKIP ?? '').split(',').filter(Boolean);
  if (skip.some((part) => kind.includes(part))) return;
  let n = 0;
  const lane = async (): Promise<void> => {
    while (performance.now() < until && budget.take()) {
      const from = `127.0.0.${2 + (n++ % 8)}`;
      budget.record(kind, await attack(from));
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}

/** Runs the flood and returns its table (Markdown). */
export async function runFloodBench(): Promise<BenchResult> {
  const dist = mkdtempSync(join(tmpdir(), 'parley-flood-'));
  writeFileSync(join(dist, 'index.html'), '<meta name="parley-proxy-token" content="%PARLEY_PROXY_TOKEN%">');
  const s = await startChild(dist);
  const upgrade = await upgradeUpstream();
  const budget = new Budget();
  try {
    const quiet = await normalCalls(s, budget, performance.now() + BASELINE_MS);
    const rssBefore = rssOf(s.child.pid!);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(s.child.pid!))), 100);
    const until = performance.now() + FLOOD_MS;
    const headOnly = 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ';
    const big = Buffer.alloc(1024 * 1024, 0x61);
    const started = performance.now();
    const [loaded] = await Promise.all([
      normalCalls(s, budget, until),
      // Slow heads: one byte a second, never finished (the head deadline ends them).
      repeat(budget, 'slow request head (1 byte/s)', 150, until, (from) =>
        raw(s.port, from, [...headOnly].concat(Array.from({ length: 60 }, () => 'a')), 1000, until),
      ),
      // Silent connections: connect, send nothing.
      repeat(budget, 'silent connection', 100, until, (from) => raw(s.port, from, [], 0, until)),
      // Stalled content: a head announcing 1 MiB, 10 octets, then silence (the body gap ends them).
      repeat(budget, 'stalled echo content', 60, until, (from) =>
        raw(
          s.port,
          from,
          ['POST /echo/stall HTTP/1.1\r\nHost: h\r\nContent-Length: 1048576\r\n\r\n0123456789'],
          0,
          until,
        ),
      ),
      // An unknown method announcing a 256 MiB chunk (refused at its size line).
      repeat(budget, 'unknown method, 256 MiB chunk', 4, until, (from) =>
        raw(
          s.port,
          from,
          ['FROB /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n10000000\r\n', big.subarray(0, 65536)],
          0,
          until,
        ),
      ),
      // Oversized content: 70 MiB announced to the echo (refused before reading), and 8 MiB streamed.
      repeat(budget, 'echo, 70 MiB announced', 2, until, (from) =>
        raw(s.port, from, ['PUT /echo/big HTTP/1.1\r\nHost: h\r\nContent-Length: 73400320\r\n\r\n', big], 0, until),
      ),
      repeat(budget, 'echo, 8 MiB streamed', 1, until, (from) =>
        raw(
          s.port,
          from,
          [
            'PUT /echo/big HTTP/1.1\r\nHost: h\r\nContent-Length: 8388608\r\n\r\n',
            ...Array.from({ length: 8 }, () => big),
          ],
          0,
          until,
        ),
      ),
      // Stalled proxy calls (the token is readable by any loopback client): a 60 s delay each.
      repeat(budget, 'stalled proxy call (60 s delay; 20 per address, 16 allowed)', 160, until, (from) =>
        proxyCall(s, { method: 'GET', url: `${s.base}/echo/delay/60000`, headers: [] }, from, 5_000).then(
          (r) => r.outcome,
        ),
      ),
      // Proxy calls whose upstream answers 101 and then stays silent.
      repeat(budget, 'proxy call answered 101', 4, until, (from) =>
        proxyCall(s, { method: 'GET', url: `http://127.0.0.1:${upgrade.port}/`, headers: [] }, from, 5_000).then(
          (r) => r.outcome,
        ),
      ),
    ]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rssAfter = rssOf(s.child.pid!);
    const f = (n: number) => n.toFixed(1);
    const mib = (n: number) => (n / 1024 / 1024).toFixed(0);
    const p99 = percentile(loaded.ms, 99);
    const rows = [
      '| normal proxy call from 127.0.0.1 | quiet baseline | during flood | flood vs quiet |',
      '|---|---:|---:|---:|',
      `| calls answered / failed | ${quiet.ms.length} / ${quiet.failed} | ${loaded.ms.length} / ${loaded.failed} | |`,
      `| latency p50 (ms) | ${f(percentile(quiet.ms, 50))} | ${f(percentile(loaded.ms, 50))} | ${(percentile(loaded.ms, 50) / percentile(quiet.ms, 50)).toFixed(2)}× |`,
      `| latency p99 (ms) | ${f(percentile(quiet.ms, 99))} | ${f(p99)} | ${(p99 / percentile(quiet.ms, 99)).toFixed(2)}× — bound ${P99_BOUND_MS} ms: ${p99 <= P99_BOUND_MS && loaded.failed === 0 ? 'held' : 'NOT HELD'} |`,
      `| latency max (ms) | ${f(quiet.ms.at(-1) ?? NaN)} | ${f(loaded.ms.at(-1) ?? NaN)} | |`,
      '',
      `Server RSS: ${mib(rssBefore)} MiB before the flood, peak ${mib(rssPeak)} MiB, ${mib(rssAfter)} MiB after — bound ${RSS_BOUND_MIB} MiB: ${rssPeak / 1024 / 1024 <= RSS_BOUND_MIB ? 'held' : 'NOT HELD'}.`,
      `Requests sent: ${budget.sent} (budget ${MAX_REQUESTS}) in ${seconds.toFixed(1)} s of flood (plus ${BASELINE_MS / 1000} s of quiet baseline).`,
      '',
      '| attack (from 127.0.0.2–9) | outcome | count |',
      '|---|---|---:|',
      ...[...budget.outcomes]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, n]) => {
          const at = key.lastIndexOf(': ');
          return `| ${key.slice(0, at)} | ${key.slice(at + 2)} | ${n} |`;
        }),
    ];
    const quietP99 = percentile(quiet.ms, 99);
    const figures: Figure[] = [
      {
        figure: 'flood: normal proxy call p99 (ms)',
        value: f(p99),
        baseline: `${f(quietP99)} quiet`,
        ratio: `${(p99 / quietP99).toFixed(2)}×`,
        goal: `≤${P99_BOUND_MS} ms, 0 failed`,
        met: p99 <= P99_BOUND_MS && loaded.failed === 0,
      },
      {
        figure: 'flood: server RSS peak (MiB)',
        value: mib(rssPeak),
        baseline: `${mib(rssBefore)} before`,
        ratio: `${(rssPeak / rssBefore).toFixed(2)}×`,
        goal: `≤${RSS_BOUND_MIB} MiB`,
        met: rssPeak / 1024 / 1024 <= RSS_BOUND_MIB,
      },
    ];
    const text = [
      `### Flood (loopback; server in its own process; ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)} at start)`,
      '',
      ...rows,
      '',
    ].join('\n');
    return { text, figures };
  } finally {
    upgrade.close();
    s.child.kill('SIGTERM');
    rmSync(dist, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runFloodBench().then(
    (result) => console.log(result.text),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
