/**
 * The interop tree → an OpenAPI 3.1 document (JSON text): one operation per request, paths from
 * the request URLs (`{{baseUrl}}` or the common origin → `servers`, `:id` → `{id}`), the folder
 * names as tags, query/header rows and path variables as parameters with their values as
 * `example`, the body as `requestBody` with its media type and example, saved examples as
 * responses. Two requests with the same method and path: the later one is returned in `notes`.
 */
import type { Body, RequestDraft } from '../../model/draft.ts';
import { joinPath, walkRequests, type TreeCollection } from '../tree.ts';

export interface OpenApiExport {
  text: string;
  notes: { path: string; message: string }[];
}

const MEDIA: Partial<Record<Body['mode'], string>> = {
  json: 'application/json',
  xml: 'application/xml',
  text: 'text/plain',
  'form-urlencoded': 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
  binary: 'application/octet-stream',
};

function requestBody(d: RequestDraft): Record<string, unknown> | undefined {
  const b = d.body;
  const typed = d.headers.find((h) => h.enabled && h.name.toLowerCase() === 'content-type')?.value;
  const media = typed ?? MEDIA[b.mode];
  if (b.mode === 'none' || !media) return undefined;
  let example: unknown;
  if (b.mode === 'json') {
    try {
      example = JSON.parse(b.text);
    } catch {
      example = b.text;
    }
  } else if (b.mode === 'text' || b.mode === 'xml') example = b.text;
  else if (b.mode === 'form-urlencoded')
    example = Object.fromEntries(b.fields.filter((f) => f.enabled).map((f) => [f.name, f.value]));
  else if (b.mode === 'multipart')
    return {
      content: {
        [media]: {
          schema: {
            type: 'object',
            properties: Object.fromEntries(
              b.parts
                .filter((p) => p.enabled)
                .map((p) => [
                  p.name,
                  p.kind === 'file' ? { type: 'string', format: 'binary' } : { type: 'string', example: p.value },
                ]),
            ),
          },
        },
      },
    };
  else return { content: { [media]: { schema: { type: 'string', format: 'binary' } } } };
  return { content: { [media]: { example } } };
}

/** Splits `{{baseUrl}}/users/:id` or `https://h/v1/users/:id` into server and OpenAPI path. */
function splitServer(url: string): { server: string; path: string } {
  const v = /^(\{\{[^}]+\}\})(.*)$/.exec(url);
  if (v) return { server: v[1]!, path: v[2] || '/' };
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(url);
  return m ? { server: m[1]!, path: m[2] || '/' } : { server: '', path: url.startsWith('/') ? url : `/${url}` };
}

type SchemeEntry = [name: string, scheme: Record<string, unknown>];

/** A Parley auth → a security scheme (bearer, basic, apiKey); others have none. */
function securityScheme(a: TreeCollection['defaults']['auth']): SchemeEntry | null {
  if (!a) return null;
  if (a.type === 'bearer') return ['bearerAuth', { type: 'http', scheme: 'bearer' }];
  if (a.type === 'basic') return ['basicAuth', { type: 'http', scheme: 'basic' }];
  if (a.type === 'apikey') return [`apiKey_${a.key}`, { type: 'apiKey', in: a.in, name: a.key }];
  return null;
}

/** @param version the document's `info.version` */
export function exportOpenApi(c: TreeCollection, version = '1.0.0'): OpenApiExport {
  const notes: OpenApiExport['notes'] = [];
  const paths: Record<string, Record<string, unknown>> = {};
  const servers = new Set<string>();
  const tags: string[] = [];
  const baseUrl = c.defaults.variables.find((v) => v.name === 'baseUrl')?.value;
  const schemes: Record<string, unknown> = {};
  const root = securityScheme(c.defaults.auth);
  if (root) schemes[root[0]] = root[1];
  for (const { request, folders } of walkRequests(c.items)) {
    const where = joinPath(
      folders.map((f) => f.name),
      request.name,
    );
    const d = request.draft;
    const { server, path } = splitServer(d.url);
    servers.add(server === '{{baseUrl}}' && baseUrl ? baseUrl : server);
    const oaPath = path.replace(/\/:([A-Za-z0-9_][A-Za-z0-9_.-]*)/g, '/{$1}');
    const method = d.method.toLowerCase();
    const item = (paths[oaPath] ??= {});
    if (item[method]) {
      notes.push({ path: where, message: `Another request already is ${d.method} ${oaPath}; this one was left out.` });
      continue;
    }
    const tag = folders.map((f) => f.name).join(' / ');
    if (tag && !tags.includes(tag)) tags.push(tag);
    const parameters = [
      ...Object.entries(d.pathVariables).map(([name, value]) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
        example: value,
      })),
      ...d.query
        .filter((q) => q.enabled)
        .map((q) => ({ name: q.name, in: 'query', schema: { type: 'string' }, example: q.value })),
      ...d.headers
        .filter((h) => h.enabled && !/^(content-type|authorization)$/i.test(h.name))
        .map((h) => ({ name: h.name, in: 'header', schema: { type: 'string' }, example: h.value })),
    ];
    const body = requestBody(d);
    // Auth set on the request (or on a folder above it) differs from the document's: the operation says so.
    const own = request.auth ?? [...folders].reverse().find((f) => f.defaults.auth)?.defaults.auth ?? null;
    let security: unknown[] | undefined;
    if (own) {
      const sch = securityScheme(own);
      if (sch) schemes[sch[0]] = sch[1];
      if (own.type === 'none') security = [];
      else if (sch && sch[0] !== root?.[0]) security = [{ [sch[0]]: [] }];
      else if (!sch && own.type === 'foreign')
        notes.push({
          path: where,
          message: `Its ${own.scheme} auth has no OpenAPI security scheme here; it was left out.`,
        });
    }
    const responses: Record<string, unknown> = {};
    for (const e of request.examples) {
      const type = e.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'text/plain';
      let example: unknown = e.body;
      if (/json/i.test(type))
        try {
          example = JSON.parse(e.body);
        } catch {
          example = e.body;
        }
      responses[String(e.status || 'default')] ??= {
        description: e.name || e.reasonPhrase || 'Example',
        content: { [type]: { example } },
      };
    }
    if (!Object.keys(responses).length) responses.default = { description: 'Response' };
    item[method] = {
      summary: request.name,
      ...(request.description ? { description: request.description } : {}),
      ...(tag ? { tags: [tag] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      ...(security ? { security } : {}),
      responses,
    };
  }
  servers.delete('');
  const doc = {
    openapi: '3.1.0',
    info: { title: c.name, version, ...(c.description ? { description: c.description } : {}) },
    ...(servers.size ? { servers: [...servers].map((url) => ({ url })) } : {}),
    ...(tags.length ? { tags: tags.map((name) => ({ name })) } : {}),
    ...(root ? { security: [{ [root[0]]: [] }] } : {}),
    paths,
    ...(Object.keys(schemes).length ? { components: { securitySchemes: schemes } } : {}),
  };
  return { text: JSON.stringify(doc, null, 2), notes };
}
