/**
 * Serves the built app from `distDir`: content types, long caching for hashed assets,
 * SPA fallback to index.html (with the per-process token filled in), and no way out of
 * `distDir` (`..`, encoded `%2e%2e%2f`, backslashes, NUL, symlinks pointing outside).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { appSecurityHeaders } from './security-headers.ts';

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
      res.writeHead(200, {
        'Content-Type': contentTypeFor(file),
        'Content-Length': String(stat.size),
        'Cache-Control': isHashedAsset(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...secureHeaders,
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file)
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

async function sendIndex(req: IncomingMessage, res: ServerResponse, root: string, token: string): Promise<void> {
  const html = await fs.readFile(join(root, 'index.html'), 'utf8').catch(() => null);
  if (html === null) return notBuilt(res, root);
  const body = Buffer.from(html.replaceAll(TOKEN_PLACEHOLDER, token));
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    // The page carries the per-process token: never cache it.
    'Cache-Control': 'no-store',
    ...secureHeaders,
  });
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
