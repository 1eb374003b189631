import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { parleyDevServer } from './server/vite-plugin.ts';
import { precompress } from './server/vite-precompress.ts';
import { serviceWorker } from './server/vite-service-worker.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), parleyDevServer(), serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        // Everything the first render imports statically goes in ONE chunk (docs/performance.md):
        // left to itself the bundler cut it into ~27 small shared chunks, each a request before
        // the form can render.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
      // web-tree-sitter (cURL import's parser, a lazy chunk) uses direct eval on purpose;
      // its long warning buried the URL `npm start` prints. Every other warning still shows.
      onwarn(warning, warn) {
        if (warning.code === 'EVAL' && warning.id?.includes('web-tree-sitter')) return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
