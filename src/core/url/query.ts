/**
 * The query: one source of truth (`draft.query` rows), two views (URL field text and the
 * Query parameters table). Row names and values hold the text as it stands in the URL
 * between the delimiters — never decoded — so both views show the same characters and
 * what was typed is sent as typed (only what cannot stand in a query is encoded at send
 * time, by `encodeQueryComponent`).
 */
import type { QueryRow, RequestDraft } from '../model/draft.ts';
import { asciiSet, percentEncodeKeeping } from './percent.ts';

/** A query pair as typed: the row without its table identity. */
export type TypedQueryPair = Omit<QueryRow, 'id' | 'enabled'>;

/**
 * Splits the URL field's text into base, query pairs and fragment (RFC 3986 §3: the
 * query starts at the first `?`, the fragment at the first `#` after it; a `?` after a
 * `#` belongs to the fragment).
 *
 * - `url`: the text before the query/fragment, as typed.
 * - `query`: the query split on `&`, each pair on its FIRST `=` (`sig=abc==` → `sig` / `abc==`);
 *   `noEquals: true` for a pair typed without `=` (`?flag`). Text kept exactly as typed;
 *   an empty pair (`?a=1&`) is kept so that re-joining gives back the same text.
 *   No `?` typed → `[]`.
 * - `fragment`: the text after `#` (without it), `null` when no `#` was typed. Never sent.
 *
 * Round trip: `urlFieldText({ ...splitTargetUri(t), query: rows-of-it })` === `t` for any `t`.
 * Never throws. Example: `splitTargetUri('http://h/s?ver=1.2.3&sig=abc==#top')` →
 * `{ url: 'http://h/s', query: [{name:'ver',value:'1.2.3'},{name:'sig',value:'abc=='}], fragment: 'top' }`.
 */
export function splitTargetUri(text: string): { url: string; query: TypedQueryPair[]; fragment: string | null } {
  const hash = text.indexOf('#');
  const beforeHash = hash === -1 ? text : text.slice(0, hash);
  const fragment = hash === -1 ? null : text.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  if (q === -1) return { url: beforeHash, query: [], fragment };
  return { url: beforeHash.slice(0, q), query: splitQuery(beforeHash.slice(q + 1)), fragment };
}

/** Splits query text (without `?`) into pairs: on `&`, then each on its first `=`. */
function splitQuery(query: string): TypedQueryPair[] {
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1
      ? { name: pair, value: '', noEquals: true }
      : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
}

/**
 * The text of one query pair as it stands in the URL field: `name=value`, or just `name`
 * when the row was typed without `=` and still has no value. Not encoded, except the
 * delimiters a row typed in the TABLE may hold: `&` → `%26`, `#` → `%23` (and `=` → `%3D`
 * in a name), so that re-reading the URL field gives the same pairs and the same bytes
 * on the wire (`tag`=`test#abc` is shown `tag=test%23abc`, not as a fragment).
 */
