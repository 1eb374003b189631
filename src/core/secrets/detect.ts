/**
 * The one secret detector for everything that leaves the browser: share links, library export
 * and any future export. It finds each secret in a request draft, empties it unless the person
 * chose to keep that one, and lists what it emptied, so the person sees each item.
 *
 * Found (in this order, which is the order of the list people see):
 * - auth: OAuth 2.0 client secret and password (tokens are never in a draft), bearer token, Basic and Digest password, API key value, JWT signing key and token, AWS secret access key and session token
 *   (and an access key id of the AKIA… shape);
 * - URL: the password of `user:password@host` (with or without a scheme; RFC 3986 §3.2.1),
 *   path variable values (by name or by value), fragment parameters (`#access_token=…`, the
 *   OAuth 2.0 implicit grant, RFC 6749 §4.2.2) and a fragment that is one secret value;
 * - query parameters and header fields, by name ({@link isSecretName}) or by value
 *   ({@link secretValueKind}); their rows are also disabled, so Send does not carry `Cookie: `
 *   or `?access_token=` until they are filled in and enabled again;
 * - body: form-urlencoded fields and multipart text parts (by name or value), JSON values (by
 *   key at any depth, or by value; see json-fields.ts), secret-looking values in text/XML;
 * - variables flagged `secret`, or named or valued like a secret.
 *
 * Values that are only a `{{variable}}` reference are not secrets (the variable is checked).
 */
import type { RequestDraft } from '../model/draft.ts';
import type { Variable } from '../model/variables.ts';
import { findJsonSecrets } from './json-fields.ts';
import { isSecretName } from './names.ts';
import { isVariableReference, secretValueKind } from './values.ts';

/** One field emptied on export: where it was and the name a person recognises. */
export interface OmittedField {
  where: 'auth' | 'header' | 'query' | 'url' | 'variable' | 'body';
  name: string;
}

/** One secret found: an {@link OmittedField} with a stable key (to keep it) and the reason. */
export interface SecretFinding extends OmittedField {
  /** Identifies the item within this draft, e.g. `header:2`, `json:user.password`, `auth`. */
  key: string;
  /** `'name'` when its name reads like a secret, else what the value looks like (`'a JWT'`). */
  reason: string;
}

export interface StripResult {
  /** A copy with every finding not kept emptied; the input is not modified. */
  draft: RequestDraft;
  variables: Variable[] | null;
  /** The findings emptied, in document order (see the module comment). */
  omitted: OmittedField[];
  /** Every finding, emptied or kept, in the same order, with keys. */
  findings: SecretFinding[];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Why a name/value pair is a secret, or `null`. `value` as typed (percent-decoded here). */
function pairReason(name: string, value: string): string | null {
  if (value === '' || isVariableReference(value)) return null;
  if (isSecretName(name)) return 'name';
  return secretValueKind(safeDecode(value)) ?? secretValueKind(value);
}

/**
 * `user:password@` at the start of a URL typed with or without a scheme; `null` when there is none.
 * `before` ends with the user name, `after` starts at the `@`.
 */
function userinfoPassword(url: string): { before: string; after: string } | null {
  const m = /^(\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/)?[^/?#@:\s]*):([^/?#@\s]*)@/.exec(url);
  if (!m || m[2] === '' || isVariableReference(m[2]!)) return null;
  return { before: m[1]!, after: url.slice(m[0].length - 1) };
}

/** Applies the fragment parameter rule: `a=1&access_token=x` → `a=1&access_token=`. */
function stripFragment(fragment: string, visit: (key: string, name: string, reason: string | null) => boolean): string {
  if (!fragment.includes('=')) {
    const reason = isVariableReference(fragment) ? null : secretValueKind(safeDecode(fragment));
    return visit('fragment', 'Fragment', reason) ? '' : fragment;
  }
  return fragment
    .split('&')
    .map((part, i) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      const name = part.slice(0, eq);
      const reason = pairReason(name, part.slice(eq + 1));
      return visit(`fragment:${i}`, `Fragment parameter ${safeDecode(name)}`, reason) ? `${name}=` : part;
    })
    .join('&');
}

/** Empties secret-looking values inside free text (text and XML bodies). */
function stripText(text: string, visit: (key: string, name: string, reason: string | null) => boolean): string {
  const re =
    /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*|(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])|-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z]+ )?PRIVATE KEY-----|\bBearer\s+[A-Za-z0-9\-._~+/]{12,}=*/g;
  let n = 0;
  return text.replace(re, (match) => {
    const i = n++;
    return visit(`text:${i}`, `Text body value ${i + 1}`, secretValueKind(match)) ? '' : match;
  });
}

