/**
 * The interop tree → Postman Collection v2.1 JSON text (schema v2.1.0). Writes every field
 * the tree holds: folders in order, URL as `raw` plus `host`/`path`/`query` (disabled rows
 * kept) and path `variable`s, headers (disabled kept), bodies with their mode and raw
 * language, auth at each level (`noauth` vs. inherit kept apart), variables, scripts as
 * `event`s, descriptions and saved responses. Pure; never throws.
 */
import type { Body, KeyValueRow, RequestDraft } from '../../model/draft.ts';
import { urlFieldText } from '../../url/query.ts';
import type { SavedExample, Scripts, TreeCollection, TreeDefaults, TreeItem, TreeRequest } from '../tree.ts';
import { writePostmanAuth } from './auth.ts';

export const POSTMAN_V21_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const headerList = (rows: KeyValueRow[]) =>
  rows.map((h) => ({ key: h.name, value: h.value, ...(h.enabled ? {} : { disabled: true }) }));

function events(s: Scripts): unknown[] | undefined {
  const out: unknown[] = [];
  if (s.preRequest)
    out.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: s.preRequest.split('\n') } });
  if (s.postResponse)
    out.push({ listen: 'test', script: { type: 'text/javascript', exec: s.postResponse.split('\n') } });
  return out.length ? out : undefined;
}

function bodyOf(body: Body): Record<string, unknown> | undefined {
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'json':
    case 'xml':
    case 'text':
      return { mode: 'raw', raw: body.text, options: { raw: { language: body.mode } } };
    case 'form-urlencoded':
      return { mode: 'urlencoded', urlencoded: headerList(body.fields) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((p) => ({
          key: p.name,
          ...(p.kind === 'file' ? { type: 'file', src: p.file?.fileName ?? '' } : { type: 'text', value: p.value }),
          ...(p.contentType ? { contentType: p.contentType } : {}),
          ...(p.enabled ? {} : { disabled: true }),
        })),
      };
    case 'binary':
      return { mode: 'file', file: { src: body.file?.fileName ?? '' } };
    case 'graphql':
      // Postman v2.1 keeps the variables as JSON text; the operation name has no place there.
      return { mode: 'graphql', graphql: { query: body.query, variables: body.variables } };
  }
}

/** A draft's URL as a Postman URL object. */
export function postmanUrl(d: RequestDraft): Record<string, unknown> {
  const raw = urlFieldText(d);
  // Without a scheme (`{{baseUrl}}/users`) Postman takes the first segment as the host.
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)(.*)$/.exec(d.url);
  const hostPort = m?.[2] ?? '';
  const portAt = hostPort.lastIndexOf(':');
  const host = portAt > 0 && !hostPort.endsWith(']') ? hostPort.slice(0, portAt) : hostPort;
  const path = (m?.[3] ?? '').replace(/^\//, '');
  const vars = Object.entries(d.pathVariables);
  return {
    raw,
    ...(m?.[1] ? { protocol: m[1] } : {}),
    host: host === '' ? [] : host.split('.'),
    ...(portAt > 0 && host !== hostPort ? { port: hostPort.slice(portAt + 1) } : {}),
    path: path === '' ? [] : path.split('/'),
    ...(d.query.length
      ? {
          query: d.query.map((q) => ({
            key: q.name,
            value: q.noEquals === true && q.value === '' ? null : q.value,
            ...(q.enabled ? {} : { disabled: true }),
          })),
        }
      : {}),
    ...(vars.length ? { variable: vars.map(([key, value]) => ({ key, value })) } : {}),
    ...(d.fragment !== null ? { hash: d.fragment } : {}),
  };
}

function example(e: SavedExample, d: RequestDraft): Record<string, unknown> {
  return {
    name: e.name,
    originalRequest: { method: d.method, header: headerList(d.headers), url: postmanUrl(d) },
    status: e.reasonPhrase,
    code: e.status,
    header: e.headers.map(([key, value]) => ({ key, value })),
    body: e.body,
  };
}

function requestItem(r: TreeRequest): Record<string, unknown> {
  const d = r.draft;
  const auth = writePostmanAuth(r.auth);
  const body = bodyOf(d.body);
  return {
    name: r.name,
    ...(events(r.scripts) ? { event: events(r.scripts) } : {}),
    request: {
      ...(auth ? { auth } : {}),
      method: d.method,
      header: headerList(d.headers),
      ...(body ? { body } : {}),
      url: postmanUrl(d),
      ...(r.description ? { description: r.description } : {}),
    },
    response: r.examples.map((e) => example(e, d)),
  };
}

function scopeFields(defaults: TreeDefaults): Record<string, unknown> {
  const auth = writePostmanAuth(defaults.auth);
  const ev = events(defaults.scripts);
  return {
    ...(auth ? { auth } : {}),
    ...(ev ? { event: ev } : {}),
    ...(defaults.variables.length
      ? {
          variable: defaults.variables.map((v) => ({
            key: v.name,
            value: v.value,
            ...(v.enabled ? {} : { disabled: true }),
          })),
        }
      : {}),
  };
}

function items(list: TreeItem[]): unknown[] {
  return list.map((i) =>
    i.kind === 'request'
      ? requestItem(i)
      : {
          name: i.name,
          ...(i.description ? { description: i.description } : {}),
          item: items(i.items),
          ...scopeFields(i.defaults),
        },
  );
}

/**
 * Writes a collection as Postman v2.1 JSON (2-space indented). Scope header defaults have no
 * Postman counterpart: they are written into each request below (the caller reports that).
 * @param postmanId the `info._postman_id` to write (a UUID)
 */
export function exportPostman(c: TreeCollection, postmanId: string): string {
  return JSON.stringify(
    {
      info: {
        _postman_id: postmanId,
        name: c.name,
        ...(c.description ? { description: c.description } : {}),
        schema: POSTMAN_V21_SCHEMA,
      },
      item: items(c.items),
      ...scopeFields(c.defaults),
    },
    null,
    2,
  );
}
