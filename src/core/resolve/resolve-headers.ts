/** Header fields of `resolveRequest()`: header rows, auth fields and the one Content-Type. */
import { mediaTypeOf } from '../body/encode-body.ts';
import type { BodyMode, KeyValueRow } from '../model/draft.ts';
import type { EffectiveHeader, ResolveProblem } from './types.ts';
import { headerFieldProblems, isForbiddenRequestHeader, isToken } from './validate.ts';

/** Strips optional whitespace around a field value (RFC 9110 §5.5): it is never part of the value on the wire. */
function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * The header fields of the enabled, non-blank `rows`, in order, duplicates kept, after
 * `sub` (variables) — names trimmed, values without surrounding whitespace. An invalid
 * name and an invalid value are each an error on the row (both reported, name first)
 * and the row is left out; in `direct` mode a forbidden request header is a warning on
 * its row (also when its value is invalid) and left out. Appends to `problems`.
 */
export function resolveHeaderRows(
  rows: readonly KeyValueRow[],
  sub: (text: string) => string,
  direct: boolean,
  problems: ResolveProblem[],
): EffectiveHeader[] {
  const headers: EffectiveHeader[] = [];
  for (const row of rows) {
    if (!row.enabled || (row.name.trim() === '' && row.value.trim() === '')) continue;
    const name = sub(row.name).trim();
    const value = trimOws(sub(row.value));
    const errors = headerFieldProblems(name, value);
    for (const message of errors) problems.push({ severity: 'error', field: 'header', rowId: row.id, message });
    // Only a valid name can be on the forbidden list; said even when the value is also wrong,
    // so that fixing the value does not reveal one more reason the row is not sent.
    const forbidden = direct && isToken(name) ? isForbiddenRequestHeader(name, value) : null;
    if (forbidden)
      problems.push({
        severity: 'warning',
        field: 'header',
        rowId: row.id,
        message: `${name} is not sent in direct mode. ${forbidden}`,
      });
    if (errors.length === 0 && !forbidden) headers.push({ name, value, source: 'user', rowId: row.id });
  }
  const authRows = headers.filter((h) => h.name.toLowerCase() === 'authorization');
  if (authRows.length > 1) {
    problems.push({
      severity: 'warning',
      field: 'header',
      rowId: authRows[1]?.rowId,
      message: 'Two Authorization header rows are enabled; both are sent, and most servers reject that.',
    });
  }
  return headers;
}

/**
 * Header fields inherited from the scope chain (`inheritedHeaderRows`), checked like rows; a
 * problem names the scope (`From folder Users: …`) and has no `rowId` (the row is not in this
 * request's table). Returned with `source: 'scope'` and `from`.
 */
export function scopeHeaders(
  inherited: readonly { row: KeyValueRow; from: string }[],
  sub: (text: string) => string,
  direct: boolean,
  problems: ResolveProblem[],
): EffectiveHeader[] {
  const out: EffectiveHeader[] = [];
  for (const { row, from } of inherited) {
    const own: ResolveProblem[] = [];
    const [h] = resolveHeaderRows([row], sub, direct, own);
    for (const p of own)
      problems.push({ severity: p.severity, field: 'header', message: `From ${from}: ${p.message}` });
    if (h) out.push({ name: h.name, value: h.value, source: 'scope', from });
  }
  return out;
}

/**
 * The auth scheme's header fields to add after the rows. Rule: a header row with the same
 * name (case-insensitive, e.g. `Authorization`) wins — the scheme's field is skipped with a
 * warning naming `schemeLabel` — so Parley never sends two Authorization fields. An invalid
 * name (an API key name with a space) and an invalid value (a token outside Latin-1) are
 * each an error, both reported; forbidden names in `direct` mode, warnings.
 */
