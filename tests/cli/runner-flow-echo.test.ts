/**
 * `parley run` (in-process, Node transport) against the echo server: a Postman collection whose
 * requests inherit the collection's bearer auth (through a folder) sends exactly that Authorization field;
 * setNextRequest jumps and stops; the run's cookie jar sends a Set-Cookie back and pm.cookies reads it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useTestServer } from '../server/helpers.ts';
import { runCli } from '../../cli/run.ts';
import type { RunSummary } from '../../src/core/runner/types.ts';

const live = useTestServer();

const tests = (...lines: string[]) => [{ listen: 'test', script: { exec: lines } }];

test('the collection’s bearer auth, inherited through a folder, is sent exactly; setNextRequest and pm.cookies work in the CLI', async () => {
  const base = live.server.url;
  const collection = {
    info: { name: 'Flow', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
    variable: [
      { key: 'token', value: 'tok-123' },
      { key: 'base', value: base },
    ],
    item: [
      {
        name: 'Login',
        request: { method: 'GET', url: '{{base}}/echo/cookies?sid=abc' },
        event: tests("pm.execution.setNextRequest('Me')"),
      },
      { name: 'Skipped', request: { method: 'GET', url: '{{base}}/echo/skipped' } },
      {
        name: 'Users',
        item: [
          {
            name: 'Me',
            request: {
              method: 'GET',
              url: '{{base}}/echo/me',
              header: [{ key: 'Accept', value: 'application/json' }],
            },
            event: tests(
              'console.log(JSON.stringify(pm.response.json().headers));',
              "console.log('cookie', pm.cookies.get('sid'));",
              'postman.setNextRequest(null);',
            ),
          },
        ],
      },
      { name: 'After stop', request: { method: 'GET', url: '{{base}}/echo/after' } },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'parley-flow-'));
  const file = join(dir, 'flow.json');
  writeFileSync(file, JSON.stringify(collection));
  const out = join(dir, 'report.json');
  const stderr: string[] = [];
  const code = await runCli(['run', file, '--reporter', 'json', '--json-out', out], {
    stdout: () => undefined,
    stderr: (t) => stderr.push(t),
  });
  expect(stderr.filter((l) => l.startsWith('warning'))).toEqual([]);
  expect(code).toBe(0);
  const summary = JSON.parse(readFileSync(out, 'utf8')) as RunSummary;
  expect(summary.results.map((r) => [r.name, r.url, r.status, 'nextRequest' in r ? r.nextRequest : 'none'])).toEqual([
    ['Login', `${base}/echo/cookies?sid=abc`, 200, 'Me'],
    ['Me', `${base}/echo/me`, 200, null],
  ]);
  const host = new URL(base).host;
  expect(summary.results[1]?.console.map((c) => c.text)).toEqual([
    JSON.stringify([
      ['Host', host],
      ['Accept', 'application/json'],
      ['Authorization', 'Bearer tok-123'],
      ['Cookie', 'sid=abc'],
      ['Connection', 'keep-alive'],
    ]),
    'cookie abc',
  ]);
}, 60_000);
