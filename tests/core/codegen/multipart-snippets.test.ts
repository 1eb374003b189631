/**
 * Issue 10 points 7 and 8: multipart snippets send Parley's bytes whatever names, values and
 * file names hold, with file names from the draft; Python requests sends the target as is.
 * (The fidelity suite runs the snippets; these pin the exact text and the decisions.)
 */
import { describe, expect, test } from 'vitest';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import type { MultipartPart, RequestDraft } from '../../../src/core/model/draft.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';
import { clientMultipartIsExact, describeBody } from '../../../src/core/codegen/body.ts';
import { generateSnippet } from '../../../src/core/codegen/targets.ts';
import { pythonRequests } from '../../../src/core/codegen/python.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const FILE = enc('A\nB');

const text = (id: string, name: string, value: string, contentType = ''): MultipartPart => ({
  id,
  name,
  enabled: true,
  kind: 'text',
  value,
  contentType,
  file: null,
});
const file = (id: string, name: string, fileName: string): MultipartPart => ({
  id,
  name,
  enabled: true,
  kind: 'file',
  value: '',
  contentType: '',
  file: { fileId: 'f', fileName, contentType: 'text/plain', size: FILE.length },
});

function resolve(parts: MultipartPart[]): EffectiveRequest {
  const draft: RequestDraft = {
    ...blankDraft(),
    method: 'POST',
    url: 'http://127.0.0.1:8080/echo/i',
    body: { mode: 'multipart', parts },
  };
  const r = resolveRequest(draft, { files: () => FILE, boundary: 'XyZ' });
  if (!r.request) throw new Error(JSON.stringify(r.problems));
  return r.request;
}

describe('file names come from the draft, not from the escaped part header', () => {
  test('resolveRequest locates each file part under its chosen name', () => {
    const req = resolve([text('t', 'n', 'v'), file('p', 'up', 'a"b %22.txt')]);
    const body = new TextDecoder().decode(req.body!);
    expect(body).toBe(
      '--XyZ\r\nContent-Disposition: form-data; name="n"\r\n\r\nv\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="up"; filename="a%22b %22.txt"\r\nContent-Type: text/plain\r\n\r\nA\nB\r\n' +
        '--XyZ--\r\n',
    );
    const start = body.indexOf('A\nB');
    expect(req.files).toEqual([{ fileName: 'a"b %22.txt', start, length: 3 }]);
    const view = describeBody(req);
    expect(view.kind === 'multipart' && view.parts.map((p) => p.fileName)).toEqual([null, 'a"b %22.txt']);
  });

  test('Python opens the real file name and sends the escaped one in the part header', async () => {
    const s = await generateSnippet('python-requests', resolve([file('p', 'up', 'a"b.txt')]));
    expect(s.notes).toEqual(['Reads the file "a"b.txt" from the working directory (part "up").']);
    expect(s.text).toContain(
      [
        'data = b"".join([',
        '    b"--XyZ\\r\\nContent-Disposition: form-data; name=\\"up\\"; filename=\\"a%22b.txt\\"\\r\\nContent-Type: text/plain\\r\\n\\r\\n",',
        '    open("a\\"b.txt", "rb").read(),',
        '    b"\\r\\n--XyZ--\\r\\n",',
        '])',
      ].join('\n'),
    );
  });

  test('curl pipes the exact octets, reading the file by its real name', async () => {
    const s = await generateSnippet('curl', resolve([text('t', 'lf', 'a\nb'), file('p', 'up', 'it\'s "x".txt')]));
    expect(s.text).toBe(
      '{\n' +
        '  printf -- \'--XyZ\\x0d\\x0aContent-Disposition: form-data; name="lf"\\x0d\\x0a\\x0d\\x0aa\\x0ab\\x0d\\x0a--XyZ\\x0d\\x0aContent-Disposition: form-data; name="up"; filename="it\'\\\'\'s %%22x%%22.txt"\\x0d\\x0aContent-Type: text/plain\\x0d\\x0a\\x0d\\x0a\'\n' +
        "  cat -- 'it'\\''s \"x\".txt'\n" +
        "  printf -- '\\x0d\\x0a--XyZ--\\x0d\\x0a'\n" +
        '} | curl http://127.0.0.1:8080/echo/i \\\n' +
        "  --header 'Content-Type: multipart/form-data; boundary=XyZ' \\\n" +
        '  --data-binary @-\n',
    );
  });
});

