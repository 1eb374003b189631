/**
 * The cookie jar of proxy mode (issue 16 point 5): RFC 6265 storage and matching done by
 * `tough-cookie` (domain and path match, host-only, Secure, expiry, public suffixes via
 * tldts, SameSite kept). Pure: the time is always passed in. Loaded lazily (≈60 KB gzip,
 * mostly the public suffix list): only src/services/cookie-jar.ts imports this module,
 * with `import()`.
 */
import { Cookie, CookieJar } from 'tough-cookie';

/** One stored cookie as the cookie manager shows and edits it. */
export interface StoredCookie {
  name: string;
  value: string;
  /** Domain without a leading dot; with `hostOnly`, sent to exactly this host. */
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  /** `strict`, `lax`, `none`, or `` when the server set none (noted, not enforced: Parley sends no cross-site requests). */
  sameSite: string;
  /** Expiry as ISO 8601, or `null` for a session cookie (kept until cleared). */
  expires: string | null;
}

/** A jar in its storable form: tough-cookie's `serializeSync()` JSON. */
export type SerializedJar = string;

/** A jar from its stored form; an empty jar for `null` or anything that does not parse (never throws). */
export function loadJar(serialized: SerializedJar | null): CookieJar {
  if (serialized !== null) {
    try {
      return CookieJar.deserializeSync(serialized);
    } catch {
      // A corrupt record is dropped rather than breaking Send.
    }
  }
  return new CookieJar(undefined, { rejectPublicSuffixes: true, looseMode: false });
}

/** The storable form of `jar` (JSON text). */
export function saveJar(jar: CookieJar): SerializedJar {
  return JSON.stringify(jar.serializeSync());
}

/**
 * Stores each `Set-Cookie` field value received from `url` at `now` (RFC 6265 §5.3: a
 * Domain attribute not domain-matching the host, a public suffix or a Secure cookie from
 * http is ignored). Returns how many were stored and, per value ignored, why.
 */
export function storeSetCookies(
  jar: CookieJar,
  url: string,
  setCookies: readonly string[],
  now: Date,
): { stored: number; ignored: { value: string; reason: string }[] } {
  let stored = 0;
  const ignored: { value: string; reason: string }[] = [];
  for (const value of setCookies) {
    try {
      if (jar.setCookieSync(value, url, { now, ignoreError: false })) stored++;
      else ignored.push({ value, reason: 'it could not be parsed' });
    } catch (e) {
      ignored.push({ value, reason: (e as Error).message });
    }
  }
  return { stored, ignored };
}

/**
 * The `Cookie` field value for a request to `url` at `now` (RFC 6265 §5.4: matching cookies,
 * longer paths first, then earlier creation; `name=value` joined by `; `), or `` for none.
 * Expired cookies are not sent. HttpOnly cookies are sent (this is an HTTP client, not a page).
 */
export function cookieHeaderFor(jar: CookieJar, url: string, now: Date): string {
  try {
    // tough-cookie's own expiry check reads the clock (Date.now(), not options.now): done here with `now`.
    return jar
      .getCookiesSync(url, { http: true, expire: false, sort: true })
      .filter((c) => {
        // Max-Age counts from when the cookie was received (RFC 6265 §5.2.2), not from its last use.
        const expiry = c.expiryTime(c.creation instanceof Date ? c.creation : undefined);
        return expiry === undefined || expiry > now.getTime();
      })
      .map((c) => c.cookieString())
      .join('; ');
  } catch {
    return '';
  }
}

/** Every cookie in `jar`, by domain, then path, then name. */
export function listCookies(jar: CookieJar): StoredCookie[] {
  const all = (jar.serializeSync()?.cookies ?? []).map((c) => Cookie.fromJSON(c)).filter((c) => c !== undefined);
  return all
    .map((c): StoredCookie => ({
      name: c.key,
      value: c.value,
      domain: c.domain ?? '',
      path: c.path ?? '/',
      hostOnly: c.hostOnly === true,
      secure: c.secure,
      httpOnly: c.httpOnly,
      sameSite: c.sameSite ?? '',
      expires: expiryOf(c),
    }))
    .sort((a, b) => a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name));
}

/** When `c` expires (Expires, or Max-Age from its creation) as ISO 8601; `null` for a session cookie. */
function expiryOf(c: Cookie): string | null {
  const t = c.expiryTime(c.creation instanceof Date ? c.creation : undefined);
  return t !== undefined && Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** Removes the cookie identified by domain, path and name (a no-op when absent). */
export function deleteCookie(jar: CookieJar, id: { domain: string; path: string; name: string }): void {
  jar.store.removeCookie(id.domain, id.path, id.name, () => undefined);
}

/**
 * Replaces the cookie `id` with `next` (value, attributes), as if the server had set it on a
 * response from its domain. Throws `Error` with tough-cookie's message when `next` is invalid.
 */
export function putCookie(
  jar: CookieJar,
  id: { domain: string; path: string; name: string } | null,
  next: StoredCookie,
): void {
  const cookie = new Cookie({
    key: next.name,
    value: next.value,
    domain: next.domain,
    path: next.path,
    hostOnly: next.hostOnly,
    secure: next.secure,
    httpOnly: next.httpOnly,
    sameSite: next.sameSite === '' ? undefined : next.sameSite,
    expires: next.expires === null ? 'Infinity' : new Date(next.expires),
  });
  if (!cookie.validate()) throw new Error(`The cookie ${next.name} is not valid.`);
  if (id) deleteCookie(jar, id);
  jar.store.putCookie(cookie, () => undefined);
}

/**
 * The cookies the jar would send to `url` at `now` (RFC 6265 §5.4 matching, expired left out),
 * in the order of the `Cookie` field; `[]` for a URL tough-cookie cannot read. For `pm.cookies`.
 */
export function cookiesFor(jar: CookieJar, url: string, now: Date): StoredCookie[] {
  try {
    return jar
      .getCookiesSync(url, { http: true, expire: false, sort: true })
      .filter((c) => {
        const expiry = c.expiryTime(c.creation instanceof Date ? c.creation : undefined);
        return expiry === undefined || expiry > now.getTime();
      })
      .map((c) => ({
        name: c.key,
        value: c.value,
        domain: c.domain ?? '',
        path: c.path ?? '/',
        hostOnly: c.hostOnly === true,
        secure: c.secure,
        httpOnly: c.httpOnly,
        sameSite: c.sameSite ?? '',
        expires: expiryOf(c),
      }));
  } catch {
    return [];
  }
}
