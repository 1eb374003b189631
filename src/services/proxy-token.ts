/**
 * The per-process proxy token: Parley's server writes it into the page as
 * `<meta name="parley-proxy-token" content="…">`. Without it (a static host, or the raw
 * template), the proxy cannot be used and the app falls back to direct mode.
 */
const PLACEHOLDER = /^%.*%$/;

let pageToken: string | null | undefined;

/**
 * Returns the token, or `null` when the page was not served by Parley's server. The page's own
 * token is read once (it never changes while the page lives; views ask on every render).
 */
export function readProxyToken(doc?: Document): string | null {
  if (doc !== undefined) return tokenIn(doc);
  if (pageToken === undefined) pageToken = tokenIn(globalThis.document);
  return pageToken;
}

function tokenIn(doc: Document | undefined): string | null {
  const content = doc?.querySelector('meta[name="parley-proxy-token"]')?.getAttribute('content') ?? '';
  const token = content.trim();
  if (token === '' || PLACEHOLDER.test(token)) return null;
  return token;
}
