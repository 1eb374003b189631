/**
 * Build step: writes a brotli (`.br`) and a gzip (`.gz`) copy next to every compressible file
 * of the build output, for `server/static.ts` to send by `Accept-Encoding`. Runs last
 * (`closeBundle`, after the service worker is written), with node:zlib only.
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { COMPRESSIBLE } from './static.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this size (bytes) a compressed copy saves less than its header costs. */
const MIN_BYTES = 1024;
/**
 * Brotli 11 is ~15× slower than 10 for ~2 % fewer bytes on large files (Monaco's 2.7 MB chunk:
 * 551 KB in 5.9 s vs 561 KB in 2.7 s here); files above this size (bytes) get quality 10.
 */
const MAX_BYTES_AT_Q11 = 256 * 1024;

/**
 * Compresses one file into `file.br` (brotli quality 11, 10 above 256 KiB; text mode for text) and `file.gz`
 * (gzip level 9). A copy that is not smaller than the original is not written (the server then
 * sends the original). Returns the sizes in bytes: `{ identity, br, gzip }` (0 = not written).
 */
export async function precompressFile(file: string): Promise<{ identity: number; br: number; gzip: number }> {
  const bytes = await fs.readFile(file);
  const sizes = { identity: bytes.length, br: 0, gzip: 0 };
  if (bytes.length < MIN_BYTES) return sizes;
  const isText = !/\.(?:wasm|ttf|otf|ico)$/.test(file);
  const [br, gzipped] = await Promise.all([
    brotli(bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: bytes.length > MAX_BYTES_AT_Q11 ? 10 : 11,
        [zlibConstants.BROTLI_PARAM_MODE]: isText ? zlibConstants.BROTLI_MODE_TEXT : zlibConstants.BROTLI_MODE_GENERIC,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz(bytes, { level: 9 }),
  ]);
  if (br.length < bytes.length) {
    await fs.writeFile(file + '.br', br);
    sizes.br = br.length;
  }
  if (gzipped.length < bytes.length) {
    await fs.writeFile(file + '.gz', gzipped);
    sizes.gzip = gzipped.length;
  }
  return sizes;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * The Vite plugin. index.html is skipped: the server fills in the per-process token and
 * compresses the result itself.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'parley-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const files = (await listFiles(outDir)).filter((f) => COMPRESSIBLE.test(f) && f !== join(outDir, 'index.html'));
      // A few at a time: brotli 11 on Monaco's 2.7 MB chunk is the long pole either way.
      const queue = [...files];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let f = queue.shift(); f !== undefined; f = queue.shift()) await precompressFile(f);
        }),
      );
    },
  };
}
