/**
 * The QuickJS sandbox for Node (the CLI and unit tests): the wasm file and chai's browser
 * build are read from node_modules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import type { ScriptSandbox } from '../../core/scripts/types.ts';
import { createQuickJsSandbox } from './quickjs-sandbox.ts';

let cached: Promise<ScriptSandbox> | null = null;

/** Loads QuickJS (~15 ms) and chai's source once per process; every run gets a fresh runtime. */
export function nodeSandbox(): Promise<ScriptSandbox> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    const [module, chai] = await Promise.all([
      newQuickJSWASMModuleFromVariant(variant),
      readFile(require.resolve('chai/chai.js'), 'utf8'),
    ]);
    return createQuickJsSandbox(module, chai);
  })();
  return cached;
}
