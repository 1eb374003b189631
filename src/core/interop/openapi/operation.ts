/**
 * One OpenAPI/Swagger operation → a tree request: `{param}` path segments become `:param`
 * path variables, query/header parameters become rows (value from `example`, `examples`,
 * the schema's example/default; rows of optional parameters without a value are off),
 * cookie parameters one `Cookie` row, and the request body comes from the first media type
 * (JSON preferred) with its example or a sample generated from the schema.
 */
import type { Body, KeyValueRow, MultipartPart, QueryRow } from '../../model/draft.ts';
import { blankDraft } from '../../model/defaults.ts';
import { newId } from '../../model/ids.ts';
import { asArray, asObject, asText, kvRow, queryRow, valueText } from '../rows.ts';
import { emptyScripts, joinPath, type Report, type SavedExample, type TreeRequest } from '../tree.ts';
import type { RefResolver } from './refs.ts';
import { sampleFromSchema } from './sample.ts';

export interface OperationInput {
  method: string;
  path: string;
  op: Record<string, unknown>;
  /** Parameters of the path item (shared by its operations). */
  pathParams: unknown[];
  swagger2: boolean;
  /** Swagger 2.0 `consumes` in force. */
  consumes: string[];
  refs: RefResolver;
  report: Report;
  /** Folder path of the request, for report lines. */
  parents: string[];
}

/** A parameter's value as text: example, first of examples, schema example/default, or `''`. */
function paramValue(p: Record<string, unknown>, refs: RefResolver): string | null {
  const ex =
    'example' in p
      ? p.example
      : Object.values(asObject(p.examples) ?? {}).map((e) => asObject(refs.deref(e))?.value)[0];
  const schema = asObject(refs.deref(p.schema)) ?? p;
  const v =
    ex !== undefined
      ? ex
      : 'example' in schema
        ? schema.example
        : 'default' in schema
          ? schema.default
          : asArray(schema.enum)[0];
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? v.map(valueText).join(',') : valueText(v);
}

function jsonText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}

/** The first media type, JSON-like ones first. */
function pickMedia(content: Record<string, unknown>): [string, Record<string, unknown>] | null {
  const types = Object.keys(content);
  const t = types.find((x) => /^application\/(.+\+)?json/i.test(x)) ?? types[0];
  return t === undefined ? null : [t, asObject(content[t]) ?? {}];
}

function mediaExample(media: Record<string, unknown>, refs: RefResolver): unknown {
  if ('example' in media) return media.example;
  const first = Object.values(asObject(media.examples) ?? {})[0];
  if (first !== undefined) return asObject(refs.deref(first))?.value;
  return sampleFromSchema(media.schema, refs);
}

/** Body from a media type (3.x `content[type]`, or a 2.0 body parameter's schema). */
function bodyFor(type: string, media: Record<string, unknown>, refs: RefResolver): Body {
  const mt = type.toLowerCase();
  const example = mediaExample(media, refs);
  if (mt === 'application/x-www-form-urlencoded' || mt === 'multipart/form-data') {
    const obj = asObject(example) ?? {};
    const props = asObject(asObject(refs.deref(media.schema))?.properties) ?? {};
    if (mt === 'application/x-www-form-urlencoded')
      return {
        mode: 'form-urlencoded',
        fields: Object.entries(obj).map(([k, v]) => kvRow(k, valueText(v))),
      };
    const parts: MultipartPart[] = Object.entries(obj).map(([k, v]) => {
      const p = asObject(refs.deref(props[k]));
      const file = p?.format === 'binary' || p?.format === 'base64' || p?.type === 'file';
      return {
        id: newId(),
        name: k,
        enabled: true,
        kind: file ? 'file' : 'text',
        value: file ? '' : valueText(v),
        contentType: '',
        file: null,
      };
    });
    return { mode: 'multipart', parts };
  }
  if (example === undefined) return { mode: 'none' };
  if (/json/.test(mt)) return { mode: 'json', text: jsonText(example) };
  if (/xml/.test(mt)) return { mode: 'xml', text: typeof example === 'string' ? example : '' };
  if (mt === 'application/octet-stream') return { mode: 'binary', file: null };
  return { mode: 'text', text: typeof example === 'string' ? example : jsonText(example) };
}

const DEFAULT_TYPE: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  'form-urlencoded': 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
  binary: 'application/octet-stream',
};

