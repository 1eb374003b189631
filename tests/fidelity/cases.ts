/**
 * The tricky requests of issue 5, as RequestDrafts. Every snippet and Parley's own Send
 * must make the echo server receive the same method, target, header fields and content.
 */
import { blankDraft } from '../../src/core/model/defaults.ts';
import type { RequestDraft } from '../../src/core/model/draft.ts';

export interface FidelityCase {
  id: string;
  draft: RequestDraft;
  /** Files the draft references, by fileId (written next to the snippet before it runs). */
  files: Record<string, { fileName: string; bytes: Uint8Array }>;
}

/** The JSON body of issue 5 exactly as shown: `\n` after `line1` is a backslash then `n`. */
export const TRICKY_JSON =
  '{"name":"O\'Brien","note":"line1\\nline2","re":"\\\\d+","cost":"$5 ${USER} `id`","who":"Zoë ✓"}';

/** Octets that are not UTF-8, with NUL and the characters quoting trips on: % \ ' " $ ` and CR LF. */
const BLOB = new Uint8Array([
  0x00, 0xff, 0xfe, 0x25, 0x73, 0x5c, 0x6e, 0x27, 0x22, 0x24, 0x60, 0x0d, 0x0a, 0xc3, 0x28, 0x41,
]);

let rowSeq = 0;
const row = (name: string, value: string) => ({ id: `r${++rowSeq}`, name, value, enabled: true });

const textPart = (id: string, name: string, value: string, contentType = '') => ({
  id,
  name,
  enabled: true,
  kind: 'text' as const,
  value,
  contentType,
  file: null,
});
const filePart = (id: string, name: string, fileId: string, fileName: string, type: string, bytes: Uint8Array) => ({
  id,
  name,
  enabled: true,
  kind: 'file' as const,
  value: '',
  contentType: '',
  file: { fileId, fileName, contentType: type, size: bytes.length },
});

/** Builds the cases against `origin` (e.g. `http://127.0.0.1:43123`). */
export function fidelityCases(origin: string): FidelityCase[] {
  const base = (over: Partial<RequestDraft>): RequestDraft => ({ ...blankDraft(), url: `${origin}/echo/i`, ...over });
  const fileBytes = new TextEncoder().encode("hello 'file' $HOME\nZoë ✓\r\n\u0000\u00ff end");
  return [
    {
      id: 'json-body',
      draft: base({ method: 'POST', body: { mode: 'json', text: TRICKY_JSON } }),
      files: {},
    },
    {
      id: 'text-body-real-newline',
      draft: base({ method: 'POST', body: { mode: 'text', text: TRICKY_JSON.replace('\\n', '\n') } }),
      files: {},
    },
    {
      id: 'query-globbing',
      draft: base({
        query: [{ ...row('page[number]', '1') }, { ...row('$top', '3') }, { ...row('q', 'a%20b') }],
      }),
      files: {},
    },
    {
      id: 'header-quotes-dollar',
      draft: base({ headers: [row('X-Quote', `it's "quoted" $HOME`), row('Accept', 'application/json')] }),
      files: {},
    },
    {
      // U+0080–U+00FF in a field value: Send (fetch, Node's http) puts one Latin-1 octet per
      // character on the wire (RFC 9110 §5.5 obs-text), so `é` is E9, not UTF-8 C3 A9.
      id: 'header-latin1',
      draft: base({ headers: [row('X-L', 'café')], auth: { type: 'bearer', token: 's3cr3t Zoë' } }),
      files: {},
    },
    {
      id: 'basic-auth-colon-eacute',
      draft: base({ auth: { type: 'basic', username: 'admin', password: 'p:ss:é' } }),
      files: {},
    },
    {
      id: 'form-urlencoded-hangul',
      draft: base({
        method: 'POST',
        body: { mode: 'form-urlencoded', fields: [row('q', '테스트'), row('note', "a b&c=d 'x'")] },
      }),
      files: {},
    },
    {
      id: 'multipart-with-file',
      draft: base({
        method: 'POST',
        body: {
          mode: 'multipart',
          parts: [
            {
              id: 'p1',
              name: 'note',
              enabled: true,
              kind: 'text',
              value: "O'Brien ✓ $HOME",
              contentType: '',
              file: null,
            },
            {
              id: 'p2',
              name: 'upload',
              enabled: true,
              kind: 'file',
              value: '',
              contentType: '',
              file: { fileId: 'f1', fileName: 'hello.txt', contentType: 'text/plain', size: fileBytes.length },
            },
          ],
        },
      }),
      files: { f1: { fileName: 'hello.txt', bytes: fileBytes } },
    },
    {
      // Issue 10 point 7: quotes, %, CR, LF, bare LF, non-ASCII in names, values and file names.
      id: 'multipart-tricky',
      draft: base({
        method: 'POST',
        body: {
          mode: 'multipart',
          parts: [
            textPart('q1', 'say "hi" 100%', 'quote " and %22 stay 100% as typed'),
            textPart('q2', 'lf', 'bare LF\nthen CR\ronly then CRLF\r\nend'),
            textPart('q3', 'Zoë ✓', 'naïve 日本 ✓'),
            textPart('q4', 'meta', '{"a":1}\n', 'application/json'),
            filePart('q5', 'up "load"', 'f2', 'rép "ort" 100%.txt', 'text/plain', fileBytes),
          ],
        },
      }),
      files: { f2: { fileName: 'rép "ort" 100%.txt', bytes: fileBytes } },
    },
    {
      id: 'multipart-filename-crlf',
      draft: base({
        method: 'POST',
        body: {
          mode: 'multipart',
          parts: [filePart('c1', 'doc', 'f3', 'two\r\nlines\n.txt', '', fileBytes)],
        },
      }),
      files: { f3: { fileName: 'two\r\nlines\n.txt', bytes: fileBytes } },
    },
    {
      // Nothing a client escapes: clients build the parts themselves (their own boundary).
      id: 'multipart-plain-non-ascii',
      draft: base({
        method: 'POST',
        body: {
          mode: 'multipart',
          parts: [
            textPart('n1', 'über', "Zoë ✓ $HOME `id` it's"),
            filePart('n2', 'datei', 'f4', 'Zoë ✓ 日本.txt', 'text/plain', fileBytes),
          ],
        },
      }),
      files: { f4: { fileName: 'Zoë ✓ 日本.txt', bytes: fileBytes } },
    },
    {
      id: 'binary-non-utf8',
      draft: base({
        method: 'PUT',
        body: {
          mode: 'binary',
          file: { fileId: 'b1', fileName: 'blob.bin', contentType: 'application/octet-stream', size: BLOB.length },
        },
      }),
      files: { b1: { fileName: 'blob.bin', bytes: BLOB } },
    },
    {
      id: 'empty-body-post',
      draft: base({ method: 'POST' }),
      files: {},
    },
  ];
}
