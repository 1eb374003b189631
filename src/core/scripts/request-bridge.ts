/**
 * Between Parley's request model and what scripts see as `pm.request` (Postman's shape).
 * A pre-request script edits the DRAFT's view (variables still `{{as typed}}`, as Postman
 * shows them); its changes are applied back to the draft BEFORE resolveRequest, so the raw
 * view, snippets and the wire all show them (DESIGN §1).
 */
import type { Body, KeyValueRow, RequestDraft } from '../model/draft.ts';
import type { EffectiveRequest } from '../resolve/types.ts';
import type { ResponseRecord } from '../model/response.ts';
import { mergeQueryRows, splitTargetUri, urlFieldText } from '../url/query.ts';
import { encodeGraphqlPost } from '../graphql/encode-graphql.ts';
import type { ScriptBody, ScriptHeader, ScriptRequest, ScriptResponse } from './types.ts';

const rowsToScript = (rows: KeyValueRow[]): ScriptHeader[] =>
  rows.map((r) => (r.enabled ? { key: r.name, value: r.value } : { key: r.name, value: r.value, disabled: true }));

/**
 * `pm.request` for a pre-request script: the URL field's text (query rows included,
 * fragment left out), method, header rows (disabled rows marked `disabled`), body as
 * `raw` (JSON/text/XML text), `urlencoded`, `formdata` (text parts) or `file`. Pure.
 */
export function scriptRequestFromDraft(draft: RequestDraft): ScriptRequest {
  return {
    url: urlFieldText({ ...draft, fragment: null }),
    method: draft.method,
    headers: rowsToScript(draft.headers),
    body: scriptBodyOf(draft.body),
  };
}

function scriptBodyOf(body: Body): ScriptBody {
  switch (body.mode) {
    case 'json':
    case 'text':
    case 'xml':
      return { mode: 'raw', raw: body.text };
    case 'form-urlencoded':
      return { mode: 'urlencoded', urlencoded: rowsToScript(body.fields) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.filter((p) => p.kind === 'text').map((p) => ({ key: p.name, value: p.value })),
      };
    case 'binary':
      return { mode: 'file' };
    case 'none':
      return { mode: 'none' };
    case 'graphql': {
      // Read-only for scripts: the JSON content as POST sends it ('' when the variables do not parse).
      const encoded = encodeGraphqlPost(body);
      return { mode: 'raw', raw: 'bytes' in encoded ? new TextDecoder().decode(encoded.bytes) : '' };
    }
  }
}

const sameList = (a: ScriptHeader[] | undefined, b: ScriptHeader[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Rows for `list`, keeping the ids of `previous` rows at the same position. */
function rowsFromScript(list: ScriptHeader[], previous: KeyValueRow[], newId: () => string): KeyValueRow[] {
  return list.map((h, i) => ({
    id: previous[i]?.id ?? newId(),
    name: h.key,
    value: h.value,
    enabled: h.disabled !== true,
  }));
}

/**
 * The draft after a pre-request script turned `before` (what it was given) into `after`.
 * Only what changed is touched: a new URL is re-split into URL and query rows (ids kept as
 * the URL field does), a new method, header rows (ids kept by position), `raw` text into a
 * JSON/text/XML body (a body of mode `none` becomes `text`), `urlencoded` into form fields.
 * Multipart and file bodies are not changed by scripts. Pure; `newId` makes ids of new rows.
 */
export function applyScriptRequest(
  draft: RequestDraft,
  before: ScriptRequest,
  after: ScriptRequest,
  newId: () => string,
): RequestDraft {
  let next = draft;
  if (after.url !== before.url) {
    const split = splitTargetUri(after.url);
    next = { ...next, url: split.url, query: mergeQueryRows(next.query, split.query, newId) };
  }
  if (after.method !== before.method) next = { ...next, method: after.method };
  if (!sameList(after.headers, before.headers))
    next = { ...next, headers: rowsFromScript(after.headers, next.headers, newId) };
  const b = next.body;
  if (after.body.raw !== undefined && after.body.raw !== before.body.raw) {
    if (b.mode === 'json' || b.mode === 'text' || b.mode === 'xml')
      next = { ...next, body: { ...b, text: after.body.raw } };
    else if (b.mode === 'none') next = { ...next, body: { mode: 'text', text: after.body.raw } };
  }
  if (b.mode === 'form-urlencoded' && after.body.urlencoded && !sameList(after.body.urlencoded, before.body.urlencoded))
    next = {
      ...next,
      body: { mode: 'form-urlencoded', fields: rowsFromScript(after.body.urlencoded, b.fields, newId) },
    };
  return next;
}

/**
 * A draft for `pm.sendRequest`: URL split into rows, header fields as rows, `raw` text as a
 * text body (Content-Type only as the script gives it… or text/plain from the body mode),
 * `urlencoded` as form fields. Variables are NOT substituted (Postman does not either).
 */
export function draftFromScriptRequest(request: ScriptRequest, newId: () => string): RequestDraft {
  const split = splitTargetUri(request.url);
  const rows = (list: ScriptHeader[]) => rowsFromScript(list, [], newId);
  let body: Body = { mode: 'none' };
  if (request.body.mode === 'raw' && request.body.raw !== undefined) body = { mode: 'text', text: request.body.raw };
  if (request.body.mode === 'urlencoded')
    body = { mode: 'form-urlencoded', fields: rows(request.body.urlencoded ?? []) };
  return {
    v: 1,
    method: request.method,
    url: split.url,
    query: split.query.map((p) => ({
      id: newId(),
      name: p.name,
      value: p.value,
      enabled: true,
      ...(p.noEquals ? { noEquals: true } : {}),
    })),
    fragment: null,
    pathVariables: {},
    headers: rows(request.headers),
    auth: { type: 'none' },
    body,
    verifyTls: true,
  };
}

/** `pm.request` in a post-response script: the request as sent (resolved), content decoded as UTF-8. */
export function scriptRequestFromEffective(request: EffectiveRequest): ScriptRequest {
  return {
    url: request.url,
    method: request.method,
    headers: request.headers.map((h) => ({ key: h.name, value: h.value })),
    body: request.body === null ? { mode: 'none' } : { mode: 'raw', raw: new TextDecoder().decode(request.body) },
  };
}

/** `pm.response` from a received response: content decoded as UTF-8 (invalid octets → U+FFFD). */
export function scriptResponseFromRecord(
  record: Pick<ResponseRecord, 'status' | 'reasonPhrase' | 'headers' | 'body' | 'totalMs'>,
): ScriptResponse {
  return {
    code: record.status,
    status: record.reasonPhrase,
    headers: record.headers.map(([n, v]) => [n, v]),
    responseTime: record.totalMs,
    responseSize: record.body?.byteLength ?? 0,
    body: record.body === null ? '' : new TextDecoder().decode(record.body),
  };
}
