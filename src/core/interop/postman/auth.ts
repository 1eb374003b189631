/**
 * Postman auth objects ↔ Parley auth. Collection format v2.1 lists each scheme's fields as
 * `[{ key, value, type }]`; v2.0 as a plain object `{ key: value }` (both are read). Schemes
 * Parley has (noauth, bearer, basic, apikey) are mapped; the rest (digest, awsv4, oauth1,
 * oauth2, hawk, ntlm, edgegrid, jwt, asap) are kept as {@link ForeignAuth} data.
 */
import type { Auth } from '../../model/draft.ts';
import type { ForeignAuth, TreeAuth } from '../tree.ts';
import { asObject, valueText } from '../rows.ts';

/** The fields of a Postman auth scheme in source order, from either format version. */
export function postmanAuthParams(raw: unknown): [string, string][] {
  if (Array.isArray(raw)) {
    return raw.flatMap((p) => {
      const o = asObject(p);
      return o && typeof o.key === 'string' ? [[o.key, valueText(o.value)] as [string, string]] : [];
    });
  }
  const o = asObject(raw);
  return o ? Object.entries(o).map(([k, v]) => [k, valueText(v)]) : [];
}

/**
 * A Postman `auth` value → tree auth. `undefined`/`null` (no auth key) = inherit (`null`);
 * `{ type: 'noauth' }` = explicitly none. Never throws.
 */
export function readPostmanAuth(value: unknown): TreeAuth {
  const o = asObject(value);
  if (!o || typeof o.type !== 'string') return null;
  const type = o.type;
  if (type === 'noauth') return { type: 'none' };
  const params = postmanAuthParams(o[type]);
  const get = (k: string) => params.find(([n]) => n === k)?.[1] ?? '';
  switch (type) {
    case 'bearer':
      return { type: 'bearer', token: get('token') };
    case 'basic':
      return { type: 'basic', username: get('username'), password: get('password') };
    case 'apikey':
      return { type: 'apikey', key: get('key'), value: get('value'), in: get('in') === 'query' ? 'query' : 'header' };
    default:
      return { type: 'foreign', scheme: type, params };
  }
}

/** Tree auth → a Postman v2.1 `auth` object, or `undefined` to inherit. */
export function writePostmanAuth(auth: TreeAuth): Record<string, unknown> | undefined {
  if (auth === null) return undefined;
  const list = (pairs: [string, string][]) => pairs.map(([key, value]) => ({ key, value, type: 'string' }));
  switch (auth.type) {
    case 'none':
      return { type: 'noauth' };
    case 'bearer':
      return { type: 'bearer', bearer: list([['token', auth.token]]) };
    case 'basic':
      return {
        type: 'basic',
        basic: list([
          ['username', auth.username],
          ['password', auth.password],
        ]),
      };
    case 'apikey':
      return {
        type: 'apikey',
        apikey: list([
          ['key', auth.key],
          ['value', auth.value],
          ['in', auth.in],
        ]),
      };
    case 'foreign':
      return { type: auth.scheme, [auth.scheme]: list(auth.params) };
  }
}

/** The Parley auth a draft can hold for a tree auth (a foreign scheme → none: it is reported). */
export function draftAuthOf(auth: TreeAuth): Auth {
  return auth === null || auth.type === 'foreign' ? { type: 'none' } : auth;
}

/** `auth (digest)` style label for report paths. */
export function authLabel(auth: ForeignAuth): string {
  return `auth (${auth.scheme})`;
}
