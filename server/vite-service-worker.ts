/**
 * Build step: writes `/sw.js`, Parley's service worker (`src/app/service-worker.js`), with the
 * build's precache list and a version derived from it, so every build with different files
 * gets a new worker (and a new cache), and an unchanged build keeps the old one.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** Files left out of the precache (bytes a first visit need not pay): sourcemaps, cURL import's wasm parser, compressed copies. */
const NOT_PRECACHED = /(?:\.map|\.wasm|\.br|\.gz)$/;

/** The service worker source for a precache list: `VERSION` and `PRECACHE` constants, then the template. */
export function serviceWorkerSource(template: string, precache: readonly string[], contentHash: string): string {
  const version = createHash('sha256')
    .update(contentHash)
    .update(template)
    .update(precache.join('\n'))
    .digest('base64url')
    .slice(0, 16);
  return `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache, null, 1)};\n${template}`;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The Vite plugin (build only; the dev server registers no worker). */
export function serviceWorker(templatePath = 'src/app/service-worker.js'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'parley-service-worker',
    apply: 'build',
    // After Vite's own generateBundle hooks: they drop chunks left empty (an entry whose modules
    // all went into the first-load group, vite.config.ts), which must not be precached.
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle(_options, bundle) {
      const template = await fs.readFile(resolve(config.root, templatePath), 'utf8');
      const hash = createHash('sha256');
      const names = new Set<string>();
      for (const item of Object.values(bundle)) {
        if (item.fileName === 'index.html' || NOT_PRECACHED.test(item.fileName)) continue;
        names.add('/' + item.fileName);
        // Hashed names already change with content; index.html's content is covered below.
      }
      const html = bundle['index.html'];
      if (html?.type === 'asset') hash.update(html.source);
      // Files of public/ are copied as they are: their content goes into the version.
      const publicDir = config.publicDir;
      for (const file of (publicDir ? await listFiles(publicDir) : []).sort()) {
        const name = '/' + relative(publicDir, file).split(sep).join('/');
        if (NOT_PRECACHED.test(name)) continue;
        names.add(name);
        hash.update(name).update(await fs.readFile(file));
      }
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerSource(template, [...names].sort(), hash.digest('base64url')),
      });
    },
  };
}
