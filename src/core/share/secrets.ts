/**
 * What counts as a secret in a request draft, and how to take it out before the draft leaves
 * the browser in a share link. Values are emptied, names and structure are kept, so the
 * receiver sees the field and can fill it in; emptied header and query rows are also
 * disabled, so Send does not carry `Cookie: ` or `?access_token=` until they are filled in
 * and enabled again.
 *
 * Removed by default (each listed in `omitted`):
 * - auth: bearer token, Basic password, API key value;
 * - header fields `Authorization`, `Proxy-Authorization` (RFC 9110 §11.6.2, §11.7.2), `Cookie`
 *   (RFC 6265 §5.4), and any header whose name reads like a secret query name (`X-API-Key`);
 * - query parameters whose (percent-decoded) name matches {@link isSecretName};
 * - the password of a `user:password@` userinfo in the URL (RFC 3986 §3.2.1 deprecates it);
 * - values of variables flagged `secret` (only when variables are shared at all);
 * - file contents (multipart file parts, binary body): a link cannot carry them.
 */
import type { RequestDraft } from '../model/draft.ts';
import type { Variable } from '../model/variables.ts';

/** One field left out of a share link: where it was and the name a person recognises. */
export interface OmittedField {
  where: 'auth' | 'header' | 'query' | 'url' | 'variable' | 'body';
  name: string;
}

const SECRET_NAMES = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'auth_token',
  'api_key',
  'apikey',
  'token',
  'key',
  'secret',
  'client_secret',
  'password',
  'passwd',
  'sig',
  'signature',
  'auth',
  'session',
  'sessionid',
]);
const SECRET_SUFFIXES = ['_token', '_secret', '_password', '_signature', '_apikey', '_api_key'];
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Whether a query parameter (or header) name reads like a secret. Case-insensitive; `-` and
 * `_` are the same; a leading `x-` is ignored (`X-Api-Key` ≈ `api_key`, `X-Amz-Signature` ends
 * in `_signature`). Names: access_token, refresh_token, id_token, auth_token, api_key, apikey,
 * token, key, secret, client_secret, password, passwd, sig, signature, auth, session, sessionid,
 * and anything ending in _token, _secret, _password, _signature, _apikey, _api_key.
 * @param name the name as typed (may be percent-encoded)
 */
export function isSecretName(name: string): boolean {
  const n = safeDecode(name).trim().toLowerCase().replace(/-/g, '_').replace(/^x_/, '');
  if (n === '') return false;
  return SECRET_NAMES.has(n) || SECRET_SUFFIXES.some((s) => n.endsWith(s));
}

/** Whether a header field's value is a credential (by the header's name). */
function isSecretHeader(name: string): boolean {
  const n = name.trim().toLowerCase();
  return SECRET_HEADERS.has(n) || isSecretName(n);
}

/** Splits `scheme://user:password@host…` so the password can be dropped; `null` when there is none. */
function userinfoPassword(url: string): { before: string; after: string } | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#@:]*):([^/?#@]*)@/.exec(url);
  if (!m || m[2] === '') return null;
  return { before: m[1]!, after: url.slice(m[0].length - 1) };
}

/**
 * Empties every secret value of a draft (see the module comment for the list).
 * @param draft the request as edited; not modified
 * @param variables variables to share alongside, or `null` to share none
 * @returns a copy with secret values emptied (header and query rows also disabled), the variables likewise, and the list of what was
 *   emptied in document order (auth, URL, query, headers, body, variables). Never throws.
 */
export function stripSecrets(
  draft: RequestDraft,
  variables: Variable[] | null,
): { draft: RequestDraft; variables: Variable[] | null; omitted: OmittedField[] } {
  const omitted: OmittedField[] = [];
  let auth = draft.auth;
  if (auth.type === 'bearer' && auth.token !== '') {
    auth = { ...auth, token: '' };
    omitted.push({ where: 'auth', name: 'Token' });
  } else if (auth.type === 'basic' && auth.password !== '') {
    auth = { ...auth, password: '' };
    omitted.push({ where: 'auth', name: 'Password' });
  } else if (auth.type === 'apikey' && auth.value !== '') {
    auth = { ...auth, value: '' };
    omitted.push({ where: 'auth', name: auth.key === '' ? 'API key value' : `API key value (${auth.key})` });
  }
  let url = draft.url;
  const userinfo = userinfoPassword(url);
  if (userinfo) {
    url = userinfo.before + userinfo.after;
    omitted.push({ where: 'url', name: 'Password in URL' });
  }
  const query = draft.query.map((row) => {
    if (row.value === '' || !isSecretName(row.name)) return row;
    omitted.push({ where: 'query', name: row.name });
    // Disabled, so the receiver's Send does not carry `name=` until it is filled in and enabled.
    return { ...row, value: '', enabled: false };
  });
  const headers = draft.headers.map((row) => {
    if (row.value === '' || !isSecretHeader(row.name)) return row;
    omitted.push({ where: 'header', name: row.name });
    return { ...row, value: '', enabled: false };
  });
  const vars =
    variables?.map((v) => {
      if (!v.secret || v.value === '') return v;
      omitted.push({ where: 'variable', name: v.name });
      return { ...v, value: '' };
    }) ?? null;
  return { draft: { ...draft, auth, url, query, headers }, variables: vars, omitted };
}

/**
 * Drops what a link cannot carry: the file behind a multipart file part or a binary body
 * (bytes live outside the draft, in this browser only).
 * @returns a copy without file references, and one {@link OmittedField} per file dropped
 */
export function stripFiles(draft: RequestDraft): { draft: RequestDraft; omitted: OmittedField[] } {
  const omitted: OmittedField[] = [];
  const body = draft.body;
  if (body.mode === 'binary' && body.file) {
    omitted.push({ where: 'body', name: `File ${body.file.fileName || '(binary body)'}` });
    return { draft: { ...draft, body: { mode: 'binary', file: null } }, omitted };
  }
  if (body.mode === 'multipart') {
    const parts = body.parts.map((p) => {
      if (p.kind !== 'file' || !p.file) return p;
      omitted.push({ where: 'body', name: `File ${p.file.fileName || ''} (part ${p.name})`.replace('  ', ' ') });
      return { ...p, file: null };
    });
    return { draft: { ...draft, body: { mode: 'multipart', parts } }, omitted };
  }
  return { draft, omitted };
}

/**
 * Disables the header and query rows a share link left out: rows named in `omitted`
 * (`where` header/query, same name) whose value is empty. For links made before the encoder
 * disabled them itself, so an empty `Cookie: ` or `?sig=` is never sent by accident.
 * @returns a copy of `draft`; rows with a value, or not named in `omitted`, are unchanged
 */
export function disableOmittedRows(draft: RequestDraft, omitted: readonly OmittedField[]): RequestDraft {
  const names = (where: OmittedField['where']) => new Set(omitted.filter((o) => o.where === where).map((o) => o.name));
  const headers = names('header');
  const query = names('query');
  return {
    ...draft,
    headers: draft.headers.map((r) => (r.value === '' && headers.has(r.name) ? { ...r, enabled: false } : r)),
    query: draft.query.map((r) => (r.value === '' && query.has(r.name) ? { ...r, enabled: false } : r)),
  };
}
