/**
 * One Insomnia request or request group (folder) → the interop tree. The fields are the same in
 * the v4 JSON export and the v5 YAML file: `method`, `url`, `parameters` (query pairs Insomnia
 * appends to the URL), `pathParameters`, `headers`, `body { mimeType, text | params | fileName }`,
 * `authentication { type, disabled, … }`, scripts, `description`. Template text goes through
 * {@link insomniaTemplate}; whatever Parley cannot carry is reported, never silently dropped.
 * Never throws.
 */
import type { Body, KeyValueRow, MultipartPart, RequestDraft } from '../../model/draft.ts';
import { blankDraft } from '../../model/defaults.ts';
import { newId } from '../../model/ids.ts';
import { splitTargetUri } from '../../url/query.ts';
import { draftAuthOf } from '../postman/auth.ts';
import { asArray, asObject, asText, kvRow, queryRow } from '../rows.ts';
import { joinPath, type Report, type Scripts, type TreeAuth, type TreeDefaults, type TreeRequest } from '../tree.ts';
import { flattenEnvironmentData, insomniaTemplate } from './template.ts';

/** Reads template text and reports each untranslated tag under `path`. */
export class TemplateReader {
  constructor(private readonly report: Report) {}
  read(value: unknown, path: string[], field: string): string {
    const r = insomniaTemplate(asText(value));
    for (const tag of new Set(r.untranslated))
      this.report.notCarried(
        joinPath(path, field),
        `The Insomnia tag {% ${tag} %} cannot run in Parley; it is left as typed: replace it with a value or a variable.`,
      );
    return r.text;
  }
}

function pairs(v: unknown, t: TemplateReader, path: string[], field: string): KeyValueRow[] {
  return asArray(v).flatMap((p) => {
    const o = asObject(p);
    if (!o) return [];
    const name = t.read(o.name, path, field);
    if (name === '' && asText(o.value) === '') return [];
    return [kvRow(name, t.read(o.value, path, field), o.disabled !== true)];
  });
}

/** Insomnia `authentication` → tree auth (`null` = inherit) plus header/query rows it becomes. */
export function readInsomniaAuth(
  v: unknown,
  path: string[],
  report: Report,
  t: TemplateReader,
): { auth: TreeAuth; headers: KeyValueRow[]; query: KeyValueRow[] } {
  const o = asObject(v);
  const none = { headers: [], query: [] };
  if (!o || typeof o.type !== 'string' || o.type === '') return { auth: null, ...none };
  const get = (k: string) => t.read(o[k], path, 'auth');
  if (o.disabled === true) {
    report.changed(joinPath(path, `auth (${o.type})`), 'The auth is turned off in Insomnia: imported as no auth.');
    return { auth: { type: 'none' }, ...none };
  }
  switch (o.type) {
    case 'none':
      return { auth: { type: 'none' }, ...none };
    case 'basic':
      if (o.useISO88591 === true)
        report.changed(joinPath(path, 'auth (basic)'), 'Insomnia encoded it as ISO-8859-1; Parley sends UTF-8.');
      return { auth: { type: 'basic', username: get('username'), password: get('password') }, ...none };
    case 'bearer': {
      const prefix = get('prefix');
      if (prefix === '' || prefix === 'Bearer') return { auth: { type: 'bearer', token: get('token') }, ...none };
      report.changed(
        joinPath(path, 'auth (bearer)'),
        `The token prefix "${prefix}" is written as an Authorization header field, which sends the same.`,
      );
      return { auth: { type: 'none' }, headers: [kvRow('Authorization', `${prefix} ${get('token')}`)], query: [] };
    }
    case 'apikey': {
      const addTo = asText(o.addTo);
      if (addTo === 'cookie') {
        report.changed(joinPath(path, 'auth (apikey)'), 'The API key in a cookie is written as a Cookie header field.');
        return { auth: { type: 'none' }, headers: [kvRow('Cookie', `${get('key')}=${get('value')}`)], query: [] };
      }
      return {
        auth: {
          type: 'apikey',
          key: get('key'),
          value: get('value'),
          in: addTo === 'queryParams' ? 'query' : 'header',
        },
        ...none,
      };
    }
    case 'digest':
      return { auth: { type: 'digest', username: get('username'), password: get('password') }, ...none };
    case 'iam':
      return {
        auth: {
          type: 'awsv4',
          accessKeyId: get('accessKeyId'),
          secretAccessKey: get('secretAccessKey'),
          sessionToken: get('sessionToken'),
          region: get('region'),
          service: get('service'),
        },
        ...none,
      };
    default: {
      const params = Object.entries(o)
        .filter(([k, x]) => k !== 'type' && k !== 'disabled' && (typeof x === 'string' || typeof x === 'boolean'))
        .map(([k, x]): [string, string] => [k, String(x)]);
      report.notCarried(
        joinPath(path, `auth (${o.type})`),
        `Parley has no ${o.type} auth yet: requests that use it are sent without auth.`,
      );
      return { auth: { type: 'foreign', scheme: o.type, params }, ...none };
    }
  }
}

