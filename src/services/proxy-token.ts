/**
 * The per-process proxy token: Parley's server writes it into the page as
 * `<meta name="parley-proxy-token" content="…">`. Without it (a static host, or the raw
 * template), the proxy cannot be used and the app falls back to direct mode.
 */
const PLACEHOLDER = /^%.*%$/;

/** Returns the token, or `null` when the page was not served by Parley's server. */
export function readProxyToken(doc: Document | undefined = globalThis.document): string | null {
  const content = doc?.querySelector('meta[name="parley-proxy-token"]')?.getAttribute('content') ?? '';
  const token = content.trim();
  if (token === '' || PLACEHOLDER.test(token)) return null;
  return token;
}
