/** Unit tests of the codegen building blocks: literals, body views, HAR, cURL command. */
import { describe, expect, test } from 'vitest';
import { jsString, pyBytes, pyString, csString, shellQuote, shellAnsiC } from '../../../src/core/codegen/literals.ts';
import { bodySegments, describeBody, multipartBoundary, parseMultipart } from '../../../src/core/codegen/body.ts';
import { combineHeaders, harQueryString, toHarRequest } from '../../../src/core/codegen/har.ts';
import { curlCommand } from '../../../src/core/codegen/curl.ts';
import { CODE_TARGETS, generateSnippet } from '../../../src/core/codegen/targets.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const req = (over: Partial<EffectiveRequest> = {}): EffectiveRequest => ({
  method: 'GET',
  url: 'http://127.0.0.1:8080/echo/i',
  headers: [],
  body: null,
  ...over,
});

describe('literals', () => {
  test('jsString escapes quote, backslash, controls, U+2028', () => {
    expect(jsString("it's \\ \n\r\t\u0001\u2028 Zoë ✓ ${x} `y`")).toBe(
      "'it\\'s \\\\ \\n\\r\\t\\u0001\\u2028 Zoë ✓ ${x} `y`'",
    );
  });
  test('pyString / pyBytes', () => {
    expect(pyString('a"b\\c\nZoë')).toBe('"a\\"b\\\\c\\nZoë"');
    expect(pyBytes(new Uint8Array([0x41, 0x22, 0x5c, 0x0a, 0xc3, 0xab, 0x00]))).toBe('b"A\\"\\\\\\n\\xc3\\xab\\x00"');
  });
  test('csString', () => {
    expect(csString('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
  });
  test('shellQuote: plain words bare, single quotes otherwise, ANSI-C for controls', () => {
    expect(shellQuote('https://a.test/x')).toBe('https://a.test/x');
    expect(shellQuote(`it's "q" $HOME \`id\` \\ \n`)).toBe(`'it'\\''s "q" $HOME \`id\` \\ \n'`);
    expect(shellQuote('a\u0001b')).toBe("$'a\\x01b'");
    expect(shellAnsiC(new Uint8Array([0x27, 0xff]))).toBe("$'\\'\\xff'");
  });
});

const MP =
  '--XyZ\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi ✓\r\n' +
  '--XyZ\r\nContent-Disposition: form-data; name="up"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nA\r\n\r\nB\r\n' +
  '--XyZ--\r\n';

describe('body views', () => {
  test('multipartBoundary', () => {
    expect(multipartBoundary('multipart/form-data; boundary=XyZ')).toBe('XyZ');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('text/plain; boundary=x')).toBeNull();
  });
  test('parseMultipart splits parts with names, filenames, types and exact octets', () => {
    const parts = parseMultipart(enc(MP), 'XyZ')!;
    expect(parts.map((p) => [p.name, p.fileName, p.contentType, new TextDecoder().decode(p.bytes)])).toEqual([
      ['note', null, null, 'hi ✓'],
      ['up', 'a.txt', 'text/plain', 'A\r\n\r\nB'],
    ]);
    expect(parseMultipart(enc('--XyZ\r\nbroken'), 'XyZ')).toBeNull();
  });
  test('bodySegments reproduce the content with the file part as a reference', () => {
    const r = req({
      method: 'POST',
      headers: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=XyZ', source: 'body' }],
      body: enc(MP),
    });
    const segs = bodySegments(describeBody(r));
    expect(segs.map((s) => ('file' in s ? { file: s.file } : new TextDecoder().decode(s.bytes)))).toEqual([
      '--XyZ\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi ✓\r\n--XyZ\r\nContent-Disposition: form-data; name="up"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n',
      { file: 'a.txt' },
      '\r\n--XyZ--\r\n',
    ]);
  });
  test('describeBody: text when UTF-8, bytes otherwise', () => {
    expect(describeBody(req({ body: enc('Zoë') })).kind).toBe('text');
    expect(describeBody(req({ body: new Uint8Array([0xff, 0x00]) })).kind).toBe('bytes');
    expect(describeBody(req()).kind).toBe('none');
  });
});

describe('HAR', () => {
  test('query parsed into queryString (HAR) or left in the url only (for snippetz)', () => {
    const r = req({ url: 'http://h.test/p?page[number]=1&$top=3&q=a%20b&flag' });
    expect(harQueryString(r.url)).toEqual([
      { name: 'page[number]', value: '1' },
      { name: '$top', value: '3' },
      { name: 'q', value: 'a b' },
      { name: 'flag', value: '' },
    ]);
    const har = toHarRequest(r, { queryInUrlOnly: true });
    expect(har.url).toBe('http://h.test/p?page[number]=1&$top=3&q=a%20b&flag');
    expect(har.queryString).toEqual([]);
  });
  test('combineHeaders joins repeats (Cookie with "; ")', () => {
    expect(
      combineHeaders([
        { name: 'X-A', value: '1' },
        { name: 'x-a', value: '2' },
        { name: 'Cookie', value: 'a=1' },
        { name: 'cookie', value: 'b=2' },
      ]),
    ).toEqual([
      { name: 'X-A', value: '1, 2' },
      { name: 'Cookie', value: 'a=1; b=2' },
    ]);
  });
  test('multipart becomes params without the boundary Content-Type; text keeps the octets', () => {
    const mp = toHarRequest(
      req({
        method: 'POST',
        headers: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=XyZ', source: 'body' }],
        body: enc(MP),
      }),
    );
    expect(mp.headers).toEqual([]);
    expect(mp.postData).toEqual({
      mimeType: 'multipart/form-data',
      params: [
        { name: 'note', value: 'hi ✓' },
        { name: 'up', fileName: 'a.txt', contentType: 'text/plain' },
      ],
    });
    const json = toHarRequest(
      req({
        method: 'POST',
        headers: [{ name: 'Content-Type', value: 'application/json', source: 'user' }],
        body: enc('{"a": 1}'),
      }),
      { bodyMimeType: 'octet-stream' },
    );
    expect(json.postData).toEqual({ mimeType: 'application/octet-stream', text: '{"a": 1}' });
    expect(json.headers).toEqual([{ name: 'Content-Type', value: 'application/json' }]);
    expect(json.bodySize).toBe(8);
  });
});

describe('curlCommand', () => {
  test('globoff, quoting, exact body, no curl-added Content-Type', () => {
    expect(
      curlCommand(
        req({
          method: 'PUT',
          url: 'http://h.test/p?a[0]=1',
          headers: [{ name: 'X-Q', value: `it's $HOME`, source: 'user' }],
          body: enc("O'Brien\n"),
        }),
      ),
    ).toBe(
      `curl --globoff \\\n  --request PUT \\\n  'http://h.test/p?a[0]=1' \\\n  --header 'X-Q: it'\\''s $HOME' \\\n  --header 'Content-Type:' \\\n  --data-raw 'O'\\''Brien\n'\n`,
    );
  });
  test("empty header value uses curl's \"Name;\" form; non-UTF-8 content uses $'\\xNN'", () => {
    expect(
      curlCommand(
        req({
          method: 'POST',
          headers: [
            { name: 'X-Empty', value: '', source: 'user' },
            { name: 'Content-Type', value: 'application/octet-stream', source: 'body' },
          ],
          body: new Uint8Array([0xff, 0x41]),
        }),
      ),
    ).toBe(
      "curl http://127.0.0.1:8080/echo/i \\\n  --header 'X-Empty;' \\\n  --header 'Content-Type: application/octet-stream' \\\n  --data-binary $'\\xffA'\n",
    );
  });
});

describe('targets', () => {
  test('every issue-5 target is offered', () => {
    expect(CODE_TARGETS.map((t) => t.id)).toEqual([
      'curl',
      'httpie',
      'wget',
      'powershell',
      'js-fetch',
      'node-fetch',
      'node-axios',
      'python-requests',
      'python-http-client',
      'php-curl',
      'php-guzzle',
      'java-nethttp',
      'java-okhttp',
      'csharp-httpclient',
      'go',
      'ruby',
      'rust-reqwest',
      'swift',
      'kotlin-okhttp',
      'http',
    ]);
  });
  test('multipart snippets say which file they read', async () => {
    const s = await generateSnippet(
      'python-requests',
      req({
        method: 'POST',
        headers: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=XyZ', source: 'body' }],
        body: enc(MP),
      }),
    );
    expect(s.notes).toEqual(['Reads the file "a.txt" from the working directory (part "up").']);
    // Parley's octets and boundary, the file part read by name (issue 10 point 7).
    expect(s.text).toContain(
      [
        'data = b"".join([',
        '    "--XyZ\\r\\nContent-Disposition: form-data; name=\\"note\\"\\r\\n\\r\\nhi ✓\\r\\n--XyZ\\r\\nContent-Disposition: form-data; name=\\"up\\"; filename=\\"a.txt\\"\\r\\nContent-Type: text/plain\\r\\n\\r\\n".encode("utf-8"),',
        '    open("a.txt", "rb").read(),',
        '    b"\\r\\n--XyZ--\\r\\n",',
        '])',
      ].join('\n'),
    );
    expect(s.text).toContain('"Content-Type": "multipart/form-data; boundary=XyZ",');
  });
});

describe('code panel options', () => {
  test('the picker lists exactly CODE_TARGETS (ids and labels)', async () => {
    const { CODE_TARGET_OPTIONS } = await import('../../../src/features/codegen/target-options.ts');
    expect(CODE_TARGET_OPTIONS).toEqual(CODE_TARGETS.map(({ id, label }) => ({ id, label })));
  });
});

describe('curlCommand with NUL octets', () => {
  test('pipes the content from printf, escaping % \\ and quotes', () => {
    expect(
      curlCommand(
        req({
          method: 'PUT',
          headers: [{ name: 'Content-Type', value: 'application/octet-stream', source: 'body' }],
          body: new Uint8Array([0x00, 0x25, 0x5c, 0x27, 0x41, 0xff]),
        }),
      ),
    ).toBe(
      "printf '\\x00%%\\\\'\\''A\\xff' | curl --request PUT \\\n  http://127.0.0.1:8080/echo/i \\\n  --header 'Content-Type: application/octet-stream' \\\n  --data-binary @-\n",
    );
  });
});
