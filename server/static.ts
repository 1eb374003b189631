/**
 * Serves the built app from `distDir`: content types, long caching for hashed assets,
 * SPA fallback to index.html (with the per-process token filled in), and no way out of
 * `distDir` (`..`, encoded `%2e%2e%2f`, backslashes, NUL, symlinks pointing outside).
 *
 * Compression and caching (docs/performance.md): the build writes brotli and gzip copies
 * next to each compressible file (`server/vite-precompress.ts`); the copy is chosen by
 * `Accept-Encoding` and every such response carries `Vary: Accept-Encoding`. Hashed assets
 * are `immutable` for a year; everything else is `no-cache` with an ETag and answers 304 on
 * a matching `If-None-Match`. index.html is compressed here, once per process, because the
 * token is filled in at run time; its ETag is a hash of exactly the bytes sent.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { appSecurityHeaders } from './security-headers.ts';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { chooseContentCoding, CODING_SUFFIX, ifNoneMatchHits, type ContentCoding } from './content-coding.ts';

export const TOKEN_PLACEHOLDER = '%PARLEY_PROXY_TOKEN%';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/** Content type for a file name by extension; `application/octet-stream` when unknown. */
export function contentTypeFor(name: string): string {
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite names built assets `name-<hash>.ext` under /assets/: their content never changes. */
function isHashedAsset(urlPath: string): boolean {
  return /^\/assets\/.+[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(urlPath);
}

/**
 * Turns the request target's path into segments, or `null` when it tries to leave the root
 * or cannot be decoded (bad percent-encoding, NUL, backslash, `..` or `.` after decoding).
 */
export function safePathSegments(rawTarget: string): string[] | null {
  const rawPath = rawTarget.split('?')[0]!.split('#')[0]!;
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  return segments;
}

const secureHeaders = appSecurityHeaders();

/** `Cache-Control` of hashed assets (their name changes with their content). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The one place where the header fields of an app file response (200 and 304, index.html and
 * assets) are put together: content headers from the caller plus the site-wide ones.
 */
function appHeaders(fields: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return { ...fields, ...secureHeaders };
}

/** Extensions worth compressing (text, wasm, uncompressed fonts and icons); the build plugin uses the same list. */
export const COMPRESSIBLE = /\.(?:m?js|css|html|svg|json|map|wasm|txt|xml|webmanifest|ttf|otf|ico)$/i;

/** Sends 304 (RFC 9110 §15.4.5): the validator and caching fields a 200 would carry, no content. */
function notModified(res: ServerResponse, fields: OutgoingHttpHeaders): void {
  res.writeHead(304, appHeaders(fields));
  res.end();
}

/** The precompressed copy to send for `file`, or identity when none fits `Accept-Encoding`. */
async function pickCopy(
  req: IncomingMessage,
  file: string,
  stat: Stats,
): Promise<{ coding: ContentCoding; path: string; size: number }> {
  const identity = { coding: 'identity' as const, path: file, size: stat.size };
  if (!COMPRESSIBLE.test(file)) return identity;
  const copies = new Map<ContentCoding, { path: string; size: number }>();
  for (const coding of ['br', 'gzip'] as const) {
    const path = file + CODING_SUFFIX[coding];
    const copy = await fs.stat(path).catch(() => null);
    // A copy older than its original is stale (a rebuild without the plugin): ignore it.
    if (copy?.isFile() && copy.mtimeMs >= stat.mtimeMs) copies.set(coding, { path, size: copy.size });
  }
  const coding = chooseContentCoding(req.headers['accept-encoding'], [...copies.keys()] as ('br' | 'gzip')[]);
  const copy = copies.get(coding);
  return copy ? { coding, ...copy } : identity;
}

/** Answers a GET/HEAD for the app. Other methods get 405. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string | null, token: string): void {
  req.resume();
  void serve(req, res, distDir, token).catch((err: unknown) => {
    if (!res.headersSent) plain(res, 500, `Parley could not read the app files: ${(err as Error).message}`);
    else res.destroy();
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, distDir: string | null, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return plain(res, 405, `${req.method} is not allowed here; the app is served with GET.`);
  }
  if (distDir === null)
    return plain(res, 404, 'This Parley server was started without the app (distDir: null); /api and /echo work.');
  const segments = safePathSegments(req.url ?? '/');
  if (segments === null) return plain(res, 400, 'That path is not allowed.');
  const root = await fs.realpath(distDir).catch(() => null);
  if (root === null) return notBuilt(res, distDir);
  const candidate = join(root, ...segments);
  const file = await fs.realpath(candidate).catch(() => null);
  if (file !== null && (file === root || file.startsWith(root + sep))) {
    const stat = await fs.stat(file);
    if (stat.isFile()) {
      if (file === join(root, 'index.html')) return sendIndex(req, res, root, token);
      const urlPath = '/' + segments.join('/');
      const copy = await pickCopy(req, file, stat);
      // Validator of the identity file (size and mtime, as nginx does) plus the coding of the copy.
      const suffix = copy.coding === 'identity' ? '' : `-${copy.coding}`;
      const caching: OutgoingHttpHeaders = {
        'Cache-Control': isHashedAsset(urlPath) ? IMMUTABLE : 'no-cache',
        ETag: `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}${suffix}"`,
        ...(COMPRESSIBLE.test(file) ? { Vary: 'Accept-Encoding' } : {}),
      };
      if (ifNoneMatchHits(req.headers['if-none-match'], caching.ETag as string)) return notModified(res, caching);
      res.writeHead(
        200,
        appHeaders({
          'Content-Type': contentTypeFor(file),
          'Content-Length': String(copy.size),
          ...(copy.coding === 'identity' ? {} : { 'Content-Encoding': copy.coding }),
          ...caching,
        }),
      );
      if (req.method === 'HEAD') return void res.end();
      createReadStream(copy.path)
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }
  }
  // A missing file with an extension is a real 404 (a broken asset link); anything else is an app route.
  const last = segments[segments.length - 1] ?? '';
  if (last.includes('.') || segments[0] === 'assets') return plain(res, 404, `Not found: /${segments.join('/')}`);
  return sendIndex(req, res, root, token);
}

/** index.html as served (token filled in) in each coding, with its ETag; rebuilt when the file changes. */
interface IndexCopies {
  key: string;
  etag: string;
  bodies: Record<ContentCoding, Buffer>;
}
const indexCache = new Map<string, IndexCopies>();

async function indexCopies(root: string, token: string): Promise<IndexCopies | null> {
  const path = join(root, 'index.html');
  const stat = await fs.stat(path).catch(() => null);
  if (!stat?.isFile()) return null;
  const key = `${stat.size}:${stat.mtimeMs}:${token}`;
  const cached = indexCache.get(root);
  if (cached?.key === key) return cached;
  const html = await fs.readFile(path, 'utf8').catch(() => null);
  if (html === null) return null;
  const identity = Buffer.from(html.replaceAll(TOKEN_PLACEHOLDER, token));
  const copies: IndexCopies = {
    key,
    // A hash of the served bytes: a new token (server restart) or a new build is a new ETag.
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
    bodies: {
      identity,
      br: brotliCompressSync(identity, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(identity, { level: 9 }),
    },
  };
  indexCache.set(root, copies);
  return copies;
}

async function sendIndex(req: IncomingMessage, res: ServerResponse, root: string, token: string): Promise<void> {
  const copies = await indexCopies(root, token);
  if (copies === null) return notBuilt(res, root);
  const coding = chooseContentCoding(req.headers['accept-encoding'], ['br', 'gzip']);
  const etag = coding === 'identity' ? copies.etag : copies.etag.replace(/"$/, `-${coding}"`);
  // The page carries the per-process token: the browser may keep it but must revalidate on every
  // use, so a restarted server (new token, new ETag) is never answered from a stale copy.
  const caching: OutgoingHttpHeaders = { 'Cache-Control': 'no-cache', ETag: etag, Vary: 'Accept-Encoding' };
  if (ifNoneMatchHits(req.headers['if-none-match'], etag)) return notModified(res, caching);
  const body = copies.bodies[coding];
  res.writeHead(
    200,
    appHeaders({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      ...(coding === 'identity' ? {} : { 'Content-Encoding': coding }),
      ...caching,
    }),
  );
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notBuilt(res: ServerResponse, distDir: string): void {
  const body = Buffer.from(
    `<!doctype html><meta charset="utf-8"><title>Parley is not built yet</title>` +
      `<h1>Parley's app is not built yet</h1>` +
      `<p>No <code>index.html</code> in <code>${escapeHtml(distDir)}</code>. Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload.</p>` +
      `<p>The API (<code>/api/health</code>, <code>/api/proxy</code>) and the echo server (<code>/echo</code>) work already.</p>`,
  );
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...secureHeaders,
  });
  res.end(body);
}

function plain(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text + '\n');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    ...secureHeaders,
  });
  res.end(body);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
