/**
 * One collection, two ways: the engine with the app's shapes (script Worker protocol, the
 * proxy transport the page uses) and `parley run` in a child process (Node transport, same
 * engine). Both run against the echo server and must give identical results (timings aside).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { useTestServer } from '../server/helpers.ts';
import { transportFor } from '../services/transport-fixtures.ts';
import { readRunnerSource } from '../../src/core/runner/sources.ts';
import { parseDataFile } from '../../src/core/runner/data-file.ts';
import { runCollection } from '../../src/core/runner/run-collection.ts';
import type { RequestRunResult, RunSummary } from '../../src/core/runner/types.ts';
import { appRunnerDeps } from '../../src/services/scripts/runner-deps.ts';
import { nodeSandbox } from '../../src/services/scripts/node-sandbox.ts';
import { serveScriptRuns, workerSandbox, type WorkerLike } from '../../src/workers/script-protocol.ts';
import { postmanCollection } from './fixture-collection.ts';

const live = useTestServer();

/** The Worker protocol in-process: messages are cloned as postMessage would. */
function inProcessWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    postMessage: (m) => handle(structuredClone(m)),
    terminate: () => undefined,
  };
  const handle = serveScriptRuns((m) => queueMicrotask(() => w.onmessage?.({ data: structuredClone(m) })), nodeSandbox);
  return w;
}

const comparable = (r: RequestRunResult) => ({ ...r, timeMs: r.timeMs === null ? null : 'measured' });

test('the app-side engine and the CLI give identical results', async () => {
  const base = live.server.url;
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  const collectionFile = join(dir, 'collection.json');
  writeFileSync(collectionFile, JSON.stringify(postmanCollection));
  writeFileSync(join(dir, 'env.json'), JSON.stringify({ values: [{ key: 'base', value: base, enabled: true }] }));
  writeFileSync(join(dir, 'data.csv'), 'user,expected\nemma,emma-token\n"zoë, jr",wrong\n');

  // App shapes
  const read = readRunnerSource(JSON.stringify(postmanCollection), 0, () => 'id');
  if (!read.ok) throw new Error(read.message);
  const data = parseDataFile(readFileSync(join(dir, 'data.csv'), 'utf8'));
  if (!data.ok) throw new Error(data.message);
  const app = await runCollection(
    read.collection,
    appRunnerDeps(transportFor('proxy', live.server), workerSandbox(inProcessWorker)),
    {
      data: data.rows,
      environment: { base },
    },
  );

  // CLI
  const out = join(dir, 'report.json');
  const cli = await promisify(execFile)(
    process.execPath,
    [
      'cli/parley.mjs',
      'run',
      collectionFile,
      '--env',
      join(dir, 'env.json'),
      '--data',
      join(dir, 'data.csv'),
      '--reporter',
      'json',
      '--json-out',
      out,
    ],
    { cwd: process.cwd() },
  ).then(
    () => ({ code: 0 }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  expect(cli.code).toBe(1); // the second row's expectation fails on purpose
  const fromCli = JSON.parse(readFileSync(out, 'utf8')) as RunSummary;

  expect(fromCli.results.map(comparable)).toEqual(app.results.map(comparable));
  expect(fromCli.totals).toEqual(app.totals);
  expect(fromCli.scopes).toEqual(app.scopes);

  // And the results are the expected ones.
  expect(app.totals).toEqual({ requests: 6, tests: 8, passed: 7, failed: 1, skipped: 0, errors: 0 });
  expect(app.results.map((r) => [r.iteration, r.name, r.method, r.url, r.status, r.scriptRequests])).toEqual([
    [0, 'Login', 'POST', `${base}/echo/login`, 200, 0],
    [0, 'Me', 'GET', `${base}/echo/me?iteration=0`, 200, 0],
    [0, 'Side request', 'GET', `${base}/echo/main`, 200, 1],
    [1, 'Login', 'POST', `${base}/echo/login`, 200, 0],
    [1, 'Me', 'GET', `${base}/echo/me?iteration=1`, 200, 0],
    [1, 'Side request', 'GET', `${base}/echo/main`, 200, 1],
  ]);
  expect(app.results[1]?.tests).toEqual([
    { name: 'token sent', status: 'passed' },
    { name: 'signed by the pre-request script', status: 'passed' },
  ]);
  expect(app.results[3]?.tests).toEqual([
    { name: 'status 200', status: 'passed' },
    {
      name: 'token as the data row expects',
      status: 'failed',
      error: "AssertionError: expected 'zoë, jr-token' to equal 'wrong'",
    },
  ]);
  expect(app.results[2]?.console).toEqual([{ level: 'log', text: 'side GET /echo/side?from=script' }]);
  expect(app.scopes.environment).toEqual({
    base,
    token: 'zoë, jr-token',
    side: '/echo/side?from=script',
    method: 'GET',
  });
}, 60_000);
