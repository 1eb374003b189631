/**
 * Script sandbox cost (issue 15): QuickJS module load, one script without and with chai
 * (`pm.expect` loads chai's 360 KB build inside the sandbox on first use), a pm.sendRequest
 * round trip through a host, and a plain `while(true)` stopped at a 200 ms limit. Baseline:
 * the same trivial script body run as a plain JS function in this process (no sandbox).
 * Medians of N runs; each run gets a fresh QuickJS runtime. Not a test: nothing asserts.
 */
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createQuickJsSandbox } from '../src/services/scripts/quickjs-sandbox.ts';
import { emptyScopes, type ScriptRunInput } from '../src/core/scripts/types.ts';
import type { BenchResult, Figure } from './browser.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function runScriptsBench(runs = 21): Promise<BenchResult> {
  const t0 = performance.now();
  const module = await newQuickJSWASMModuleFromVariant(variant);
  const loadMs = performance.now() - t0;
  const chai = readFileSync(createRequire(import.meta.url).resolve('chai/chai.js'), 'utf8');
  const sandbox = createQuickJsSandbox(module, chai);
  const input = (code: string, extra: Partial<ScriptRunInput> = {}): ScriptRunInput => ({
    code,
    label: 'bench',
    info: { eventName: 'test', iteration: 0, iterationCount: 1, requestName: 'r', requestId: 'r' },
    scopes: emptyScopes(),
    request: { url: 'http://h/', method: 'GET', headers: [], body: { mode: 'none' } },
    response: { code: 200, status: 'OK', headers: [], responseTime: 1, responseSize: 9, body: '{"a":[1]}' },
    ...extra,
  });
  const host = {
    sendRequest: () =>
      Promise.resolve({ code: 200, status: 'OK', headers: [], responseTime: 1, responseSize: 2, body: '{}' }),
  };
  const time = async (code: string, extra?: Partial<ScriptRunInput>) => {
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await sandbox.run(input(code, extra), host);
      xs.push(performance.now() - s);
    }
    return median(xs);
  };
  const plainScript = "pm.environment.set('t', pm.response.json().a[0]);";
  await time(plainScript); // warm-up: WebAssembly tiers up during the first runs
  const plain = await time(plainScript);
  const withChai = await time("pm.test('t', () => pm.expect(pm.response.json()).to.deep.equal({ a: [1] }));");
  const send = await time("const r = await pm.sendRequest('http://h/'); pm.environment.set('c', r.code);");
  const loop = await time('while (true) {}', { timeLimitMs: 200 });
  const baseXs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const env: Record<string, string> = {};
    env.t = String((JSON.parse('{"a":[1]}') as { a: number[] }).a[0]);
    baseXs.push(performance.now() - s);
  }
  const base = Math.max(median(baseXs), 0.001);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const fact = (figure: string, value: number): Figure => ({
    figure,
    value: ms(value),
    baseline: '',
    ratio: '',
    goal: '',
    met: null,
  });
  const figures: Figure[] = [
    fact('scripts: QuickJS module load (once per worker/process)', loadMs),
    {
      figure: 'scripts: one script, no chai',
      value: ms(plain),
      baseline: `${base.toFixed(3)} ms plain JS`,
      ratio: '',
      goal: '≤ 10 ms',
      met: plain <= 10,
    },
    {
      figure: 'scripts: one script using pm.expect (chai loaded)',
      value: ms(withChai),
      baseline: ms(plain),
      ratio: `${(withChai / plain).toFixed(1)}×`,
      goal: '≤ 100 ms',
      met: withChai <= 100,
    },
    fact('scripts: one script with a pm.sendRequest round trip', send),
    {
      figure: 'scripts: endless loop, 200 ms limit, ended after',
      value: ms(loop),
      baseline: '200 ms',
      ratio: `${(loop / 200).toFixed(2)}×`,
      goal: '≤ 1.2×',
      met: loop <= 240,
    },
  ];
  const text = [
    'Script sandbox (medians of ' + runs + ' runs, Node ' + process.version + ')',
    ...figures.map((f) => `  ${f.figure}: ${f.value}`),
  ].join('\n');
  return { text, figures };
}
