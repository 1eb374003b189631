/**
 * EffectiveRequest → HAR 1.2 request (http://www.softwareishard.com/blog/har-12-spec/#request),
 * the input format of the snippet generator (@scalar/snippetz).
 */
import type { EffectiveRequest } from '../resolve/types.ts';
import { clientMultipartIsExact, describeBody, headerValue } from './body.ts';

export interface HarNameValue {
  name: string;
  value: string;
}
export interface HarParam {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}
export interface HarPostData {
  mimeType: string;
  text?: string;
  params?: HarParam[];
}
export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
}

export interface HarOptions {
  /**
   * Leave `queryString` empty and keep the query only in `url`. Snippetz re-encodes
   * `queryString` names and values with `encodeURIComponent` (`page[number]` →
   * `page%5Bnumber%5D`, `$top` → `%24top`), so the query bytes would change; the URL it
   * keeps as given. Default false (a complete HAR with the query parsed into `queryString`).
   */
  queryInUrlOnly?: boolean;
  /**
   * `postData.mimeType` for non-multipart content: `content-type` = the request's
   * Content-Type value; `octet-stream` = `application/octet-stream`, which makes most
   * snippetz targets embed the text verbatim instead of re-serialising parsed JSON
   * (which changes the bytes). The Content-Type header field itself is always kept.
   */
  bodyMimeType?: 'content-type' | 'octet-stream';
  /**
   * Join repeated header fields into one, values separated by `, ` (RFC 9110 §5.3), for
   * generators that keep only the last of a repeated name. Default false.
   */
  combineDuplicateHeaders?: boolean;
  /** False for a generator whose client labels every file part `application/octet-stream` (Go). Default true. */
  multipartFileTypesKept?: boolean;
}

/** Decodes one query component for HAR `queryString` (`+` stays `+`: WHATWG URL query, not form). */
function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Parses the query of an absolute URL into name/value pairs, splitting on `&` and each pair
 * on its first `=` (WHATWG URL §5.1 without the `+` → space step). Fragment ignored.
 */
export function harQueryString(url: string): HarNameValue[] {
  const hash = url.indexOf('#');
  const noFrag = hash < 0 ? url : url.slice(0, hash);
  const q = noFrag.indexOf('?');
  if (q < 0) return [];
  return noFrag
    .slice(q + 1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0
        ? { name: decodeComponent(p), value: '' }
        : { name: decodeComponent(p.slice(0, eq)), value: decodeComponent(p.slice(eq + 1)) };
    });
}

/** Joins repeated header names (case-insensitive) into the first occurrence, RFC 9110 §5.3. */
export function combineHeaders(headers: HarNameValue[]): HarNameValue[] {
  const out: HarNameValue[] = [];
  const byName = new Map<string, HarNameValue>();
  for (const h of headers) {
    const key = h.name.toLowerCase();
    const seen = byName.get(key);
    if (seen) seen.value = `${seen.value}${key === 'cookie' ? '; ' : ', '}${h.value}`;
    else {
      const copy = { ...h };
      byName.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}

/**
 * Converts an `EffectiveRequest` into a HAR 1.2 request. Multipart content that clients
 * rebuild exactly (`clientMultipartIsExact`) becomes `postData.params` (file parts by their
 * chosen `fileName`, bytes not embedded) and the Content-Type field with Parley's boundary
 * is dropped, since every client makes its own; other multipart content is sent as text
 * with Parley's Content-Type and boundary (file contents inlined);
 * other content becomes `postData.text` (UTF-8 decoded; non-UTF-8 octets decode with
 * U+FFFD, so callers check `describeBody()` first). Pure; never throws.
 */
export function toHarRequest(req: EffectiveRequest, options: HarOptions = {}): HarRequest {
  const view = describeBody(req);
  let headers: HarNameValue[] = req.headers.map((h) => ({ name: h.name, value: h.value }));
  let postData: HarPostData | undefined;
  if (view.kind === 'multipart' && clientMultipartIsExact(view, options.multipartFileTypesKept ?? true)) {
    headers = headers.filter((h) => h.name.toLowerCase() !== 'content-type');
    const utf8 = new TextDecoder();
    postData = {
      mimeType: 'multipart/form-data',
      params: view.parts.map((p) => {
        const param: HarParam = { name: p.name };
        if (p.fileName !== null) param.fileName = p.fileName;
        else param.value = utf8.decode(p.bytes);
        if (p.contentType !== null) param.contentType = p.contentType;
        return param;
      }),
    };
  } else if (view.kind !== 'none') {
    const mimeType =
      options.bodyMimeType === 'octet-stream'
        ? 'application/octet-stream'
        : (headerValue(req, 'content-type') ?? 'application/octet-stream');
    postData = { mimeType, text: new TextDecoder().decode(view.bytes) };
  }
  if (options.combineDuplicateHeaders) headers = combineHeaders(headers);
  const har: HarRequest = {
    method: req.method,
    url: req.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString: options.queryInUrlOnly ? [] : harQueryString(req.url),
    headersSize: -1,
    bodySize: req.body?.length ?? 0,
  };
  if (postData) har.postData = postData;
  return har;
}
