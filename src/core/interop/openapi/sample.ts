/**
 * An example value generated from a JSON Schema (OpenAPI 3.0 schema object, 3.1 JSON Schema
 * 2020-12, Swagger 2.0), the way Swagger UI and Postman's converter do: `example`, then
 * `default`, `const`, the first `enum` value, then a value of the type (strings by `format`).
 * Depth is limited and `$ref` cycles stop, so any spec gives a finite value.
 */
import { asArray, asObject } from '../rows.ts';
import type { RefResolver } from './refs.ts';

const STRING_FORMATS: Record<string, string> = {
  date: '2026-01-01',
  'date-time': '2026-01-01T00:00:00Z',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'U3dhZ2dlciByb2Nrcw==',
  password: '',
};

/** The first non-null type of a schema (`type: ['string', 'null']` in 3.1 → `string`). */
function typeOf(s: Record<string, unknown>): string {
  if (typeof s.type === 'string') return s.type;
  const list = asArray(s.type).filter((t) => t !== 'null');
  if (typeof list[0] === 'string') return list[0];
  if (asObject(s.properties)) return 'object';
  if (s.items) return 'array';
  return '';
}

/**
 * A sample for `schema`. `seen` holds the schemas on the current path (cycle guard).
 * Returns `undefined` only for a schema that allows nothing sensible (unresolvable `$ref`).
 */
export function sampleFromSchema(
  schema: unknown,
  refs: RefResolver,
  depth = 0,
  seen: Set<unknown> = new Set(),
): unknown {
  const s = asObject(refs.deref(schema));
  if (!s || depth > 8 || seen.has(s)) return undefined;
  if ('example' in s) return s.example;
  const examples = asArray(s.examples);
  if (examples.length) return examples[0];
  if ('default' in s) return s.default;
  if ('const' in s) return s.const;
  const enums = asArray(s.enum);
  if (enums.length) return enums[0];
  const next = new Set(seen).add(s);
  const all = asArray(s.allOf);
  if (all.length) {
    const merged: Record<string, unknown> = {};
    for (const part of all) {
      const v = sampleFromSchema(part, refs, depth + 1, next);
      if (asObject(v)) Object.assign(merged, v);
      else if (v !== undefined && all.length === 1) return v;
    }
    return merged;
  }
  const choice = asArray(s.oneOf)[0] ?? asArray(s.anyOf)[0];
  if (choice !== undefined) return sampleFromSchema(choice, refs, depth + 1, next);
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(asObject(s.properties) ?? {})) {
        const p = asObject(refs.deref(v));
        if (p?.readOnly === true) continue;
        const value = sampleFromSchema(v, refs, depth + 1, next);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case 'array': {
      const item = sampleFromSchema(s.items, refs, depth + 1, next);
      return item === undefined ? [] : [item];
    }
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'boolean':
      return true;
    case 'string':
      return STRING_FORMATS[typeof s.format === 'string' ? s.format : ''] ?? 'string';
    case 'null':
      return null;
    default:
      return {};
  }
}
