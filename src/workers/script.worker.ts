/// <reference lib="webworker" />
/**
 * Runs scripts in QuickJS off the main thread (docs/scripts.md). QuickJS and chai are loaded
 * when the first script runs; the wasm file is bundled locally (CSP `'wasm-unsafe-eval'`).
 */
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import chaiSource from 'chai/chai.js?raw';
import { createQuickJsSandbox } from '../services/scripts/quickjs-sandbox.ts';
import type { ScriptSandbox } from '../core/scripts/types.ts';
import { serveScriptRuns, type FromWorker, type ToWorker } from './script-protocol.ts';

let sandbox: Promise<ScriptSandbox> | null = null;
const load = () =>
  (sandbox ??= newQuickJSWASMModuleFromVariant(variant).then((m) => createQuickJsSandbox(m, chaiSource)));
const handle = serveScriptRuns((m: FromWorker) => (self as unknown as Worker).postMessage(m), load);
self.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
