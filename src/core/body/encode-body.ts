/**
 * Body modes → content bytes and the Content-Type each mode implies. Variables are already
 * substituted by the caller (`resolveRequest`).
 */
import type { Body, BodyMode } from '../model/draft.ts';
import { serializeFormUrlencoded } from './form-urlencoded.ts';
import { encodeGraphqlPost } from '../graphql/encode-graphql.ts';
import { encodeMultipart, type MultipartEntry, type MultipartFileSpan } from './multipart.ts';

/** The Content-Type a mode sends when no header row sets one (multipart adds `; boundary=`). */
export const DEFAULT_CONTENT_TYPES: Readonly<Record<BodyMode, string | null>> = {
  none: null,
  json: 'application/json', // RFC 8259 §11: no charset parameter
  text: 'text/plain; charset=utf-8', // RFC 6657: text/plain defaults to US-ASCII, we send UTF-8
  xml: 'application/xml', // RFC 7303
  'form-urlencoded': 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
  binary: 'application/octet-stream',
  graphql: 'application/json', // GraphQL over HTTP: POST content is application/json
};

/**
 * The media type of a Content-Type field value (RFC 9110 §8.3.1), lower-cased, without
 * parameters or surrounding whitespace: `Text/Plain; charset=x` → `text/plain`. Lenient on
 * purpose (no grammar check), for comparing what the user typed; never throws.
 */
export function mediaTypeOf(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** Result of `encodeBody`. */
export interface EncodedBody {
  /** Content bytes; `null` = no body (mode none, or nothing to send: empty text, no fields). */
  bytes: Uint8Array | null;
  /** Content-Type implied by the mode (with boundary for multipart), `null` when no body. */
  contentType: string | null;
  /** Errors that block sending (missing file bytes), with the row they concern. */
  errors: { rowId?: string; message: string }[];
  /** Multipart only: where each file part's content lies in `bytes`, under its chosen name. */
  files?: MultipartFileSpan[];
}

/**
 * Encodes `body` (variables already substituted):
 * - `json`, `text`, `xml`: UTF-8 bytes of the text exactly as typed (invalid JSON is still
 *   sent: validation is the caller's warning); empty text → no body.
 * - `form-urlencoded`: enabled fields through the WHATWG urlencoded serializer; none → no body.
 * - `multipart`: enabled parts (RFC 7578), file bytes from `files(fileId)`; none → no body.
 * - `binary`: the chosen file's bytes, its content type.
 * - `graphql`: the POST form, `{"query":…}` (`encodeGraphqlPost`); variables that are not a
 *   JSON object are an error. The GET form has no content (`resolveRequest` puts it in the query).
 * A file that is not chosen, or whose bytes `files` cannot give, is an error naming it; so is
 * a part content type holding CR, LF or NUL (it would break the part's header section).
 * `boundary` overrides the deterministic multipart boundary. Never throws.
 */
export function encodeBody(
  body: Body,
  files: (fileId: string) => Uint8Array | undefined,
  boundary?: string,
): EncodedBody {
  const noBody: EncodedBody = { bytes: null, contentType: null, errors: [] };
  switch (body.mode) {
    case 'none':
      return noBody;
    case 'json':
    case 'text':
    case 'xml':
      return body.text === ''
        ? noBody
        : { bytes: new TextEncoder().encode(body.text), contentType: DEFAULT_CONTENT_TYPES[body.mode], errors: [] };
    case 'form-urlencoded': {
      const fields = body.fields.filter((f) => f.enabled && (f.name !== '' || f.value !== ''));
      if (fields.length === 0) return noBody;
      const text = serializeFormUrlencoded(fields.map((f) => [f.name, f.value] as const));
      return {
        bytes: new TextEncoder().encode(text),
        contentType: DEFAULT_CONTENT_TYPES['form-urlencoded'],
        errors: [],
      };
    }
    case 'multipart': {
      const errors: EncodedBody['errors'] = [];
      const entries: MultipartEntry[] = [];
      for (const p of body.parts) {
        if (!p.enabled || (p.name === '' && p.value === '' && p.file === null)) continue;
        const partType = p.kind === 'text' ? p.contentType : (p.file?.contentType ?? '');
        if (/[\r\n\0]/.test(partType)) {
          // Written raw into the part's header section (RFC 7578 §4.4): a line break would end it early.
          errors.push({
            rowId: p.id,
            message: `The content type of form field "${p.name}" contains a line break or NUL; a part header cannot hold one.`,
          });
          continue;
        }
        if (p.kind === 'text') {
          entries.push({ kind: 'text', name: p.name, value: p.value, contentType: p.contentType });
          continue;
        }
        const bytes = p.file ? files(p.file.fileId) : undefined;
        if (!p.file)
          errors.push({ rowId: p.id, message: `Form field "${p.name}" is a file field but no file is chosen.` });
        else if (!bytes)
          errors.push({
            rowId: p.id,
            message: `The file "${p.file.fileName}" for form field "${p.name}" is no longer available; choose it again.`,
          });
        else
          entries.push({
            kind: 'file',
            name: p.name,
            fileName: p.file.fileName,
            contentType: p.file.contentType,
            bytes,
          });
      }
      if (errors.length > 0) return { bytes: null, contentType: null, errors };
      if (entries.length === 0) return noBody;
      const encoded = encodeMultipart(entries, boundary);
      return {
        bytes: encoded.bytes,
        contentType: `multipart/form-data; boundary=${encoded.boundary}`,
        errors: [],
        files: encoded.files,
      };
    }
    case 'binary': {
      if (!body.file)
        return { bytes: null, contentType: null, errors: [{ message: 'Binary body: no file is chosen.' }] };
      const bytes = files(body.file.fileId);
      if (!bytes) {
        return {
          bytes: null,
          contentType: null,
          errors: [{ message: `The file "${body.file.fileName}" is no longer available; choose it again.` }],
        };
      }
      return { bytes, contentType: body.file.contentType || DEFAULT_CONTENT_TYPES.binary, errors: [] };
    }
    case 'graphql': {
      const encoded = encodeGraphqlPost(body);
      return 'error' in encoded
        ? { bytes: null, contentType: null, errors: [{ message: encoded.error }] }
        : { bytes: encoded.bytes, contentType: DEFAULT_CONTENT_TYPES.graphql, errors: [] };
    }
  }
}
