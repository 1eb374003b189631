import { describe, expect, test } from 'vitest';
import { runCollection } from '../../../src/core/runner/run-collection.ts';
import type { RunnerCollection, RunnerDeps, RunnerItem } from '../../../src/core/runner/types.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import type { RequestDraft } from '../../../src/core/model/draft.ts';
import { makeDynamicValues } from '../../../src/core/variables/dynamic.ts';
import { nodeSandbox } from '../../../src/services/scripts/node-sandbox.ts';

const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

/** A transport that answers every request with a JSON echo of it (status from `?status=`). */
async function deps(sent: EffectiveRequest[], sleeps: number[] = []): Promise<RunnerDeps> {
  let id = 0;
  return {
    send: (r) => {
      sent.push(r);
      if (r.url.includes('down.test'))
        return Promise.reject(new Error('No response from down.test: connect ECONNREFUSED'));
      const status = Number(new URL(r.url).searchParams.get('status') ?? 200);
      const body = JSON.stringify({
        url: r.url,
        headers: r.headers.map((h) => [h.name, h.value]),
        body: text(r.body),
        token: 't-' + sent.length,
      });
      return Promise.resolve({
        status,
        reasonPhrase: status === 200 ? 'OK' : 'Other',
        headers: [['Content-Type', 'application/json']],
        body: new TextEncoder().encode(body),
        totalMs: 5,
      });
    },
    sandbox: await nodeSandbox(),
    dynamic: () => makeDynamicValues(0, new Uint8Array(18)),
    newId: () => `n${++id}`,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
}

const draft = (over: Partial<RequestDraft>): RequestDraft => ({ ...blankDraft(), ...over });
const item = (name: string, d: Partial<RequestDraft>, pre: string[] = [], post: string[] = []): RunnerItem => ({
  id: name,
  name,
  path: [],
  draft: draft(d),
  preRequest: pre,
  postResponse: post,
});

describe('runCollection', () => {
  test('pre-request changes are sent (through resolveRequest); assertions chain a token into the next request', async () => {
    const collection: RunnerCollection = {
      name: 'c',
      variables: { host: 'http://api.test' },
      items: [
        item(
          'login',
          {
            method: 'POST',
            url: '{{host}}/login',
            body: { mode: 'json', text: '{"u":1}' },
            assertions: [
              { id: 'a', enabled: true, kind: 'status', target: '', op: 'equals', expected: '200' },
              { id: 'b', enabled: true, kind: 'setVariable', target: '$.token', op: 'equals', expected: 'token' },
            ],
          },
          [
            "pm.request.headers.add({key: 'X-Pre', value: pm.collectionVariables.get('host')}); pm.request.body.raw = '{\"u\":2}';",
          ],
        ),
        item(
          'me',
          {
            url: '{{host}}/me',
            headers: [{ id: 'h', name: 'Authorization', value: 'Bearer {{token}}', enabled: true }],
          },
          [],
          ["pm.test('chained', () => pm.expect(pm.request.headers.get('Authorization')).to.equal('Bearer t-1'));"],
        ),
      ],
    };
    const sent: EffectiveRequest[] = [];
    const summary = await runCollection(collection, await deps(sent));
    expect(sent.map((r) => [r.method, r.url, r.headers.map((h) => [h.name, h.value, h.source]), text(r.body)])).toEqual(
      [
        [
          'POST',
          'http://api.test/login',
          [
            ['X-Pre', 'http://api.test', 'user'],
            ['Content-Type', 'application/json', 'body'],
          ],
          '{"u":2}',
        ],
        ['GET', 'http://api.test/me', [['Authorization', 'Bearer t-1', 'user']], null],
      ],
    );
    expect(summary.results.map((r) => r.tests)).toEqual([
      [
        { name: 'status equals 200', status: 'passed' },
        { name: 'set token from $.token', status: 'passed' },
      ],
      [{ name: 'chained', status: 'passed' }],
    ]);
    expect(summary.scopes.environment).toEqual({ token: 't-1' });
    expect(summary.totals).toEqual({ requests: 2, tests: 3, passed: 3, failed: 0, skipped: 0, errors: 0 });
  });

  test('iterations cycle through data rows; delay between requests; pm.info counts iterations', async () => {
    const sleeps: number[] = [];
    const sent: EffectiveRequest[] = [];
    const summary = await runCollection(
      {
        name: 'c',
        variables: {},
        items: [
          item('a', { url: 'http://api.test/{{user}}' }, [
            "pm.request.url.query.add({key:'i', value: pm.info.iteration + '/' + pm.info.iterationCount})",
          ]),
        ],
      },
      await deps(sent, sleeps),
      { data: [{ user: 'ann' }, { user: 'bob' }], iterations: 3, delayMs: 250 },
    );
    expect(sent.map((r) => r.url)).toEqual([
      'http://api.test/ann?i=0/3',
      'http://api.test/bob?i=1/3',
      'http://api.test/ann?i=2/3',
    ]);
    expect(sleeps).toEqual([250, 250]);
    expect(summary.iterations).toBe(3);
  });

  test('errors: a failing pre-request script, an undefined variable and a refused connection are results, nothing is thrown', async () => {
    const sent: EffectiveRequest[] = [];
    const summary = await runCollection(
      {
        name: 'c',
        variables: {},
        items: [
          item('script', { url: 'http://api.test/a' }, ['throw new Error("nope")']),
          item('variable', { url: 'http://api.test/{{missing}}' }),
          item('down', { url: 'http://down.test/' }),
        ],
      },
      await deps(sent),
    );
    expect(sent.map((r) => r.url)).toEqual(['http://down.test/']);
    expect(summary.results.map((r) => [r.name, r.status, r.errors])).toEqual([
      ['script', null, ['Pre-request script: Error: nope (line 1)']],
      [
        'variable',
        null,
        ['The variable {{missing}} is not defined (used in URL). Define it in the active environment.'],
      ],
      ['down', null, ['No response from down.test: connect ECONNREFUSED']],
    ]);
    expect(summary.totals.errors).toBe(3);
  });

  test('bail stops after the first failed test', async () => {
    const sent: EffectiveRequest[] = [];
    const summary = await runCollection(
      {
        name: 'c',
        variables: {},
        items: [
          item(
            'fails',
            { url: 'http://api.test/a?status=500' },
            [],
            ["pm.test('ok', () => pm.response.to.be.success)"],
          ),
          item('never', { url: 'http://api.test/b' }),
        ],
      },
      await deps(sent),
      { bail: true },
    );
    expect(sent).toHaveLength(1);
    expect(summary.stoppedEarly).toBe(true);
    expect(summary.results[0]?.tests).toEqual([
      { name: 'ok', status: 'failed', error: 'AssertionError: expected response code to be 2XX but found 500' },
    ]);
  });

  test('folder and collection scripts run outermost first, each seeing the last one’s variables', async () => {
    const summary = await runCollection(
      {
        name: 'c',
        variables: {},
        items: [
          item(
            'a',
            { url: 'http://api.test/' },
            [
              "pm.variables.set('order', 'collection')",
              "pm.variables.set('order', pm.variables.get('order') + '>folder')",
              '',
            ],
            ["console.log(pm.variables.get('order') + '>request')"],
          ),
        ],
      },
      await deps([]),
    );
    expect(summary.results[0]?.console).toEqual([{ level: 'log', text: 'collection>folder>request' }]);
  });
});