/**
 * Finds every secret in a draft and empties those not in `keep`.
 * @param draft the request as edited; not modified
 * @param variables variables exported alongside, or `null` for none
 * @param keep keys of findings ({@link SecretFinding.key}) the person chose to keep
 * @returns see {@link StripResult}; never throws
 * @example stripDraftSecrets({ ...d, query: [{ id: 'a', name: 'accessToken', value: 'x', enabled: true }] }, null)
 *   // omitted: [{ where: 'query', name: 'accessToken' }]
 */
export function stripDraftSecrets(
  draft: RequestDraft,
  variables: Variable[] | null,
  keep: ReadonlySet<string> = new Set(),
): StripResult {
  const findings: SecretFinding[] = [];
  const seen = new Map<string, number>();
  /** Records a finding when `reason` is set; true when its value must be emptied. */
  const visit =
    (where: OmittedField['where']) =>
    (base: string, name: string, reason: string | null): boolean => {
      if (!reason) return false;
      // A key twice (a JSON object repeating a name) gets `#2`, `#3`: each item stays its own.
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = n === 1 ? base : `${base}#${n}`;
      findings.push({ where, name, key, reason });
      return !keep.has(key);
    };
  const auth = stripAuth(draft.auth, visit('auth'));

  const inUrl = visit('url');
  let url = draft.url;
  const userinfo = userinfoPassword(url);
  if (userinfo && inUrl('url:userinfo', 'Password in URL', 'name')) url = userinfo.before + userinfo.after;
  const pathVariables = Object.fromEntries(
    Object.entries(draft.pathVariables).map(([name, value]) => [
      name,
      inUrl(`path:${name}`, `Path variable :${name}`, pairReason(name, value)) ? '' : value,
    ]),
  );
  const fragment = draft.fragment === null ? null : stripFragment(draft.fragment, inUrl);

  const inQuery = visit('query');
  const query = draft.query.map((row, i) =>
    inQuery(`query:${i}`, row.name, pairReason(row.name, row.value)) ? { ...row, value: '', enabled: false } : row,
  );
  const inHeader = visit('header');
  const headers = draft.headers.map((row, i) =>
    inHeader(`header:${i}`, row.name, pairReason(row.name, row.value)) ? { ...row, value: '', enabled: false } : row,
  );

  const inBody = visit('body');
  const body = draft.body;
  let strippedBody: RequestDraft['body'] = body;
  if (body.mode === 'form-urlencoded') {
    const fields = body.fields.map((row, i) =>
      inBody(`form:${i}`, `Form field ${safeDecode(row.name)}`, pairReason(row.name, row.value))
        ? { ...row, value: '' }
        : row,
    );
    strippedBody = { ...body, fields };
  } else if (body.mode === 'multipart') {
    const parts = body.parts.map((p, i) =>
      p.kind === 'text' && inBody(`part:${i}`, `Multipart part ${p.name}`, pairReason(p.name, p.value))
        ? { ...p, value: '' }
        : p,
    );
    strippedBody = { ...body, parts };
  } else if (body.mode === 'json') {
    // One pass of slices: replacing span by span would copy the whole text once per secret.
    const spans = findJsonSecrets(body.text);
    const parts: string[] = [];
    let from = 0;
    for (const span of spans) {
      if (!inBody(`json:${span.path}`, `JSON field ${span.path}`, span.reason)) continue;
      parts.push(body.text.slice(from, span.start), '""');
      from = span.end;
    }
    parts.push(body.text.slice(from));
    const text = parts.join('');
    strippedBody = { ...body, text };
  } else if (body.mode === 'text' || body.mode === 'xml') {
    strippedBody = { ...body, text: stripText(body.text, inBody) };
  }

  const inVariable = visit('variable');
  const vars =
    variables?.map((v, i) => {
      const reason = v.value === '' ? null : v.secret ? 'marked secret' : pairReason(v.name, v.value);
      return inVariable(`variable:${i}`, v.name, reason) ? { ...v, value: '' } : v;
    }) ?? null;

  const omitted = findings.filter((f) => !keep.has(f.key)).map(({ where, name }) => ({ where, name }));
  return {
    draft: { ...draft, auth, url, pathVariables, fragment, query, headers, body: strippedBody },
    variables: vars,
    omitted,
    findings,
  };
}

