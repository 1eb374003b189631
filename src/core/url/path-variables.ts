/**
 * Path variables: a whole path segment `:name` (`/users/:id`), as in Postman and
 * Hoppscotch. Values come from `draft.pathVariables` and are sent encoded as a path
 * segment (RFC 3986 §3.3).
 */
import { asciiSet, percentEncodeKeeping } from './percent.ts';

const VARIABLE_SEGMENT = /^:([A-Za-z0-9_][A-Za-z0-9_.-]*)$/;

/** Index where the path starts (after `scheme://authority`), or 0 when there is no authority. */
function pathStart(url: string): number {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(url);
  return m ? m[0].length : 0;
}

function pathOnly(url: string): { head: string; path: string; tail: string } {
  const start = pathStart(url);
  const rest = url.slice(start);
  const end = rest.search(/[?#]/);
  const path = end === -1 ? rest : rest.slice(0, end);
  return { head: url.slice(0, start), path, tail: end === -1 ? '' : rest.slice(end) };
}

/**
 * Names of the `:name` path variables in `url`, in order of first appearance, without
 * the colon: `pathVariableNames('http://h:8080/users/:id/posts/:post')` → `['id', 'post']`.
 * Only whole segments of the path count (a port or `a:b` inside a segment is not a
 * variable); a name is letters, digits, `_`, `.`, `-`. Never throws.
 */
export function pathVariableNames(url: string): string[] {
  const names: string[] = [];
  for (const seg of pathOnly(url).path.split('/')) {
    const m = VARIABLE_SEGMENT.exec(seg);
    if (m && !names.includes(m[1] as string)) names.push(m[1] as string);
  }
  return names;
}

// pchar (RFC 3986 §3.3) minus nothing: unreserved, sub-delims, ':' and '@'; '/' is encoded
// so a value stays ONE segment.
const KEEP_IN_SEGMENT = asciiSet("!$&'()*+,;=:@");

/**
 * Percent-encodes a value to stand as one path segment: UTF-8, `/ ? # %(lone) space`
 * and everything outside RFC 3986 `pchar` encoded, existing `%XX` escapes kept.
 * Example: `encodePathSegment('a/b c')` → `'a%2Fb%20c'`. Never throws.
 */
export function encodePathSegment(value: string): string {
  return percentEncodeKeeping(value, KEEP_IN_SEGMENT);
}

/**
 * Replaces each `:name` segment of `url`'s path with `encodePathSegment(values[name])`.
 * A variable with no value (absent or empty) is left as typed and listed in `missing`.
 * Returns `{ url, missing }`. Never throws.
 */
export function substitutePathVariables(
  url: string,
  values: Record<string, string>,
): { url: string; missing: string[] } {
  const { head, path, tail } = pathOnly(url);
  const missing: string[] = [];
  const segments = path.split('/').map((seg) => {
    const m = VARIABLE_SEGMENT.exec(seg);
    if (!m) return seg;
    const name = m[1] as string;
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined || value === '') {
      if (!missing.includes(name)) missing.push(name);
      return seg;
    }
    return encodePathSegment(value);
  });
  return { url: head + segments.join('/') + tail, missing };
}
