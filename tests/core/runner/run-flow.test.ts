/**
 * Runner flow control and scopes: setNextRequest (jump, null, unknown name, loop guard),
 * pm.cookies from the run's jar, inherited auth/headers from the scope chain, and the order of
 * scripts across collection → folder → request as console lines.
 */
import { describe, expect, test } from 'vitest';
import { runCollection } from '../../../src/core/runner/run-collection.ts';
import { runnerCollectionFromLibrary } from '../../../src/core/runner/sources.ts';
import { runCookieJar } from '../../../src/core/runner/run-jar.ts';
import type { RunnerCollection, RunnerDeps, RunnerItem } from '../../../src/core/runner/types.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import type { RequestDraft } from '../../../src/core/model/draft.ts';
import { makeDynamicValues } from '../../../src/core/variables/dynamic.ts';
import { makeCollection, makeFolder, type SavedRequest } from '../../../src/core/library/records.ts';
import { nodeSandbox } from '../../../src/services/scripts/node-sandbox.ts';

async function deps(sent: EffectiveRequest[], setCookie: Record<string, string> = {}): Promise<RunnerDeps> {
  let id = 0;
  return {
    send: (r) => {
      sent.push(r);
      const path = new URL(r.url).pathname;
      const headers: [string, string][] = [['Content-Type', 'application/json']];
      if (setCookie[path]) headers.push(['Set-Cookie', setCookie[path]]);
      return Promise.resolve({
        status: 200,
        reasonPhrase: 'OK',
        headers,
        body: new TextEncoder().encode('{}'),
        totalMs: 1,
      });
    },
    sandbox: await nodeSandbox(),
    dynamic: () => makeDynamicValues(0, new Uint8Array(18)),
    newId: () => `n${++id}`,
    sleep: () => Promise.resolve(),
  };
}

const item = (name: string, post = '', pre = ''): RunnerItem => ({
  id: `id-${name}`,
  name,
  path: [],
  draft: { ...blankDraft(), url: `http://api.test/${name}` },
  preRequest: [pre],
  postResponse: [post],
});
const run = (items: RunnerItem[], d: RunnerDeps, o = {}) =>
  runCollection({ name: 'c', variables: {}, items } satisfies RunnerCollection, d, o);
const names = (s: Awaited<ReturnType<typeof run>>) => s.results.map((r) => `${r.iteration}:${r.name}`);

describe('setNextRequest', () => {
  test('jumps by name (pm.execution) and by id (legacy postman.*); a skipped request is not sent', async () => {
    const sent: EffectiveRequest[] = [];
    const once = "if (!pm.variables.get('again')) { pm.variables.set('again', '1'); postman.setNextRequest('id-b'); }";
    const s = await run(
      [item('a', "pm.execution.setNextRequest('c')"), item('b'), item('c', once), item('d')],
      await deps(sent),
    );
    expect(names(s)).toEqual(['0:a', '0:c', '0:b', '0:c', '0:d']);
    expect(s.results.map((r) => r.nextRequest)).toEqual(['c', 'id-b', undefined, undefined, undefined]);
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/a', '/c', '/b', '/c', '/d']);
    expect(s.totals.errors).toBe(0);
  });

  test('null ends the iteration; the next iteration starts from the first request', async () => {
    const sent: EffectiveRequest[] = [];
    const s = await run([item('a'), item('b', 'postman.setNextRequest(null)'), item('c')], await deps(sent), {
      iterations: 2,
    });
    expect(names(s)).toEqual(['0:a', '0:b', '1:a', '1:b']);
    expect(sent.map((r) => r.url)).toEqual([
      'http://api.test/a',
      'http://api.test/b',
      'http://api.test/a',
      'http://api.test/b',
    ]);
    expect(s.totals.errors).toBe(0);
    expect(s.stoppedEarly).toBe(false);
  });

  test('an unknown name ends the iteration with an error naming it', async () => {
    const s = await run([item('a', "pm.execution.setNextRequest('nope')"), item('b')], await deps([]));
    expect(names(s)).toEqual(['0:a']);
    expect(s.results[0]?.errors).toEqual([
      'setNextRequest("nope"): no request of that name or id in this run; the iteration ended here.',
    ]);
  });

  test('a script that keeps jumping back is stopped by the loop guard', async () => {
    const s = await run([item('a', "pm.execution.setNextRequest('a')")], await deps([]), {
      maxRequestsPerIteration: 5,
      iterations: 3,
    });
    expect(names(s)).toEqual(['0:a', '0:a', '0:a', '0:a', '0:a']);
    expect(s.results[4]?.errors).toEqual([
      'The run was stopped after 5 requests in iteration 1: setNextRequest keeps jumping back (loop guard).',
    ]);
    expect(s.stoppedEarly).toBe(true);
  });
});