function stripAuth(
  auth: RequestDraft['auth'],
  visit: (key: string, name: string, reason: string | null) => boolean,
): RequestDraft['auth'] {
  const secret = (value: string) => (value === '' || isVariableReference(value) ? null : 'name');
  if (auth.type === 'bearer') return visit('auth', 'Token', secret(auth.token)) ? { ...auth, token: '' } : auth;
  if (auth.type === 'basic' || auth.type === 'digest')
    return visit('auth', 'Password', secret(auth.password)) ? { ...auth, password: '' } : auth;
  if (auth.type === 'apikey') {
    const name = auth.key === '' ? 'API key value' : `API key value (${auth.key})`;
    return visit('auth', name, secret(auth.value)) ? { ...auth, value: '' } : auth;
  }
  if (auth.type === 'jwt') {
    const out = { ...auth };
    if (visit('auth', 'Signing key', secret(auth.key))) out.key = '';
    if (visit('auth:token', 'Signed token', secret(auth.token))) out.token = '';
    return out;
  }
  if (auth.type === 'awsv4') {
    const out = { ...auth };
    if (visit('auth', 'Secret access key', secret(auth.secretAccessKey))) out.secretAccessKey = '';
    if (visit('auth:sessionToken', 'Session token', secret(auth.sessionToken))) out.sessionToken = '';
    // The key id names the key rather than proving it, but it has a secret's shape (AKIA…) and the detector treats it so.
    const idKind = isVariableReference(auth.accessKeyId) ? null : secretValueKind(auth.accessKeyId);
    if (visit('auth:accessKeyId', 'Access key ID', idKind)) out.accessKeyId = '';
    return out;
  }
  if (auth.type === 'oauth2') {
    const out = { ...auth };
    if (visit('auth', 'Client secret', secret(auth.clientSecret))) out.clientSecret = '';
    if (visit('auth:password', 'Password', secret(auth.password))) out.password = '';
    return out;
  }
  return auth;
}

/**
 * The same rules for a target URI stored as one string (history entries keep the URL as sent):
 * userinfo password, query parameters and fragment parameters by name or value.
 * @param url e.g. `https://u:pw@api.test/x?access_token=abc#id_token=eyJ…`
 * @param keep keys the person chose to keep (`url:userinfo`, `query:<i>`, `fragment:<i>`)
 * @returns the URL with secret values emptied and the findings; never throws
 */
export function stripUrlSecrets(
  url: string,
  keep: ReadonlySet<string> = new Set(),
): { url: string; findings: SecretFinding[] } {
  const findings: SecretFinding[] = [];
  const visit =
    (where: OmittedField['where']) =>
    (key: string, name: string, reason: string | null): boolean => {
      if (!reason) return false;
      findings.push({ where, name, key, reason });
      return !keep.has(key);
    };
  const hash = url.indexOf('#');
  let rest = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? null : stripFragment(url.slice(hash + 1), visit('url'));
  const userinfo = userinfoPassword(rest);
  if (userinfo && visit('url')('url:userinfo', 'Password in URL', 'name')) rest = userinfo.before + userinfo.after;
  const q = rest.indexOf('?');
  if (q >= 0) {
    const inQuery = visit('query');
    const params = rest
      .slice(q + 1)
      .split('&')
      .map((part, i) => {
        const eq = part.indexOf('=');
        if (eq < 0) return part;
        const name = part.slice(0, eq);
        return inQuery(`query:${i}`, safeDecode(name), pairReason(name, part.slice(eq + 1))) ? `${name}=` : part;
      });
    rest = `${rest.slice(0, q)}?${params.join('&')}`;
  }
  // Listed in the order a person reads the URL: userinfo, query, fragment.
  const order = (f: SecretFinding) => (f.key === 'url:userinfo' ? 0 : f.where === 'query' ? 1 : 2);
  findings.sort((a, b) => order(a) - order(b));
  return { url: fragment === null ? rest : `${rest}#${fragment}`, findings };
}