describe('which multipart content a client may rebuild itself', () => {
  const exact = (parts: MultipartPart[], fileTypesKept = true) =>
    clientMultipartIsExact(describeBody(resolve(parts)), fileTypesKept);
  test.each([
    ['plain ASCII and non-ASCII', [text('a', 'über', 'Zoë ✓ $HOME'), file('b', 'f', 'Zoë ✓.txt')], true],
    ['CRLF in a value', [text('a', 'n', 'a\r\nb')], false],
    ['bare LF in a value (FormData would send CRLF)', [text('a', 'n', 'a\nb')], false],
    ['bare CR in a value', [text('a', 'n', 'a\rb')], false],
    ['quote in a name', [text('a', 'say "hi"', 'v')], false],
    ['% in a name', [text('a', '100%', 'v')], false],
    ['quote in a file name', [file('a', 'f', 'a"b.txt')], false],
    ['% in a file name', [file('a', 'f', '100%.txt')], false],
    ['LF in a file name', [file('a', 'f', 'a\nb.txt')], false],
    ['a text part with a content type', [text('a', 'n', '{}', 'application/json')], false],
  ] as const)('%s → %s', (_name, parts, want) => {
    expect(exact([...parts])).toBe(want);
  });
  test('Go labels every file application/octet-stream: a text/plain file is not exact there', () => {
    expect(exact([file('a', 'f', 'a.txt')], false)).toBe(false);
    expect(exact([file('a', 'f', 'a.txt')], true)).toBe(true);
  });
  test('FormData snippets fall back to Parley’s octets for a bare LF', async () => {
    const s = await generateSnippet('node-fetch', resolve([text('a', 'n', 'a\nb')]));
    expect(s.text).toBe(
      "const response = await fetch('http://127.0.0.1:8080/echo/i', {\n" +
        "  method: 'POST',\n" +
        '  headers: {\n' +
        "    'Content-Type': 'multipart/form-data; boundary=XyZ'\n" +
        '  },\n' +
        '  body: \'--XyZ\\r\\nContent-Disposition: form-data; name="n"\\r\\n\\r\\na\\nb\\r\\n--XyZ--\\r\\n\'\n' +
        '});\n\n' +
        'console.log(response.status, response.statusText);\n' +
        'console.log(await response.text());\n',
    );
  });
});

describe('Python requests sends the target byte-exact (point 8)', () => {
  const get = (url: string): EffectiveRequest => ({ method: 'GET', url, headers: [], body: null });
  test('prepared.url set verbatim; urllib3 target encoding off only when the target needs it', () => {
    expect(pythonRequests(get('http://h.test/a?page[n]=1&x={y}|^'))).toBe(
      [
        'import requests',
        'import urllib3.connectionpool',
        '',
        'url = "http://h.test/a?page[n]=1&x={y}|^"',
        '',
        'session = requests.Session()',
        'prepared = session.prepare_request(requests.Request("GET", url))',
        '# requests re-quotes the target; send it exactly as written above.',
        'prepared.url = url',
        '# urllib3 percent-encodes [ ] { } | ^ ` " < > \\ in the target; keep them as written.',
        'urllib3.connectionpool._encode_target = lambda target: target',
        'response = session.send(prepared)',
        'print(response.status_code, response.reason)',
        'print(response.text)',
        '',
      ].join('\n'),
    );
    const plain = pythonRequests(get('http://h.test/a?q=%7E'));
    expect(plain).toContain('prepared.url = url\nresponse = session.send(prepared)');
    expect(plain).not.toContain('urllib3');
  });
});