describe('pm.cookies and the run jar', () => {
  test('a Set-Cookie of one response is sent with the next and readable by scripts', async () => {
    const sent: EffectiveRequest[] = [];
    const d = await deps(sent, { '/login': 'sid=abc123; Path=/' });
    d.cookies = runCookieJar(() => 0);
    const s = await run(
      [
        item('login', "console.log('after login', pm.cookies.get('sid'), pm.cookies.has('nope'))"),
        item('me', 'console.log(JSON.stringify(pm.cookies.toObject()), pm.cookies.count())'),
      ],
      d,
    );
    expect(s.results.flatMap((r) => r.console.map((c) => c.text))).toEqual([
      'after login abc123 false',
      '{"sid":"abc123"} 1',
    ]);
    expect(sent[0]?.headers.find((h) => h.name === 'Cookie')).toBeUndefined();
    expect(sent[1]?.headers.filter((h) => h.name === 'Cookie').map((h) => h.value)).toEqual(['sid=abc123']);
  });

  test('pm.cookies.jar() says it is not supported', async () => {
    const s = await run([item('a', 'pm.cookies.jar()')], await deps([]));
    expect(s.results[0]?.errors).toEqual([
      'Post-response script: Error: pm.cookies.jar() (changing the jar from a script) is not supported in Parley scripts (see docs/scripts.md for the supported API) (line 1)',
    ]);
  });
});

describe('scopes from the library', () => {
  const library = () => {
    const c = makeCollection('c1', 'Team', 0);
    c.defaults.auth = { type: 'bearer', token: '{{token}}' };
    c.defaults.variables = [{ id: 'v', name: 'token', value: 'coll-token', enabled: true }];
    c.defaults.scripts = {
      preRequest: "console.log('collection pre')",
      postResponse: "console.log('collection post')",
    };
    const f = makeFolder({ id: 'f1', name: 'Users', collectionId: 'c1', parentId: null, order: 0 }, 0);
    f.defaults.headers = [{ id: 'h', name: 'X-Team', value: '{{team}}', enabled: true }];
    f.defaults.variables = [{ id: 'fv', name: 'team', value: 'blue', enabled: true }];
    f.defaults.scripts = { preRequest: "console.log('folder pre')", postResponse: "console.log('folder post')" };
    const draft: RequestDraft = {
      ...blankDraft(),
      url: 'http://api.test/me',
      auth: { type: 'inherit' },
      scripts: { preRequest: "console.log('request pre')", postResponse: "console.log('request post')" },
    };
    const r: SavedRequest = {
      v: 1,
      id: 'r1',
      name: 'Me',
      collectionId: 'c1',
      folderId: 'f1',
      order: 0,
      draft,
      createdAt: 0,
      updatedAt: 0,
    };
    return { collections: [c], folders: [f], requests: [r] };
  };

  test('inherited bearer auth and folder header are sent; scripts run collection → folder → request, pre and post', async () => {
    const read = runnerCollectionFromLibrary(library());
    if (!read.ok) throw new Error(read.message);
    expect(read.warnings).toEqual([]);
    const sent: EffectiveRequest[] = [];
    const s = await runCollection(read.collection, await deps(sent));
    expect(sent[0]?.headers.map((h) => [h.name, h.value])).toEqual([
      ['X-Team', 'blue'],
      ['Authorization', 'Bearer coll-token'],
    ]);
    expect(s.results[0]?.console.map((c) => c.text)).toEqual([
      'collection pre',
      'folder pre',
      'request pre',
      'collection post',
      'folder post',
      'request post',
    ]);
  });

  test('a script changing a collection variable changes what the next request inherits', async () => {
    const lib = library();
    const first = lib.requests[0] as SavedRequest;
    lib.requests.push({ ...first, id: 'r2', name: 'Again', order: 1 });
    const r1 = lib.requests[0] as SavedRequest;
    r1.draft = {
      ...r1.draft,
      scripts: { preRequest: '', postResponse: "pm.collectionVariables.set('token', 'rotated')" },
    };
    const read = runnerCollectionFromLibrary(lib);
    if (!read.ok) throw new Error(read.message);
    const sent: EffectiveRequest[] = [];
    const s = await runCollection(read.collection, await deps(sent));
    expect(sent.map((r) => r.headers.find((h) => h.name === 'Authorization')?.value)).toEqual([
      'Bearer coll-token',
      'Bearer rotated',
    ]);
    expect(s.scopes.collectionVariables).toEqual({ token: 'rotated' });
  });
});
