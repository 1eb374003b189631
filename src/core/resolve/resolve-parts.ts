/** Pieces of `resolveRequest()`: the target URI and variable substitution in the body. */
import type { Body } from '../model/draft.ts';
import { encodeQuery, type QueryEncoding, type TypedQueryPair } from '../url/query.ts';

/** How the problem of a non-http(s) scheme starts (the request line hides it for ws/wss URLs). */
export const NOT_HTTP_PROBLEM = 'Only http and https URLs can be sent';

/**
 * The absolute target URI to send: `base` parsed with the WHATWG URL parser (what `fetch`
 * uses, so host and path are what every transport sends: IDN → punycode, `/a b` →
 * `/a%20b`, dot segments removed, default port dropped), then `?` + `encodeQuery(pairs)`
 * (as typed for `proxy`, as the browser sends it for `direct`) when there is at least one pair. Returns `{ url }`, or `{ problem }` with a sentence
 * saying what is wrong. Only http and https; no `user:password@` (browsers refuse it).
 */
export function resolveTarget(
  base: string,
  pairs: TypedQueryPair[],
  encoding: QueryEncoding = 'proxy',
): { url: string } | { problem: string } {
  if (base === '') return { problem: 'Enter a URL, such as https://api.example.com/users.' };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(base)) {
    return { problem: `The URL "${base}" has no scheme: start it with http:// or https://.` };
  }
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    const hint = /\s/.test(base.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '')
      ? ' The host name contains a space.'
      : '';
    return { problem: `"${base}" is not a valid URL (WHATWG URL standard).${hint} Check the host name and port.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: `${NOT_HTTP_PROBLEM}; this one uses ${parsed.protocol.slice(0, -1)}.` };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      problem:
        'The URL contains a user name or password (user:password@). Browsers refuse such URLs: use Basic auth in the Auth tab instead.',
    };
  }
  const query = pairs.length > 0 ? '?' + encodeQuery(pairs, encoding) : '';
  return { url: parsed.origin + parsed.pathname + query };
}

/**
 * `body` with `sub` applied to every text the user typed: the text of json/text/xml, the
 * names and values of form fields, the names, values and content types of multipart
 * parts, the query, variables and operation name of GraphQL. File contents and binary bodies are never touched. Pure.
 */
export function substituteBody(body: Body, sub: (text: string) => string): Body {
  switch (body.mode) {
    case 'json':
    case 'text':
    case 'xml':
      return { ...body, text: sub(body.text) };
    case 'form-urlencoded':
      return {
        ...body,
        fields: body.fields.map((f) => (f.enabled ? { ...f, name: sub(f.name), value: sub(f.value) } : f)),
      };
    case 'multipart':
      return {
        ...body,
        parts: body.parts.map((p) =>
          p.enabled
            ? {
                ...p,
                name: sub(p.name),
                value: p.kind === 'text' ? sub(p.value) : p.value,
                contentType: sub(p.contentType),
              }
            : p,
        ),
      };
    case 'graphql':
      return {
        ...body,
        query: sub(body.query),
        variables: sub(body.variables),
        operationName: body.operationName === null ? null : sub(body.operationName),
      };
    default:
      return body;
  }
}