function queryPairText(row: TypedQueryPair): string {
  const name = row.name.replace(/[&#=]/g, delimiterEscape);
  return row.noEquals === true && row.value === '' ? name : `${name}=${row.value.replace(/[&#]/g, delimiterEscape)}`;
}

function delimiterEscape(ch: string): string {
  return ch === '&' ? '%26' : ch === '#' ? '%23' : '%3D';
}

/**
 * The URL field's text: base + `?` + the ENABLED rows as they stand (joined with `&`,
 * see `queryPairText`) + `#fragment`. No `?` when no row is enabled. Not encoded (the
 * field shows what was typed).
 * Never throws. Inverse of `splitTargetUri` (see there).
 */
export function urlFieldText(draft: Pick<RequestDraft, 'url' | 'query' | 'fragment'>): string {
  const enabled = draft.query.filter((r) => r.enabled);
  const query = enabled.length > 0 ? '?' + enabled.map(queryPairText).join('&') : '';
  return draft.url + query + (draft.fragment !== null ? '#' + draft.fragment : '');
}

/**
 * Query rows after the user edited the URL field. Enabled rows are replaced, in order, by
 * the typed pairs, each keeping the id of the enabled row at the same position (ids are
 * never re-keyed, so table focus and React keys survive typing); disabled rows keep their
 * place and id (the URL field does not show them, so editing it cannot drop them).
 * Typed pairs beyond the previous enabled rows are appended as new enabled rows with
 * ids from `newId`; enabled rows beyond the typed pairs are removed.
 * A typed pair whose text equals what the previous row at its position shows in the URL
 * field (`queryPairText`) keeps that row unchanged: a row typed in the table as
 * `tag`=`test#abc` is shown `tag=test%23abc`, and an edit elsewhere in the URL must not
 * turn the table cell into `test%23abc` (same bytes on the wire, but not what was typed).
 * Pure: `previous` is not mutated. Never throws.
 * Example: previous `[{id:'t', name:'tag', value:'test#abc'}]`, typed from
 * `?tag=test%23abc&z=1` → `[{id:'t', name:'tag', value:'test#abc'}, {id:newId(), name:'z', value:'1'}]`.
 */
export function mergeQueryRows(previous: QueryRow[], typed: TypedQueryPair[], newId: () => string): QueryRow[] {
  const out: QueryRow[] = [];
  let next = 0;
  for (const row of previous) {
    if (!row.enabled) {
      out.push(row);
      continue;
    }
    const pair = typed[next];
    if (pair === undefined) continue;
    next++;
    // Same text in the URL field: the user did not edit this pair, so the row stays as typed.
    out.push(queryPairText(pair) === queryPairText(row) ? row : withPair(row.id, pair));
  }
  for (; next < typed.length; next++) out.push(withPair(newId(), typed[next] as TypedQueryPair));
  return out;
}

function withPair(id: string, pair: TypedQueryPair): QueryRow {
  const row: QueryRow = { id, name: pair.name, value: pair.value, enabled: true };
  if (pair.noEquals === true) row.noEquals = true;
  return row;
}

/*
 * What "cannot stand in a query" means here (issue 10 reverses issue 3's choice for `'`):
 * through the PROXY the query goes out exactly as typed wherever RFC 3986 §3.4 allows it,
 * as curl sends it: letters, digits, `- . _ ~`, every sub-delim (`! $ ' ( ) * + , ; =`),
 * `: @ / ?`, and `[ ]` (curl and Python send them raw; WHATWG keeps them). Encoded: C0
 * controls, space (always `%20`, never `+`), `"`, `#`, `%` (only when not a valid `%XX`),
 * `&` (it would split the pair), `<`, `>`, `\`, `^`, backtick, `{`, `|`, `}`, DEL,
 * non-ASCII (as UTF-8), and `=` in a name.
 * DIRECT mode sends what the browser's URL parser produces: the same, except that the
 * WHATWG "special-query percent-encode set" also has `'`, so `'` becomes `%27` there
 * (resolveRequest notes it). Either result is a fixed point of the parser that sends it:
 * the proxy keeps a valid request-target as written, and fetch leaves the direct one alone.
 */
const KEEP_IN_VALUE = asciiSet("!$'()*+,;=:@/?[]");
const KEEP_IN_NAME = asciiSet("!$'()*+,;:@/?[]");
const KEEP_IN_VALUE_BROWSER = asciiSet('!$()*+,;=:@/?[]');
const KEEP_IN_NAME_BROWSER = asciiSet('!$()*+,;:@/?[]');

/** How the target is sent: `proxy` as typed (RFC 3986), `direct` as the browser's URL parser produces it. */
export type QueryEncoding = 'proxy' | 'direct';

/**
 * Percent-encodes one query component (a row's name or value, as it stands in the URL)
 * for sending: only what cannot stand in a query is encoded, as UTF-8 with upper-case hex
 * (see the rule above: space → `%20`, `&` → `%26`, `#` → `%23`, `=` → `%3D` in a name
 * only, lone `%` → `%25`, `ü` → `%C3%BC`); an existing `%XX` escape is never encoded
 * again; `' + , : [ ] $ ( ) * ; / ? @ !` stay as typed — except `'`, which `direct`
 * encodes as `%27` like the browser. Idempotent. Never throws; a lone surrogate is sent
 * as U+FFFD (`%EF%BF%BD`), as the WHATWG URL parser does.
 * Sources: RFC 3986 §2.1, §3.4; WHATWG URL §1.3 (percent-encode sets); curl's behaviour.
 * Example: `encodeQueryComponent("100% a&b'", 'value')` → `"100%25%20a%26b'"`.
 */
export function encodeQueryComponent(text: string, part: 'name' | 'value', encoding: QueryEncoding = 'proxy'): string {
  const keep =
    encoding === 'direct'
      ? part === 'name'
        ? KEEP_IN_NAME_BROWSER
        : KEEP_IN_VALUE_BROWSER
      : part === 'name'
        ? KEEP_IN_NAME
        : KEEP_IN_VALUE;
  return percentEncodeKeeping(text, keep);
}

/**
 * The query string to send (without `?`) from pairs as they stand: each name and value
 * through `encodeQueryComponent` (for `encoding`, default `proxy`), joined with `&`, `=` omitted for a `noEquals` pair
 * without value. Returns `''` for no pairs (the caller then sends no `?`).
 */
export function encodeQuery(pairs: TypedQueryPair[], encoding: QueryEncoding = 'proxy'): string {
  return pairs
    .map((p) => {
      const name = encodeQueryComponent(p.name, 'name', encoding);
      return p.noEquals === true && p.value === ''
        ? name
        : `${name}=${encodeQueryComponent(p.value, 'value', encoding)}`;
    })
    .join('&');
}
