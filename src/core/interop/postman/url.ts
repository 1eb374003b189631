/** Postman URL values (a string, or `{ raw, host, path, query, variable, hash }`) → draft URL parts. */
import type { QueryRow } from '../../model/draft.ts';
import { splitTargetUri } from '../../url/query.ts';
import { asArray, asObject, asText, queryRow, valueText } from '../rows.ts';

export interface PostmanUrlParts {
  url: string;
  query: QueryRow[];
  fragment: string | null;
  pathVariables: Record<string, string>;
}

/** `raw` rebuilt from the parts when a v2 URL object has none (protocol://host/path). */
function rawFromParts(o: Record<string, unknown>): string {
  const host = Array.isArray(o.host) ? o.host.map(asText).join('.') : asText(o.host);
  const path = Array.isArray(o.path)
    ? o.path.map((s) => (typeof s === 'string' ? s : asText(asObject(s)?.value))).join('/')
    : asText(o.path);
  const protocol = asText(o.protocol);
  const port = asText(o.port);
  return `${protocol ? `${protocol}://` : ''}${host}${port ? `:${port}` : ''}${path ? `/${path.replace(/^\//, '')}` : ''}`;
}

/**
 * Reads a Postman URL. The query comes from the `query` list when there is one (it keeps
 * disabled rows, which `raw` leaves out); otherwise from `raw`. Values are kept as typed
 * (Postman sends query text as typed, like Parley's proxy mode). Never throws.
 */
export function readPostmanUrl(value: unknown): PostmanUrlParts {
  if (typeof value === 'string') {
    const s = splitTargetUri(value);
    return {
      url: s.url,
      query: s.query.map((q) => queryRow(q.name, q.value, true, q.noEquals === true)),
      fragment: s.fragment,
      pathVariables: {},
    };
  }
  const o = asObject(value) ?? {};
  const raw = typeof o.raw === 'string' ? o.raw : rawFromParts(o);
  const s = splitTargetUri(raw);
  const list = Array.isArray(o.query) ? o.query : null;
  const query = list
    ? list.flatMap((q) => {
        const r = asObject(q);
        if (!r) return [];
        const value = r.value === null || r.value === undefined ? null : valueText(r.value);
        return [queryRow(asText(r.key), value ?? '', r.disabled !== true, value === null)];
      })
    : s.query.map((q) => queryRow(q.name, q.value, true, q.noEquals === true));
  const pathVariables: Record<string, string> = {};
  for (const v of asArray(o.variable)) {
    const r = asObject(v);
    const key = r ? asText(r.key ?? r.id) : '';
    if (r && key) pathVariables[key] = valueText(r.value);
  }
  const hash = typeof o.hash === 'string' ? o.hash : s.fragment;
  return { url: s.url, query, fragment: hash, pathVariables };
}
