/** Builds the app and the baseline page into temporary folders (never ./dist, which others use). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

export interface Builds {
  appDir: string;
  baselineDir: string;
}

export async function buildAll(): Promise<Builds> {
  const root = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const appDir = join(root, 'app');
  const baselineDir = join(root, 'baseline');
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: appDir, emptyOutDir: true },
  });
  await build({
    configFile: false,
    root: resolve('bench/baseline'),
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: baselineDir, emptyOutDir: true },
  });
  return { appDir, baselineDir };
}
