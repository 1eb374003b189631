/** Checks of method, header names and header values, with messages a person understands. */

/** RFC 9110 §5.6.2 tchar: `!#$%&'*+-.^_\`|~`, digits, letters. */
const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `text` is a non-empty RFC 9110 §5.6.2 token (method names, header field names). */
export function isToken(text: string): boolean {
  return TCHAR.test(text);
}

function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  const names: Record<number, string> = {
    0: 'NUL',
    9: 'tab',
    10: 'line feed',
    13: 'carriage return',
    32: 'space',
    127: 'DEL',
  };
  const name = names[cp];
  if (name) return `${name} (${hex})`;
  if (cp < 0x20) return `control character ${hex}`;
  return `"${ch}" (${hex})`;
}

/** How many distinct offending characters a message names before saying "and N more". */
const LISTED = 3;

/**
 * The distinct characters of `text` that fail `ok`, in order of first appearance, described
 * as one phrase (`space (U+0020) and "😀" (U+1F600)`), or `null` when there are none. All of
 * them are named so that fixing one does not reveal the next.
 */
function offending(text: string, ok: (cp: number) => boolean): { phrase: string; count: number } | null {
  const bad: string[] = [];
  for (const ch of text) if (!ok(ch.codePointAt(0) as number) && !bad.includes(ch)) bad.push(ch);
  if (bad.length === 0) return null;
  const named = bad.slice(0, LISTED).map(describeChar);
  const more = bad.length - named.length;
  const phrase =
    more > 0
      ? `${named.join(', ')} and ${more} more`
      : named.length === 1
        ? (named[0] as string)
        : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return { phrase, count: bad.length };
}

const isTchar = (cp: number): boolean => cp < 0x80 && TCHAR.test(String.fromCharCode(cp));

/**
 * Why `method` cannot be sent, or `null` when it is a valid method token (RFC 9110 §9.1,
 * §5.6.2). Every distinct offending character is named (up to 3, then "and N more").
 * Example: `methodProblem('GET X')` → `'The method "GET X" contains space (U+0020); …'`.
 */
export function methodProblem(method: string): string | null {
  if (method === '') return 'The method is empty. Choose GET, POST, … or type a method name.';
  const bad = offending(method, isTchar);
  return bad === null
    ? null
    : `The method "${method}" contains ${bad.phrase}; a method is a single word of letters, digits and !#$%&'*+-.^_\`|~ (RFC 9110 §9.1).`;
}

/**
 * Why `name` cannot be a header field name (RFC 9110 §5.1: a token), or `null`. Every
 * distinct offending character is named (up to 3, then "and N more"). Example:
 * `headerNameProblem('Bad Name😀')` → `'The header name "Bad Name😀" contains space (U+0020) and "😀" (U+1F600); …'`.
 */
function headerNameProblem(name: string): string | null {
  if (name === '') return 'The header name is empty.';
  const bad = offending(name, isTchar);
  return bad === null
    ? null
    : `The header name "${name}" contains ${bad.phrase}; a header name is letters, digits and !#$%&'*+-.^_\`|~ only (RFC 9110 §5.1).`;
}

/**
 * Why `value` cannot be sent as the value of header `name`: `[]` when it can. Allowed: HTAB,
 * SP, visible ASCII and obs-text 0x80–0xFF (sent as one Latin-1 octet each), per RFC 9110
 * §5.5. Two kinds of fault, one sentence each, both given when both occur (controls first):
 * CR, LF, NUL and other controls (they would split or corrupt the message; Node and browsers
 * refuse them), and anything beyond Latin-1 (`😀`, `€`), which a header cannot carry
 * (Fetch's ByteString). Each sentence names every distinct offending character (up to 3).
 */
function headerValueProblems(name: string, value: string): string[] {
  const problems: string[] = [];
  const control = offending(value, (cp) => cp === 9 || (cp >= 0x20 && cp !== 0x7f) || cp > 0xff);
  if (control !== null) {
    problems.push(
      `The value of header "${name}" contains ${control.phrase}, which header fields cannot carry (it would split or corrupt the message).`,
    );
  }
  const wide = offending(value, (cp) => cp <= 0xff);
  if (wide !== null) {
    problems.push(
      `The value of header "${name}" contains ${wide.phrase}, which ${wide.count > 1 ? 'are' : 'is'} outside Latin-1: header fields can only carry Latin-1 characters. Percent-encode it or use a Latin-1 character.`,
    );
  }
  return problems;
}

/**
 * Every reason the header field `name: value` cannot be sent: the name's problem (if any)
 * first, then the value's (`headerValueProblems`); `[]` when it can. Used for header rows
 * and auth fields alike, so a row with a bad name AND a bad value shows both at once.
 * Example: `headerFieldProblems('Bad Name', 'x😀')` → two sentences (space; outside Latin-1).
 */
export function headerFieldProblems(name: string, value: string): string[] {
  const nameProblem = headerNameProblem(name);
  return [...(nameProblem === null ? [] : [nameProblem]), ...headerValueProblems(name, value)];
}

/** Fetch standard §2.2.2 forbidden request-header names (lower case). */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
const METHOD_OVERRIDE = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHODS = new Set(['connect', 'trace', 'track']);

/**
 * Why a browser's `fetch` will not send header `name` (so direct mode cannot), or `null`
 * when it can. Follows the Fetch standard's forbidden request-header list (§2.2.2: e.g.
 * `Cookie`, `Host`, `Origin`, `Content-Length`, `Accept-Encoding`, `Connection`, names
 * starting `Proxy-` or `Sec-`, and method-override headers naming CONNECT/TRACE/TRACK when
 * `value` is given) plus `User-Agent`, which Chromium still refuses. Case-insensitive.
 * The reason says who sets it instead; the proxy sends all of them.
 */
export function isForbiddenRequestHeader(name: string, value?: string): string | null {
  const lower = name.trim().toLowerCase();
  if (lower === 'user-agent')
    return 'Chromium-based browsers do not let pages set User-Agent; it sends its own. Use the proxy to send this header.';
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) {
    return `Browsers do not let pages set ${lower.startsWith('sec-') ? 'Sec-' : 'Proxy-'} headers (Fetch standard, forbidden request-header). Use the proxy to send it.`;
  }
  if (FORBIDDEN.has(lower)) {
    return `Browsers do not let pages set ${name.trim()}; the browser controls it (Fetch standard, forbidden request-header). Use the proxy to send it.`;
  }
  if (
    METHOD_OVERRIDE.has(lower) &&
    value !== undefined &&
    value.split(',').some((v) => FORBIDDEN_METHODS.has(v.trim().toLowerCase()))
  ) {
    return `Browsers do not send ${name.trim()} naming CONNECT, TRACE or TRACK (Fetch standard). Use the proxy to send it.`;
  }
  return null;
}

/** Why a browser's `fetch` refuses `method` (CONNECT, TRACE, TRACK; Fetch §2.2.1), or `null`. */
export function forbiddenMethodReason(method: string): string | null {
  return FORBIDDEN_METHODS.has(method.toLowerCase())
    ? `Browsers refuse to send ${method.toUpperCase()} requests (Fetch standard, forbidden method). Use the proxy.`
    : null;
}

/**
 * The method as `fetch` sends it: `delete get head options post put` in any case are
 * upper-cased (Fetch §2.2.1 "normalize a method"); any other method is sent as written.
 */
export function normalizeMethodLikeFetch(method: string): string {
  const upper = method.toUpperCase();
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : method;
}
