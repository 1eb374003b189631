/**
 * `resolveRequest()`: the ONE function from a draft to the request as sent (DESIGN §1).
 * Send, the raw view and code snippets all call it, so they cannot disagree.
 */
import type { Body, RequestDraft } from '../model/draft.ts';
import { applyAuth, authScheme } from '../auth/schemes.ts';
import { encodeBody, type EncodedBody } from '../body/encode-body.ts';
import { fileTypeWarning } from '../body/file-type.ts';
import { graphqlGetPairs } from '../graphql/encode-graphql.ts';
import { validateJson } from '../json/lossless.ts';
import { pathVariableNames, substitutePathVariables } from '../url/path-variables.ts';
import { splitTargetUri, type TypedQueryPair } from '../url/query.ts';
import { blockedPort, blockedPortMessage } from '../url/bad-port.ts';
import { substituteVariables, type VariableFault } from '../variables/substitute.ts';
import { variableFaultMessage } from './variable-problems.ts';
import type { EffectiveHeader, ResolveContext, ResolveProblem, ResolveResult } from './types.ts';
import { substituteBody, resolveTarget } from './resolve-parts.ts';
import { applyContentType, authHeaders, resolveHeaderRows, scopeHeaders } from './resolve-headers.ts';
import { effectiveAuth, inheritedHeaderRows } from './resolve-scopes.ts';
import { scopedValues, variableScopes } from '../variables/scopes.ts';
import { awsSignatureHeaders, digestFor, jarCookie, oauth2Applied } from './resolve-request-auth.ts';
import { forbiddenMethodReason, methodProblem, normalizeMethodLikeFetch } from './validate.ts';

/**
 * Bodies longer than this (UTF-16 units) are not checked as JSON here: resolveRequest runs
 * on every edit, and the editor already marks JSON errors in big bodies.
 */
const JSON_CHECK_LIMIT = 1_000_000;

/**
 * Resolves `draft` into the request exactly as it will be sent.
 *
 * Input: the draft and `ctx` (variables, file bytes, transport `proxy` (default) or
 * `direct`, optional multipart boundary). Output: `{ request, problems, unresolvedVariables }`;
 * `request` is `null` when any problem is an `error`. Pure and deterministic: the same
 * inputs give the same bytes. Never throws.
 *
 * Rules (issues 2 and 3; scopes: issue 13, docs/workspace-model.md):
 * - Scopes (`ctx.scopes`, collection then folders outer → inner): variables globals <
 *   collection < folders < environment (`ctx.variables`); each scope's enabled header rows are
 *   sent after the request's rows (innermost scope wins per name; a request row of that name
 *   wins over all), `source: 'scope'` with `from`; auth `inherit` takes the innermost scope's
 *   auth (`from` set on its field), none found → no auth.
 * - `{{name}}` is substituted in the URL, path variable values, query rows, header rows,
 *   auth fields and body (text, form and multipart fields); values using `{{other}}` are
 *   expanded too (at most 10 levels), and `{{$guid}}`-style names take `ctx.dynamic`.
 *   Undefined, cyclic (`a → b → a`), too deep or left over → one error each, naming the
 *   variable and its places; nothing is sent with `{{name}}` in it.
 * - Method: an RFC 9110 §9.1 token, case kept. Direct mode: CONNECT/TRACE/TRACK are
 *   errors; `get`, `post`… are upper-cased as `fetch` does (with a warning).
 * - URL: parsed with the WHATWG URL parser (what `fetch` uses); only http/https; no
 *   `user:pass@`. Path and host are sent as the parser normalizes them; the query is built
 *   from the enabled rows (and an API key in the query) with `encodeQueryComponent`: through
 *   the proxy as typed where RFC 3986 allows (`'` and the other sub-delims raw, as curl);
 *   direct mode as the browser's parser sends it (`'` → `%27`, said in `request.notes`);
 *   the fragment is never sent (RFC 3986 §3.5). Direct mode: a port on the Fetch
 *   standard's bad-port list (§2.9: 1, 22, 25, 6667 …) is an error, since the browser
 *   refuses it (Chromium's net::ERR_UNSAFE_PORT); the proxy sends it.
 * - Header rows: enabled, non-blank rows in order, duplicates kept; names must be tokens
 *   (RFC 9110 §5.1), values Latin-1 without CR/LF/NUL/controls (§5.5); whitespace around
 *   a value is dropped. Every problem of a row is reported (a bad name AND a bad value
 *   are two errors with the same rowId), so fixing one does not reveal another. Direct mode: forbidden request headers are warnings (with rowId and
 *   reason) and left out, because the browser would not send them.
 * - Auth: the scheme's descriptor adds its header or query pair. Rule: an enabled header
 *   row with the same name (e.g. `Authorization`) WINS; the scheme's field is not sent and
 *   a warning says so. Never two Authorization fields from Parley. Empty credentials
 *   send nothing, with a warning: a blank Bearer token, Basic with username AND password
 *   empty, an API key without a name (Key). An API key name with an empty value is sent
 *   and warned about. AWS Signature V4 is added last (`awsSignatureHeaders`), over the
 *   method, target URI, every other header field and the content octets, at the send's
 *   `ctx.dynamic.isoTimestamp` (`dynamicUsed` is then set: the views say it renews at Send).
 *   The cookie jar's Cookie field (`ctx.cookieFor`, proxy mode, unless `sendCookies` is
 *   false) comes after the other fields and before the signature; a typed Cookie row wins.
 *   Digest adds nothing to this request: `request.digest` carries the credentials for the
 *   proxy's challenge-and-response (`digestFor`); direct mode cannot, an error.
 * - Content-Type: exactly one. With no body none is sent (a typed row is left out with a
 *   warning). Otherwise the first enabled row named Content-Type (any case) wins, later
 *   ones are left out with a warning, and the body mode's default is used only when no
 *   row sets one. A typed `multipart/form-data` without boundary gets `; boundary=…`.
 *   A typed Content-Type that contradicts a multipart body (not `multipart/*`) or a
 *   form-urlencoded body (not `application/x-www-form-urlencoded`) is sent as typed (the
 *   user may mean it) with a warning on its row: the server will likely fail to parse it.
 * - Body: see `encodeBody`. Empty JSON/text/XML is no body, except with a typed
 *   Content-Type row: then 0 octets of content with that type (what `curl -d ''` sends).
 *   JSON that does not parse is a warning (checked up to 1 M
 *   characters), never blocks sending.
 *   GraphQL (docs/graphql.md): GET sends the operation as `query`, `variables`,
 *   `operationName` query parameters after the typed ones, with no content; any other method
 *   sends the JSON content of `encodeGraphqlPost`. Variables that are not a JSON object block sending.
 *   A typed Content-Length row must equal the body's octet count. Direct mode: GET/HEAD
 *   with a body is an error (fetch refuses it).
 */