/** Insomnia `body` → a Parley body. */
function readBody(v: unknown, path: string[], report: Report, t: TemplateReader): Body {
  const o = asObject(v);
  if (!o) return { mode: 'none' };
  const mime = asText(o.mimeType).toLowerCase().split(';')[0]!.trim();
  const text = t.read(o.text, path, 'body');
  if (mime === 'application/x-www-form-urlencoded')
    return { mode: 'form-urlencoded', fields: pairs(o.params, t, path, 'body') };
  if (mime === 'multipart/form-data') {
    const parts = asArray(o.params).flatMap((p): MultipartPart[] => {
      const q = asObject(p);
      if (!q) return [];
      const name = t.read(q.name, path, 'body');
      const enabled = q.disabled !== true;
      if (q.type === 'file') {
        report.changed(
          joinPath(path, `body part ${name}`),
          `The file ${asText(q.fileName) || '(none)'} is not in the export: choose it again.`,
        );
        return [{ id: newId(), name, enabled, kind: 'file', value: '', contentType: '', file: null }];
      }
      return [
        { id: newId(), name, enabled, kind: 'text', value: t.read(q.value, path, 'body'), contentType: '', file: null },
      ];
    });
    return { mode: 'multipart', parts };
  }
  if (mime === 'application/octet-stream' || (mime === '' && asText(o.fileName) !== '')) {
    report.changed(
      joinPath(path, 'body'),
      `The file ${asText(o.fileName) || '(none)'} is not in the export: choose it again as the binary body.`,
    );
    return { mode: 'binary', file: null };
  }
  if (mime === 'application/graphql') {
    report.changed(
      joinPath(path, 'body'),
      'The GraphQL body is sent as Insomnia sends it: JSON {"query","variables"}.',
    );
    return { mode: 'json', text };
  }
  if (text === '') return { mode: 'none' };
  if (/json/.test(mime)) return { mode: 'json', text };
  if (/xml/.test(mime)) return { mode: 'xml', text };
  return { mode: 'text', text };
}

/** Scripts: v4 `preRequestScript`/`afterResponseScript`, v5 `scripts { preRequest, afterResponse }`. */
export function readInsomniaScripts(o: Record<string, unknown>, path: string[], report: Report): Scripts {
  const s = asObject(o.scripts) ?? {};
  const scripts = {
    preRequest: asText(o.preRequestScript) || asText(s.preRequest),
    postResponse: asText(o.afterResponseScript) || asText(s.afterResponse),
  };
  if (scripts.preRequest || scripts.postResponse)
    report.changed(
      joinPath(path, 'scripts'),
      "Scripts are kept as written; they use Insomnia's `insomnia.*` API, check them in the Scripts tab.",
    );
  return scripts;
}

/** A request group's (or v5 folder's) defaults: environment → variables, headers, auth, scripts. */
export function readInsomniaFolderDefaults(
  o: Record<string, unknown>,
  path: string[],
  report: Report,
  t: TemplateReader,
): TreeDefaults {
  const auth = readInsomniaAuth(o.authentication, path, report, t);
  return {
    headers: [...pairs(o.headers, t, path, 'headers'), ...auth.headers],
    auth: auth.auth,
    variables: flattenEnvironmentData(o.environment).map(([n, v]) => kvRow(n, v)),
    scripts: readInsomniaScripts(o, path, report),
  };
}

/** One Insomnia request (`_type: request` in v4; an item with `url`/`method` in v5). */
export function readInsomniaRequest(
  o: Record<string, unknown>,
  parents: string[],
  report: Report,
  t: TemplateReader,
): TreeRequest {
  const name = asText(o.name) || 'Untitled request';
  const path = [...parents, name];
  const method = asText(o.method).toUpperCase() || 'GET';
  const split = splitTargetUri(t.read(o.url, path, 'URL'));
  const params = pairs(o.parameters, t, path, 'query');
  const auth = readInsomniaAuth(o.authentication, path, report, t);
  const pathVariables = Object.fromEntries(
    asArray(o.pathParameters).flatMap((p) => {
      const q = asObject(p);
      return q ? [[asText(q.name), t.read(q.value, path, 'path')]] : [];
    }),
  );
  const settings = asObject(o.settings) ?? {};
  if (o.settingEncodeUrl === false || settings.encodeUrl === false)
    report.changed(joinPath(path, 'settings'), 'Insomnia sent this URL unencoded; Parley encodes the query as typed.');
  const body = readBody(o.body, path, report, t);
  let headers = [...pairs(o.headers, t, path, 'headers'), ...auth.headers];
  // Insomnia replaces its `Content-Type: multipart/form-data` row with one carrying the boundary
  // it makes; Parley does the same when no row is typed, so the row without a boundary goes.
  if (body.mode === 'multipart')
    headers = headers.filter((h) => !(/^content-type$/i.test(h.name) && !/boundary=/i.test(h.value)));
  const draft: RequestDraft = {
    ...blankDraft(),
    method,
    url: split.url,
    query: [
      ...split.query.map((q) => queryRow(q.name, q.value, true, q.noEquals === true)),
      ...[...params, ...auth.query].map((r) => queryRow(r.name, r.value, r.enabled)),
    ],
    fragment: split.fragment,
    pathVariables,
    headers,
    body,
    auth: draftAuthOf(auth.auth),
  };
  report.imported(joinPath(path), `${method} ${asText(o.url)}`);
  return {
    kind: 'request',
    name,
    description: asText(o.description),
    draft,
    auth: auth.auth,
    scripts: readInsomniaScripts(o, path, report),
    examples: [],
  };
}
