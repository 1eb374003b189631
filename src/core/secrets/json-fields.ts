/**
 * Secret values inside a JSON body's text, found without parsing it into values, so the text can
 * be edited in place (formatting, key order and big numbers kept) and so a body that is not quite
 * JSON yet (a `{{variable}}` where a value goes, a trailing comma) is still scanned.
 * Grammar followed: RFC 8259 §2–7, leniently.
 */
import { isSecretName } from './names.ts';
import { isVariableReference, secretValueKind } from './values.ts';

/** One secret value in the text: `text.slice(start, end)` is the value token (with its quotes). */
export interface JsonSecretSpan {
  /** Where it is, for people: `password`, `user.credentials.token`, `items[2].apiKey`. */
  path: string;
  /** UTF-16 code unit offsets of the value token in the text. */
  start: number;
  end: number;
  /** Why it counts: `'name'` (its key or an enclosing key reads like a secret) or e.g. `'a JWT'`. */
  reason: string;
}

/** Characters that end a bare (unquoted) token: JSON whitespace (RFC 8259 §2) and structure. */
const SCALAR_END = new Set([' ', '\n', '\r', '\t', ',', ':', '{', '}', '[', ']', '"']);

interface Frame {
  kind: 'object' | 'array';
  path: string;
  key: string | null;
  index: number;
  expectKey: boolean;
  secret: boolean;
}

function childPath(frame: Frame | undefined): string {
  if (!frame) return '';
  if (frame.kind === 'array') return `${frame.path}[${frame.index}]`;
  const key = frame.key ?? '';
  const plain = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return frame.path === '' ? plain : `${frame.path}.${plain}`;
}

/** Index just past the string starting at `i` (a `"`), or the text's end when it is not closed. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}

function decodeString(token: string): string {
  if (!token.includes('\\') && token.length >= 2 && token.endsWith('"')) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1, -1);
  }
}

/**
 * Finds the values in a JSON text that are secrets: every string or number value whose key
 * (or an enclosing object's or array's key) reads like a secret ({@link isSecretName}), and
 * every string value anywhere that looks like one ({@link secretValueKind}). Empty strings and
 * values that are only a `{{variable}}` reference are not reported.
 * @param text the body as typed
 * @returns spans in text order; never throws
 * @example findJsonSecrets('{"user":{"password":"pw"}}') // [{ path: 'user.password', start: 20, end: 24, reason: 'name' }]
 */
export function findJsonSecrets(text: string): JsonSecretSpan[] {
  const spans: JsonSecretSpan[] = [];
  const stack: Frame[] = [];
  const top = (): Frame | undefined => stack[stack.length - 1];
  // Keys repeat (arrays of records): decide each distinct key once.
  const secretKeys = new Map<string, boolean>();
  const isSecretKey = (key: string): boolean => {
    let known = secretKeys.get(key);
    if (known === undefined) secretKeys.set(key, (known = isSecretName(key)));
    return known;
  };
  const inSecret = (): boolean => {
    const f = top();
    if (!f) return false;
    return f.secret || (f.kind === 'object' && f.key !== null && isSecretKey(f.key));
  };
  const value = (start: number, end: number, str: string | null) => {
    const f = top();
    const raw = text.slice(start, end);
    const plain = str ?? raw;
    if (plain === '' || isVariableReference(plain) || /^(true|false|null)$/.test(raw)) return;
    const reason = inSecret() ? 'name' : str !== null ? secretValueKind(str) : null;
    if (reason) spans.push({ path: childPath(f), start, end, reason });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const f = top();
    if (c === '{' && text[i + 1] === '{') {
      // A `{{variable}}` standing for a value.
      const close = text.indexOf('}}', i);
      const end = close === -1 ? text.length : close + 2;
      if (f?.kind === 'object' && f.expectKey) f.key = text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push({
        kind: c === '{' ? 'object' : 'array',
        path: childPath(f),
        key: null,
        index: 0,
        expectKey: c === '{',
        secret: inSecret(),
      });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ':') {
      if (f?.kind === 'object') f.expectKey = false;
      i++;
    } else if (c === ',') {
      if (f?.kind === 'object') {
        f.expectKey = true;
        f.key = null;
      } else if (f) f.index++;
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const str = decodeString(text.slice(i, end));
      if (f?.kind === 'object' && f.expectKey) f.key = str;
      else value(i, end, str);
      i = end;
    } else if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
    } else {
      let end = i;
      while (end < text.length && !SCALAR_END.has(text[end]!)) end++;
      if (end === i) end++; // a lone character no rule takes (e.g. a stray `\f`): step over it
      if (f?.kind === 'object' && f.expectKey) f.key = text.slice(i, end);
      else value(i, end, null);
      i = end;
    }
  }
  return spans;
}