export function resolveRequest(draft: RequestDraft, ctx: ResolveContext = {}): ResolveResult {
  const scopes = ctx.scopes ?? [];
  const vars =
    scopes.length === 0 && !ctx.globals?.length
      ? (ctx.variables ?? {})
      : scopedValues(
          variableScopes({
            globals: ctx.globals ?? [],
            scopes,
            environment: { name: '', values: ctx.variables ?? {} },
          }),
        );
  const files = ctx.files ?? (() => undefined);
  const direct = ctx.transport === 'direct';
  const problems: ResolveProblem[] = [];
  /** Every variable fault once (by kind, name and chain), with the places it occurs in. */
  const faults = new Map<string, { fault: VariableFault; places: string[] }>();
  const unresolvedNames: string[] = [];
  const faultyPlaces = new Set<string>();

  // Whether any `{{$…}}` may be used (directly, or in a variable's value): the preview then says the values renew at Send.
  const varsUseDynamic = Object.values(vars).some((v) => DYNAMIC_REFERENCE.test(v));
  let dynamicUsed = false;

  /** Substitutes variables (nested, dynamic), remembering each fault and where it occurred. */
  const sub = (text: string, where: string): string => {
    if (!dynamicUsed && text.includes('{{') && (varsUseDynamic || DYNAMIC_REFERENCE.test(text))) dynamicUsed = true;
    const r = substituteVariables(text, vars, ctx.dynamic);
    for (const f of r.faults) {
      const key = `${f.kind}\u0000${f.name}\u0000${f.chain.join('\u0000')}`;
      const entry = faults.get(key) ?? { fault: f, places: [] };
      if (!entry.places.includes(where)) entry.places.push(where);
      faults.set(key, entry);
      faultyPlaces.add(where);
    }
    for (const name of r.unresolved) if (!unresolvedNames.includes(name)) unresolvedNames.push(name);
    return r.text;
  };

  // Method
  let method = draft.method.trim();
  const mp = methodProblem(method);
  if (mp) problems.push({ severity: 'error', field: 'method', message: mp });
  else if (direct) {
    const reason = forbiddenMethodReason(method);
    if (reason) problems.push({ severity: 'error', field: 'method', message: reason });
    const normalized = normalizeMethodLikeFetch(method);
    if (normalized !== method) {
      problems.push({
        severity: 'warning',
        field: 'method',
        message: `The browser sends the method "${method}" as "${normalized}".`,
      });
      method = normalized;
    }
  }

  // URL and its path variables (only those the URL uses: a stale value of a removed `:name` raises nothing)
  const urlText = sub(draft.url, 'URL');
  const pathValues: Record<string, string> = {};
  for (const name of pathVariableNames(urlText)) {
    const value = draft.pathVariables[name];
    if (value !== undefined) pathValues[name] = sub(value, 'path variables');
  }
  // With an unresolved variable the URL text is not a URL yet: the variable error says enough.
  const urlHasUnresolved = faultyPlaces.has('URL') || faultyPlaces.has('path variables');
  const withPath = substitutePathVariables(urlText, pathValues);
  for (const name of withPath.missing) {
    problems.push({
      severity: 'error',
      field: 'url',
      message: `The path variable :${name} has no value. Fill it in, or write the segment percent-encoded (%3A${name}) if you mean it literally.`,
    });
  }

  // Query pairs (rows, then an API key in the query), variables substituted.
  const pairs: TypedQueryPair[] = [];
  for (const row of draft.query) {
    if (!row.enabled) continue;
    const pair: TypedQueryPair = { name: sub(row.name, 'query'), value: sub(row.value, 'query') };
    if (row.noEquals === true) pair.noEquals = true;
    pairs.push(pair);
  }

  // Header rows
  const headers = resolveHeaderRows(draft.headers, (t) => sub(t, 'headers'), direct, problems);
  headers.push(...scopeHeaders(inheritedHeaderRows(scopes, draft.headers), (t) => sub(t, 'headers'), direct, problems));

  // Auth (an inherited scheme applies with the request's variables)
  const { auth, from: authFrom } = effectiveAuth(draft.auth, scopes);
  const substitutedAuth = { ...auth };
  for (const [k, v] of Object.entries(auth)) {
    if (k !== 'type' && k !== 'in' && typeof v === 'string')
      (substitutedAuth as Record<string, string>)[k] = sub(v, 'auth');
  }
  const oauthApplied =
    substitutedAuth.type === 'oauth2' ? oauth2Applied(substitutedAuth, ctx.oauthTokenFor, ctx.now) : null;
  const applied = oauthApplied ?? applyAuth(substitutedAuth);
  if (applied.skipped) problems.push({ severity: 'warning', field: 'auth', message: applied.skipped });
  if (applied.warning) problems.push({ severity: 'warning', field: 'auth', message: applied.warning });
  for (const [name, value] of applied.query ?? []) pairs.push({ name, value });

  // GraphQL over HTTP, GET form: the operation travels in the query, after the typed pairs, and there is no content.
  const graphqlGet = draft.body.mode === 'graphql' && method.toUpperCase() === 'GET';
  if (graphqlGet && draft.body.mode === 'graphql') {
    const get = graphqlGetPairs(substituteBody(draft.body, (t) => sub(t, 'body')) as typeof draft.body);
    if ('error' in get) problems.push({ severity: 'error', field: 'body', message: get.error });
    else pairs.push(...get.pairs);
  }

  const typedBase = splitTargetUri(withPath.url.trim());
  const allPairs = [...typedBase.query, ...pairs];
  const target = urlHasUnresolved ? null : resolveTarget(typedBase.url, allPairs, direct ? 'direct' : 'proxy');
  const notes = direct ? browserQueryNotes(allPairs) : [];
  if (target && 'problem' in target) problems.push({ severity: 'error', field: 'url', message: target.problem });
  const badPort = direct && target && 'url' in target ? blockedPort(target.url) : null;
  if (badPort !== null) problems.push({ severity: 'error', field: 'url', message: blockedPortMessage(badPort) });

  // Auth headers: a typed row with the same name wins.
  const authFields = authHeaders(applied.headers ?? [], headers, authScheme(auth.type).label, direct, problems);
  headers.push(...(authFrom ? authFields.map((h) => ({ ...h, from: authFrom })) : authFields));

  // Body and Content-Type
  const body: Body = graphqlGet ? { mode: 'none' } : substituteBody(draft.body, (t) => sub(t, 'body'));
  const encoded = emptyContentWhenTyped(encodeBody(body, files, ctx.boundary), body.mode, headers);
  for (const e of encoded.errors)
    problems.push({ severity: 'error', field: 'body', rowId: e.rowId, message: e.message });
  if (body.mode === 'multipart') {
    for (const p of body.parts) {
      const warning = p.enabled && p.kind === 'file' ? fileTypeWarning(p.file) : null;
      if (warning) problems.push({ severity: 'warning', field: 'body', rowId: p.id, message: warning });
    }
  }
  if (body.mode === 'json' && body.text !== '' && body.text.length <= JSON_CHECK_LIMIT && faults.size === 0) {
    const err = validateJson(body.text);
    if (err)
      problems.push({
        severity: 'warning',
        field: 'body',
        message: `The JSON body does not parse (${err.message}); it is sent as typed.`,
      });
  }
  const finalHeaders = applyContentType(headers, encoded.bytes !== null, encoded.contentType, problems, body.mode);
  if (encoded.bytes !== null && direct && ['GET', 'HEAD'].includes(method.toUpperCase())) {
    problems.push({
      severity: 'error',
      field: 'body',
      message: `Browsers cannot send a ${method.toUpperCase()} request with a body. Use the proxy, or choose body type None.`,
    });
  }
  const length = encoded.bytes?.length ?? 0;
  for (const h of finalHeaders) {
    if (h.name.toLowerCase() === 'content-length' && h.value !== String(length)) {
      problems.push({
        severity: 'error',
        field: 'header',
        rowId: h.rowId,
        message: `Content-Length says ${h.value} but the body is ${length} octets. Remove the row and Parley sets it.`,
      });
    }
  }

  // The cookie jar's Cookie field (proxy mode), before the signature that covers it.
  if (!direct && ctx.cookieFor && draft.sendCookies !== false && target && 'url' in target)
    finalHeaders.push(...jarCookie(target.url, ctx.cookieFor, finalHeaders, problems));
  // AWS Signature V4 last: it covers every other field and the content as sent.
  const awsAuth = substitutedAuth.type === 'awsv4' && !applied.skipped ? substitutedAuth : null;
  if (awsAuth && target && 'url' in target && !problems.some((p) => p.severity === 'error')) {
    const request = { method, url: target.url, headers: finalHeaders, body: encoded.bytes };
    finalHeaders.push(...awsSignatureHeaders(awsAuth, request, ctx.dynamic?.isoTimestamp, direct, problems));
    dynamicUsed = true;
  }

  const digest = applied.challenge ? digestFor(applied.challenge, finalHeaders, direct, problems, notes) : undefined;

  const unresolvedVariables = unresolvedNames;
  for (const { fault, places } of mergePlaces(faults)) {
    problems.push({ severity: 'error', field: 'variable', message: variableFaultMessage(fault, places) });
  }
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    request:
      ok && target && 'url' in target
        ? {
            method,
            url: target.url,
            headers: finalHeaders,
            body: encoded.bytes,
            ...(notes.length > 0 ? { notes } : {}),
            ...(encoded.files && encoded.bytes !== null ? { files: encoded.files } : {}),
            ...(digest ? { digest } : {}),
          }
        : null,
    problems,
    unresolvedVariables,
    ...(dynamicUsed ? { dynamicUsed: true as const } : {}),
    ...(oauthApplied && substitutedAuth.type === 'oauth2'
      ? { oauth2: { auth: substitutedAuth, key: oauthApplied.key, from: authFrom } }
      : {}),
  };
}

