/**
 * Set-Cookie parsing as a user agent does it: RFC 6265 §5.2 (and §5.1.1 for dates), with
 * RFC 6265bis's SameSite and CHIPS's Partitioned attribute. For display: nothing is stored.
 */

export type SameSite = 'Strict' | 'Lax' | 'None';

export interface SetCookie {
  /** The Set-Cookie field value exactly as received. */
  raw: string;
  name: string;
  value: string;
  /** Domain attribute with a leading dot removed, lowercased (§5.2.3); `null` = host-only. */
  domain: string | null;
  /** Path attribute when it starts with `/` (§5.2.4); `null` = the default path. */
  path: string | null;
  /** Expires as milliseconds since the epoch (UTC), parsed per §5.1.1; `null` when absent or unparsable. */
  expires: number | null;
  /** The Expires text as written, when present (even if unparsable). */
  expiresRaw: string | null;
  /** Max-Age in seconds (§5.2.2; may be 0 or negative = expire now); `null` when absent or invalid. */
  maxAge: number | null;
  secure: boolean;
  httpOnly: boolean;
  /** SameSite when Strict, Lax or None (case-insensitive); `null` when absent or another value. */
  sameSite: SameSite | null;
  partitioned: boolean;
  /** Attributes the parser does not know, in order, as `[name, value]`. */
  extensions: [string, string][];
}

export type SetCookieResult = { ok: true; cookie: SetCookie } | { ok: false; raw: string; error: string };

const trimWs = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, '');

/**
 * Parses one Set-Cookie field value (RFC 6265 §5.2).
 *
 * @param raw the field value, e.g. `id=a3fWa; Max-Age=2592000; Secure; HttpOnly; SameSite=Lax`.
 * @returns `{ ok: true, cookie }`, or `{ ok: false, error }` when a user agent would ignore the
 *   cookie (no `=` in the name-value pair, or an empty name). Never throws.
 */
export function parseSetCookie(raw: string): SetCookieResult {
  const semi = raw.indexOf(';');
  const pair = semi === -1 ? raw : raw.slice(0, semi);
  const eq = pair.indexOf('=');
  if (eq === -1)
    return { ok: false, raw, error: 'No "=" in the name-value pair; a browser ignores this cookie (RFC 6265 §5.2).' };
  const name = trimWs(pair.slice(0, eq));
  const value = trimWs(pair.slice(eq + 1));
  if (name === '')
    return { ok: false, raw, error: 'Empty cookie name; a browser ignores this cookie (RFC 6265 §5.2).' };
  const cookie: SetCookie = {
    raw,
    name,
    value,
    domain: null,
    path: null,
    expires: null,
    expiresRaw: null,
    maxAge: null,
    secure: false,
    httpOnly: false,
    sameSite: null,
    partitioned: false,
    extensions: [],
  };
  const attributes = semi === -1 ? [] : raw.slice(semi + 1).split(';');
  for (const attribute of attributes) {
    const aeq = attribute.indexOf('=');
    const attrName = trimWs(aeq === -1 ? attribute : attribute.slice(0, aeq));
    const attrValue = aeq === -1 ? '' : trimWs(attribute.slice(aeq + 1));
    switch (attrName.toLowerCase()) {
      case 'expires':
        cookie.expiresRaw = attrValue;
        cookie.expires = parseCookieDate(attrValue);
        break;
      case 'max-age':
        // §5.2.2: first char a DIGIT or "-", the rest DIGITs; otherwise ignore the attribute.
        if (/^-?[0-9]+$/.test(attrValue)) cookie.maxAge = Number(attrValue);
        break;
      case 'domain':
        if (attrValue !== '')
          cookie.domain = (attrValue.startsWith('.') ? attrValue.slice(1) : attrValue).toLowerCase();
        break;
      case 'path':
        cookie.path = attrValue.startsWith('/') ? attrValue : null;
        break;
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'samesite': {
        const v = attrValue.toLowerCase();
        cookie.sameSite = v === 'strict' ? 'Strict' : v === 'lax' ? 'Lax' : v === 'none' ? 'None' : null;
        break;
      }
      case 'partitioned':
        cookie.partitioned = true;
        break;
      case '':
        break;
      default:
        cookie.extensions.push([attrName, attrValue]);
    }
  }
  return { ok: true, cookie };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * RFC 6265 §5.1.1 cookie-date parsing (the lenient algorithm browsers use, not RFC 1123 strictly).
 * @param text e.g. `Wed, 21 Oct 2015 07:28:00 GMT` or `Sun, 06-Nov-94 08:49:37 GMT`.
 * @returns milliseconds since the epoch (UTC), or `null` when the algorithm fails. Never throws.
 */
export function parseCookieDate(text: string): number | null {
  // delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
  // eslint-disable-next-line no-control-regex -- RFC 6265 §5.1.1's delimiter includes %x09
  const tokens = text.split(/[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/).filter((t) => t !== '');
  let time: [number, number, number] | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const token of tokens) {
    const t: RegExpExecArray | null = time === null ? /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D|$)/.exec(token) : null;
    if (t) {
      time = [Number(t[1]), Number(t[2]), Number(t[3])];
      continue;
    }
    const d: RegExpExecArray | null = day === null ? /^(\d{1,2})(?:\D|$)/.exec(token) : null;
    if (d) {
      day = Number(d[1]);
      continue;
    }
    const m: number = month === null ? MONTHS.indexOf(token.slice(0, 3).toLowerCase()) : -1;
    if (m !== -1) {
      month = m;
      continue;
    }
    const y: RegExpExecArray | null = year === null ? /^(\d{2,4})(?:\D|$)/.exec(token) : null;
    if (y) year = Number(y[1]);
  }
  if (time === null || day === null || month === null || year === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  if (day < 1 || day > 31 || year < 1601 || time[0] > 23 || time[1] > 59 || time[2] > 59) return null;
  const ms = Date.UTC(year, month, day, time[0], time[1], time[2]);
  // A day that does not exist in the month (e.g. 31 Feb) fails rather than rolling over.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms;
}