export function authHeaders(
  fields: readonly [string, string][],
  rows: readonly EffectiveHeader[],
  schemeLabel: string,
  direct: boolean,
  problems: ResolveProblem[],
): EffectiveHeader[] {
  const out: EffectiveHeader[] = [];
  for (const [name, value] of fields) {
    if (rows.some((h) => h.name.toLowerCase() === name.toLowerCase())) {
      problems.push({
        severity: 'warning',
        field: 'auth',
        message: `Your ${name} header row is sent; the ${schemeLabel} from the Auth tab is not (a header row wins).`,
      });
      continue;
    }
    const errors = headerFieldProblems(name, value);
    for (const message of errors) problems.push({ severity: 'error', field: 'auth', message });
    const forbidden = direct && isToken(name) ? isForbiddenRequestHeader(name, value) : null;
    if (forbidden)
      problems.push({
        severity: 'warning',
        field: 'auth',
        message: `${name} is not sent in direct mode. ${forbidden}`,
      });
    if (errors.length === 0 && !forbidden) out.push({ name, value, source: 'auth' });
  }
  return out;
}

/**
 * Applies the Content-Type rule and returns the headers to send: with no body, typed
 * Content-Type rows are left out (warning); otherwise the first typed row wins (later ones
 * left out, warning; a multipart type without boundary gets `; boundary=` from `modeType`),
 * and `modeType` (the body mode default) is appended only when no row sets one.
 * With `mode` given, a winning typed row whose media type contradicts the body's framing
 * (multipart: not `multipart/*`; form-urlencoded: not `application/x-www-form-urlencoded`,
 * WHATWG URL §5.2) is still sent but gets a warning on its row: the content cannot be
 * parsed as the type it claims. JSON/text/XML accept any typed type (`application/merge-patch+json`
 * and `text/csv` are legitimate choices).
 */
export function applyContentType(
  headers: EffectiveHeader[],
  hasBody: boolean,
  modeType: string | null,
  problems: ResolveProblem[],
  mode?: BodyMode,
): EffectiveHeader[] {
  const out: EffectiveHeader[] = [];
  let seen = false;
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'content-type') {
      out.push(h);
      continue;
    }
    if (!hasBody) {
      problems.push({
        severity: 'warning',
        field: 'header',
        rowId: h.rowId,
        message: 'Content-Type is not sent: this request has no body.',
      });
    } else if (seen) {
      problems.push({
        severity: 'warning',
        field: 'header',
        rowId: h.rowId,
        message: 'Only the first Content-Type row is sent; a request has exactly one Content-Type.',
      });
    } else {
      seen = true;
      const boundary = modeType?.match(/; boundary=(.*)$/)?.[1];
      if (boundary && /^multipart\//i.test(h.value) && !/;\s*boundary=/i.test(h.value)) {
        out.push({ ...h, value: `${h.value}; boundary=${boundary}` });
        problems.push({
          severity: 'warning',
          field: 'header',
          rowId: h.rowId,
          message: 'The boundary of the multipart body is added to your Content-Type row.',
        });
      } else out.push(h);
      const mismatch = mode ? contentTypeMismatch(h.value, mode) : null;
      if (mismatch) problems.push({ severity: 'warning', field: 'header', rowId: h.rowId, message: mismatch });
    }
  }
  if (hasBody && !seen && modeType !== null) out.push({ name: 'Content-Type', value: modeType, source: 'body' });
  return out;
}

/** What a body of `mode` is framed as, for the modes whose bytes only one media type describes. */
const FRAMED_AS: Partial<Record<BodyMode, { test: (mediaType: string) => boolean; label: string }>> = {
  multipart: { test: (t) => t.startsWith('multipart/'), label: 'multipart/form-data' },
  'form-urlencoded': {
    test: (t) => t === 'application/x-www-form-urlencoded',
    label: 'application/x-www-form-urlencoded',
  },
};

/** The warning for a typed Content-Type `value` that contradicts a body of `mode`, or `null`. */
function contentTypeMismatch(value: string, mode: BodyMode): string | null {
  const framed = FRAMED_AS[mode];
  if (!framed || framed.test(mediaTypeOf(value))) return null;
  return `Your Content-Type row says ${value} but the body is ${framed.label}; the server will likely fail to parse it. Remove the row or set it to ${framed.label}.`;
}