/** `{{$name}}` (spaces allowed inside the braces). */
const DYNAMIC_REFERENCE = /\{\{\s*\$/;

/**
 * What the browser's URL parser sends differently from the query as typed (direct mode):
 * `'` becomes `%27` (WHATWG URL, special-query percent-encode set); the proxy sends it raw.
 */
function browserQueryNotes(pairs: TypedQueryPair[]): string[] {
  return pairs.some((p) => p.name.includes("'") || p.value.includes("'"))
    ? ["The browser sends %27 for ' in the query (WHATWG URL parser); through the proxy it is sent as typed."]
    : [];
}

/**
 * One entry per fault kind and name, the places of its chains joined: `{{host}}` missing in
 * the URL directly and in a header through `{{baseUrl}}` is one problem naming both places.
 */
function mergePlaces(
  faults: Map<string, { fault: VariableFault; places: string[] }>,
): { fault: VariableFault; places: string[] }[] {
  const merged = new Map<string, { fault: VariableFault; places: string[] }>();
  for (const { fault, places } of faults.values()) {
    const key =
      fault.kind === 'cycle'
        ? `cycle\u0000${[...fault.chain].sort().join('\u0000')}`
        : `${fault.kind}\u0000${fault.name}`;
    const through =
      fault.kind === 'undefined' && fault.chain.length > 0 ? ` through {{${fault.chain.join('}} → {{')}}}` : '';
    const entry = merged.get(key) ?? { fault, places: [] };
    for (const p of places) if (!entry.places.includes(p + through)) entry.places.push(p + through);
    merged.set(key, entry);
  }
  return [...merged.values()];
}

/**
 * An empty JSON/text/XML body is no body — unless the user typed an enabled Content-Type
 * row: then it is content of 0 octets with that type, as `curl -d ''` sends
 * (`Content-Type: application/x-www-form-urlencoded`, `Content-Length: 0`).
 */
function emptyContentWhenTyped(encoded: EncodedBody, mode: Body['mode'], headers: EffectiveHeader[]): EncodedBody {
  if (encoded.bytes !== null || encoded.errors.length > 0 || !['json', 'text', 'xml'].includes(mode)) return encoded;
  const typed = headers.some((h) => h.source === 'user' && h.name.toLowerCase() === 'content-type');
  return typed ? { ...encoded, bytes: new Uint8Array(0) } : encoded;
}
