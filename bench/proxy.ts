/**
 * Benchmark 3 (issue 6): proxy overhead on loopback.
 * - small-request latency (p50, p99), sequential, direct to the echo vs through /api/proxy;
 * - throughput with 16 requests in flight, both ways;
 * - the server process's RSS while 1 GiB streams through the proxy.
 * Two Parley servers run as child processes (`node --import tsx server/main.ts`): A is the proxy,
 * B the echo target, so "direct" is client → B and "through proxy" is client → A → B, and A's RSS
 * is the proxy's own.
 *
 * Run alone: `node --import tsx bench/proxy.ts`. Bounded: about 20–40 s on 2 cores.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { encodeProxyRequest } from '../src/core/wire/proxy-codec.ts';
import type { BenchResult } from './browser.ts';
import { startServerChild } from './server-child.ts';

const LATENCY_REQUESTS = 2000;
const WARMUP_REQUESTS = 300;
const THROUGHPUT_REQUESTS = 6000;
const CONCURRENCY = 16;
const STREAM_BYTES = 1024 ** 3;

interface Target {
  /** The proxy server A. */
  base: string;
  token: string;
  host: string;
}

interface Echo {
  /** The echo server B. */
  base: string;
  host: string;
}

interface Call {
  method: string;
  path: string;
  headers: [string, string][];
  body?: Uint8Array;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One request; resolves with the body size once fully read (the body is not kept). */
function send(t: { base: string }, call: Call, onData?: (received: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(t.base);
    const req = request(
      { host: u.hostname, port: u.port, method: call.method, path: call.path, headers: call.headers.flat(), agent },
      (res) => {
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          onData?.(size);
        });
        res.on('end', () => (res.statusCode === 200 ? resolve(size) : reject(new Error(`status ${res.statusCode}`))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(call.body);
  });
}

function directCall(e: Echo, path: string): Call {
  return { method: 'GET', path, headers: [['Host', e.host]] };
}

function proxyCall(t: Target, e: Echo, path: string): Call {
  const body = encodeProxyRequest({ method: 'GET', url: `${e.base}${path}`, headers: [] }, null);
  return {
    method: 'POST',
    path: '/api/proxy',
    headers: [
      ['Host', t.host],
      ['Origin', t.base],
      ['X-Parley-Token', t.token],
      ['Content-Type', 'application/octet-stream'],
      ['Content-Length', String(body.length)],
    ],
    body,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latency(t: { base: string }, call: Call): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARMUP_REQUESTS; i++) await send(t, call);
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_REQUESTS; i++) {
    const start = performance.now();
    await send(t, call);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function throughput(t: { base: string }, call: Call): Promise<number> {
  let left = THROUGHPUT_REQUESTS;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (left-- > 0) await send(t, call);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return THROUGHPUT_REQUESTS / ((performance.now() - start) / 1000);
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Streams 1 GiB through the proxy; RSS peaks are kept separately for the first and the last quarter, so "flat" is visible. */
async function streamThroughProxy(
  t: Target,
  e: Echo,
  pid: number,
): Promise<{ seconds: number; baseline: number; firstQuarterPeak: number; lastQuarterPeak: number; size: number }> {
  const baseline = rssOf(pid);
  let received = 0;
  let firstQuarterPeak = baseline;
  let lastQuarterPeak = 0;
  const sample = (): void => {
    const rss = rssOf(pid);
    if (received <= STREAM_BYTES / 4) firstQuarterPeak = Math.max(firstQuarterPeak, rss);
    else if (received >= (STREAM_BYTES * 3) / 4) lastQuarterPeak = Math.max(lastQuarterPeak, rss);
  };
  const timer = setInterval(sample, 50);
  const start = performance.now();
  try {
    const size = await send(t, proxyCall(t, e, `/echo/bytes/${STREAM_BYTES}`), (n) => (received = n));
    sample();
    return { seconds: (performance.now() - start) / 1000, baseline, firstQuarterPeak, lastQuarterPeak, size };
  } finally {
    clearInterval(timer);
  }
}

async function startChild(distDir: string): Promise<{ child: ChildProcess; target: Target }> {
  const { child, base, token, host } = await startServerChild(distDir);
  return { child, target: { base, token, host } };
}

const ms = (n: number): string => n.toFixed(3);
const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** Runs the benchmark and returns its table (Markdown) and summary figures. */
export async function runProxyBench(): Promise<BenchResult> {
  const dist = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  writeFileSync(join(dist, 'index.html'), '<meta name="parley-proxy-token" content="%PARLEY_PROXY_TOKEN%">');
  const { child, target } = await startChild(dist);
  const { child: echoChild, target: echoTarget } = await startChild(dist);
  const echo: Echo = { base: echoTarget.base, host: echoTarget.host };
  try {
    const path = '/echo/bench?small=1';
    const direct = directCall(echo, path);
    const viaProxy = proxyCall(target, echo, path);
    const latDirect = await latency(echo, direct);
    const latProxy = await latency(target, viaProxy);
    const echoCpu0 = cpuMsOf(echoChild.pid!);
    const tpDirect = await throughput(echo, direct);
    const echoCpuPerRequest = ((cpuMsOf(echoChild.pid!) - echoCpu0) / THROUGHPUT_REQUESTS) * 1000;
    const proxyCpu0 = cpuMsOf(child.pid!);
    const tpProxy = await throughput(target, viaProxy);
    const proxyCpuPerRequest = ((cpuMsOf(child.pid!) - proxyCpu0) / THROUGHPUT_REQUESTS) * 1000;
    const stream = await streamThroughProxy(target, echo, child.pid!);
    if (stream.size !== STREAM_BYTES) throw new Error(`streamed ${stream.size} bytes, expected ${STREAM_BYTES}`);
    const rows = [
      '| measure | direct to echo | through proxy | proxy vs direct |',
      '|---|---:|---:|---:|',
      `| latency p50 (ms, ${LATENCY_REQUESTS} sequential) | ${ms(latDirect.p50)} | ${ms(latProxy.p50)} | +${ms(latProxy.p50 - latDirect.p50)} ms (${(latProxy.p50 / latDirect.p50).toFixed(2)}×) |`,
      `| latency p99 (ms) | ${ms(latDirect.p99)} | ${ms(latProxy.p99)} | +${ms(latProxy.p99 - latDirect.p99)} ms (${(latProxy.p99 / latDirect.p99).toFixed(2)}×) |`,
      `| throughput (req/s, ${CONCURRENCY} in flight) | ${tpDirect.toFixed(0)} | ${tpProxy.toFixed(0)} | ${(tpProxy / tpDirect).toFixed(2)}× |`,
      `| CPU time per request (µs, from /proc; echo process / proxy process) | ${echoCpuPerRequest.toFixed(0)} | ${proxyCpuPerRequest.toFixed(0)} | proxy adds ${proxyCpuPerRequest.toFixed(0)} µs of CPU |`,
      `| 1 GiB through proxy: time, rate | | ${stream.seconds.toFixed(2)} s, ${(STREAM_BYTES / 1024 / 1024 / stream.seconds).toFixed(0)} MiB/s | |`,
      `| proxy RSS before → peak in first ¼ → peak in last ¼ of 1 GiB (MiB) | | ${mib(stream.baseline)} → ${mib(stream.firstQuarterPeak)} → ${mib(stream.lastQuarterPeak)} | last ¼ vs first ¼: ${(stream.lastQuarterPeak / stream.firstQuarterPeak).toFixed(2)}× (flat ≈ 1.00) |`,
    ];
    const text = [
      `### Proxy overhead (loopback; proxy and echo server in separate processes; ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)} at start)`,
      '',
      ...rows,
      '',
    ].join('\n');
    const figure = (name: string, proxy: number, direct: number, goal: number) => ({
      figure: `proxy: small request latency ${name} (ms)`,
      value: ms(proxy),
      baseline: `${ms(direct)} direct`,
      ratio: `+${ms(proxy - direct)} ms`,
      goal: `≤ +${goal} ms`,
      met: proxy - direct <= goal,
    });
    return {
      text,
      figures: [
        figure('p50', latProxy.p50, latDirect.p50, 0.25),
        figure('p99', latProxy.p99, latDirect.p99, 1),
        {
          figure: 'proxy: CPU per small request (µs)',
          value: proxyCpuPerRequest.toFixed(0),
          baseline: `${echoCpuPerRequest.toFixed(0)} echo`,
          ratio: `${(proxyCpuPerRequest / echoCpuPerRequest).toFixed(2)}×`,
          goal: '',
          met: null,
        },
      ],
    };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    echoChild.kill('SIGTERM');
    rmSync(dist, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runProxyBench().then(
    (result) => console.log(result.text),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
