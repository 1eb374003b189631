/**
 * Fidelity suite (issue 5): each tricky request is sent by Parley through its proxy to the
 * echo server, and each snippet whose runtime exists here is run for real against the same
 * echo; method, target, header fields and content must match (see compare.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/app.ts';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import type { EffectiveRequest } from '../../src/core/resolve/types.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { PROXY_PATH, PROXY_TOKEN_HEADER, type ProxyRequestHead } from '../../src/core/wire/proxy.ts';
import { encodeProxyRequest } from '../../src/core/wire/proxy-codec.ts';
import { generateSnippet } from '../../src/core/codegen/targets.ts';
import { fidelityCases, type FidelityCase } from './cases.ts';
import { compareEcho } from './compare.ts';
import { startRelay, type Relay } from './relay.ts';
import { runSnippet, runners, warmGoCache } from './runners.ts';

let server: RunningServer;
let relay: Relay;
let tmp: string;
const cases = new Map<string, { c: FidelityCase; req: EffectiveRequest; parley: EchoReply }>();
const results: string[] = [];

/** Parley's own Send, exactly as the browser's proxy transport does it (services/transport-proxy.ts). */
async function sendThroughProxy(req: EffectiveRequest): Promise<EchoReply> {
  const head: ProxyRequestHead = {
    method: req.method,
    url: req.url,
    headers: req.headers.map((h) => [h.name, h.value]),
    followRedirects: false,
  };
  const res = await fetch(server.url + PROXY_PATH, {
    method: 'POST',
    headers: { [PROXY_TOKEN_HEADER]: server.token, 'Content-Type': 'application/octet-stream', Origin: server.url },
    body: encodeProxyRequest(head, req.body) as BodyInit,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`proxy answered ${res.status}: ${text}`);
  return JSON.parse(text) as EchoReply;
}

// Before the snippets run concurrently; compiling net/http can take minutes on a busy machine.
beforeAll(() => warmGoCache(), 300_000);

beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, distDir: null });
  relay = await startRelay(server.port);
  tmp = mkdtempSync(join(tmpdir(), 'parley-fidelity-'));
  for (const c of fidelityCases(relay.origin)) {
    const resolved = resolveRequest(c.draft, { files: (id) => c.files[id]?.bytes });
    if (!resolved.request) throw new Error(`${c.id}: ${JSON.stringify(resolved.problems)}`);
    cases.set(c.id, { c, req: resolved.request, parley: await sendThroughProxy(resolved.request) });
  }
});

afterAll(async () => {
  if (results.length) console.log(`Fidelity results:\n${results.sort().join('\n')}`);
  await relay?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const caseIds = fidelityCases('http://127.0.0.1:1').map((c) => c.id);

describe('Parley sends each tricky request as resolved', () => {
  test.each(caseIds)('%s', (id) => {
    const { req, parley } = cases.get(id)!;
    expect(parley.method).toBe(req.method);
    expect(parley.target).toBe(req.url.slice(relay.origin.length));
    expect(parley.body.base64).toBe(Buffer.from(req.body ?? new Uint8Array()).toString('base64'));
  });
});

// Concurrent (all targets): each test runs its snippet against its own relay, so replies never mix.
describe.concurrent('snippets run against the echo server', () => {
  for (const runner of runners()) {
    describe(`snippet ${runner.target}`, () => {
      for (const id of caseIds) {
        const cannot = runner.cannotRun?.(id) ?? null;
        const reason = runner.missing ?? cannot;
        const name = reason ? `${id} (skipped: ${reason})` : id;
        test.skipIf(reason !== null)(name, { timeout: 90_000 }, async () => {
          const { c, req: sent, parley } = cases.get(id)!;
          const own = await startRelay(server.port);
          // Same request, only the port differs (Host is the transport's field, not compared).
          const req = { ...sent, url: own.origin + sent.url.slice(relay.origin.length) };
          const snippet = await generateSnippet(runner.target, req);
          const dir = join(tmp, `${runner.target}-${id}`);
          const run = await runSnippet(runner, dir, snippet.text, Object.values(c.files));
          const replies = own.replies();
          await own.close();
          const detail = `\n--- snippet ---\n${snippet.text}\n--- exit ${run.status} stderr ---\n${run.stderr.slice(0, 2000)}`;
          expect(replies.length, `the snippet reached the echo server once${detail}`).toBe(1);
          const { verdict, problems } = compareEcho(req, parley, replies[0]!, runner.rewritesTarget);
          expect(problems, detail).toEqual([]);
          results.push(`${runner.target.padEnd(20)} ${id.padEnd(26)} ${verdict}`);
        });
      }
    });
  }
});