function examplesOf(op: Record<string, unknown>, refs: RefResolver): SavedExample[] {
  const out: SavedExample[] = [];
  for (const [code, raw] of Object.entries(asObject(op.responses) ?? {})) {
    const r = asObject(refs.deref(raw));
    const status = Number(code);
    if (!r || !Number.isInteger(status)) continue;
    const content = asObject(r.content);
    const picked = content ? pickMedia(content) : null;
    const ex = picked
      ? 'example' in picked[1]
        ? picked[1].example
        : Object.values(asObject(picked[1].examples) ?? {}).map((e) => asObject(refs.deref(e))?.value)[0]
      : Object.values(asObject(r.examples) ?? {})[0];
    if (ex === undefined) continue;
    out.push({
      name: asText(r.description) || code,
      status,
      reasonPhrase: '',
      headers: picked ? [['Content-Type', picked[0]]] : [],
      body: jsonText(ex),
    });
  }
  return out;
}

/** Builds the request of one operation; reports what it changes. Never throws. */
export function operationRequest(input: OperationInput): TreeRequest {
  const { op, refs, report } = input;
  const method = input.method.toUpperCase();
  const name = asText(op.summary) || asText(op.operationId) || `${method} ${input.path}`;
  const path = [...input.parents, name];
  const byKey = new Map<string, Record<string, unknown>>();
  for (const raw of [...input.pathParams, ...asArray(op.parameters)]) {
    const p = asObject(refs.deref(raw));
    if (p) byKey.set(`${asText(p.in)}:${asText(p.name)}`, p);
  }
  const query: QueryRow[] = [];
  const headers: KeyValueRow[] = [];
  const cookies: string[] = [];
  const pathVariables: Record<string, string> = {};
  let body: Body = { mode: 'none' };
  let bodyType = '';
  const formFields: [string, Record<string, unknown>][] = [];
  for (const p of byKey.values()) {
    const pname = asText(p.name);
    const value = paramValue(p, refs);
    const on = p.required === true || value !== null;
    switch (p.in) {
      case 'path':
        pathVariables[pname] = value ?? '';
        break;
      case 'query':
        query.push(queryRow(pname, value ?? '', on));
        break;
      case 'header':
        headers.push(kvRow(pname, value ?? '', on));
        break;
      case 'cookie':
        cookies.push(`${pname}=${value ?? ''}`);
        break;
      case 'body': {
        bodyType = input.consumes.find((c) => /json/i.test(c)) ?? input.consumes[0] ?? 'application/json';
        body = bodyFor(bodyType, { schema: p.schema, ...('x-example' in p ? { example: p['x-example'] } : {}) }, refs);
        break;
      }
      case 'formData':
        formFields.push([pname, p]);
        break;
    }
  }
  if (cookies.length) {
    headers.push(kvRow('Cookie', cookies.join('; ')));
    report.changed(joinPath(path, 'cookie parameters'), 'Cookie parameters were put into one Cookie header field.');
  }
  if (formFields.length) {
    const multipart = input.consumes.includes('multipart/form-data') || formFields.some(([, p]) => p.type === 'file');
    bodyType = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
    body = multipart
      ? {
          mode: 'multipart',
          parts: formFields.map(([n, p]) => ({
            id: newId(),
            name: n,
            enabled: p.required === true,
            kind: p.type === 'file' ? 'file' : 'text',
            value: paramValue(p, refs) ?? '',
            contentType: '',
            file: null,
          })),
        }
      : {
          mode: 'form-urlencoded',
          fields: formFields.map(([n, p]) =>
            kvRow(n, paramValue(p, refs) ?? '', p.required === true || paramValue(p, refs) !== null),
          ),
        };
  }
  const rb = asObject(refs.deref(op.requestBody));
  const picked = rb ? pickMedia(asObject(rb.content) ?? {}) : null;
  if (picked) {
    bodyType = picked[0];
    body = bodyFor(picked[0], picked[1], refs);
  }
  if (body.mode === 'multipart' && body.parts.some((p) => p.kind === 'file'))
    report.changed(joinPath(path, 'body'), 'File parts need their files chosen before sending.');
  if (body.mode === 'binary')
    report.changed(joinPath(path, 'body'), 'The binary body needs its file chosen before sending.');
  if (
    bodyType &&
    body.mode !== 'none' &&
    DEFAULT_TYPE[body.mode] !== bodyType.toLowerCase() &&
    !headers.some((h) => h.name.toLowerCase() === 'content-type')
  )
    headers.push(kvRow('Content-Type', bodyType));
  const url = `{{baseUrl}}${input.path.replace(/\{([^}/]+)\}/g, ':$1')}`;
  if (/\{[^}]*[^A-Za-z0-9_.}-][^}]*\}/.test(input.path))
    report.changed(
      joinPath(path),
      `A path parameter name in ${input.path} has characters Parley's :name path variables do not allow.`,
    );
  report.imported(joinPath(path), `${method} ${input.path}`);
  return {
    kind: 'request',
    name,
    description: [asText(op.description)].filter(Boolean).join('\n'),
    draft: { ...blankDraft(), method, url, query, pathVariables, headers, body },
    auth: null,
    scripts: emptyScripts(),
    examples: examplesOf(op, refs),
  };
}
