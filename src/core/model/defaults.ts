/** Starting points for a request draft: the pre-filled example and a blank request. */
import type { KeyValueRow, QueryRow, RequestDraft } from './draft.ts';
import { newId } from './ids.ts';

/**
 * The sample bearer token pre-filled in the example. It is the example access token of
 * RFC 6750 §4, so it is obviously a placeholder and never a real secret.
 */
export const SAMPLE_TOKEN = 'mF_9.B5f-4.1JqM';

/** The example body of the pre-filled request (issue 2), exactly as sent. */
export const SAMPLE_JSON_BODY = '{"employee":{"name":"Emma","age":28,"city":"Boston"}}';

/** A new enabled header row with a fresh id. */
export function newHeaderRow(name = '', value = ''): KeyValueRow {
  return { id: newId(), name, value, enabled: true };
}

/**
 * A new enabled query row with a fresh id. `noEquals: true` while both are empty, so a
 * blank row adds nothing but a `&` to the URL field until something is typed.
 */
export function newQueryRow(name = '', value = ''): QueryRow {
  const row: QueryRow = { id: newId(), name, value, enabled: true };
  if (name === '' && value === '') row.noEquals = true;
  return row;
}

/**
 * The request the app opens with (issue 2): `POST ${origin}/echo/post/json` with header
 * rows `Accept: application/json` and `Content-Type: application/json`, Bearer auth with
 * `SAMPLE_TOKEN`, and the JSON body `SAMPLE_JSON_BODY`. `origin` is the app's origin
 * without a trailing slash, e.g. `http://127.0.0.1:8080`. Fresh row ids on each call.
 */
export function exampleDraft(origin: string): RequestDraft {
  return {
    v: 1,
    method: 'POST',
    url: `${origin.replace(/\/+$/, '')}/echo/post/json`,
    query: [],
    fragment: null,
    pathVariables: {},
    headers: [newHeaderRow('Accept', 'application/json'), newHeaderRow('Content-Type', 'application/json')],
    auth: { type: 'bearer', token: SAMPLE_TOKEN },
    body: { mode: 'json', text: SAMPLE_JSON_BODY },
    verifyTls: true,
  };
}

/** An empty GET request: no URL, rows, auth or body. */
export function blankDraft(): RequestDraft {
  return {
    v: 1,
    method: 'GET',
    url: '',
    query: [],
    fragment: null,
    pathVariables: {},
    headers: [],
    auth: { type: 'none' },
    body: { mode: 'none' },
    verifyTls: true,
  };
}
