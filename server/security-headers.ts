/**
 * The security header fields every response of the app itself carries (index.html, assets,
 * the app's own 4xx/5xx pages). They make the browser hold the app to what it needs and
 * nothing more, so a response body shown in the app, or a page that frames it, cannot act
 * with Parley's origin (issue 9, points 1 and 2). See docs/security.md.
 *
 * Not applied to `/echo/*` (its answers are test material whose header fields are shown to
 * the user as received) nor to `/api/*` (JSON read by `fetch`, never rendered).
 */

/**
 * The app's Content-Security-Policy (CSP Level 3, W3C). Directive by directive:
 * - `default-src 'self'`: anything not listed below comes only from the app's own origin;
 * - `script-src 'self' 'wasm-unsafe-eval'`: scripts only from the app's own files, no inline
 *   script, no `eval`; WebAssembly compilation is allowed for cURL import's tree-sitter parser;
 * - `style-src 'self' 'unsafe-inline'`: Monaco creates `<style>` elements and style attributes
 *   at run time (inline style cannot run script);
 * - `img-src 'self' data:`: the favicon, and image previews built as `data:` URLs (never
 *   `blob:`, which would carry Parley's origin if opened in a tab);
 * - `media-src 'self' blob:` and `frame-src blob:`: audio, video and PDF previews from inert
 *   object URLs (their types are limited to audio, video and PDF in the client);
 * - `font-src 'self' data:`: Monaco's codicon font;
 * - `worker-src 'self'`: the body worker and Monaco's workers are built files;
 * - `connect-src 'self' http: https: ws: wss:`: the proxy on the app's origin, and **Direct** mode (also Direct WebSocket to any host),
 *   where the browser's `fetch` talks to any target the user types;
 * - `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`: no plugins, no `<base>`
 *   retargeting of relative URLs, no form posts anywhere;
 * - `frame-ancestors 'none'`: no other page may frame the app (clickjacking).
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  'frame-src blob:',
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self' http: https: ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The header fields, as `[name, value]` pairs in the order they are sent:
 * `Content-Security-Policy` (above), `X-Frame-Options: DENY` (RFC 7034, for browsers without
 * CSP `frame-ancestors`), `X-Content-Type-Options: nosniff` (WHATWG Fetch §X-Content-Type-Options:
 * a file is never sniffed into a script or a page), `Referrer-Policy: no-referrer` (W3C Referrer
 * Policy: a URL with a share link or token never leaks to a target in a Referer).
 */
export const APP_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', APP_CONTENT_SECURITY_POLICY],
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
];

/**
 * The same fields as an object, to spread into `res.writeHead(status, { ...appSecurityHeaders() })`.
 * @param mode `'production'` (default) for the built app; `'dev'` for Vite's dev server, whose
 *   hot reload needs inline script and `eval`: there the policy keeps only the directives that
 *   do not restrict scripts (`object-src`, `base-uri`, `frame-ancestors`).
 * @returns a fresh object `{ 'Content-Security-Policy': …, 'X-Frame-Options': 'DENY', … }`
 */
export function appSecurityHeaders(mode: 'production' | 'dev' = 'production'): Record<string, string> {
  const headers = Object.fromEntries(APP_SECURITY_HEADERS) as Record<string, string>;
  if (mode === 'dev') headers['Content-Security-Policy'] = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
  return headers;
}
