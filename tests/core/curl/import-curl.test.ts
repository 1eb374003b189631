/** Issue 5 cURL import cases: each imported draft must resolve to what curl itself sends. */
import { describe, expect, test } from 'vitest';
import { importCurl, isCurlCommand } from '../../../src/core/curl/import-curl.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';

async function effective(command: string): Promise<{ req: EffectiveRequest; warnings: string[]; raw: string }> {
  const imported = await importCurl(command);
  expect(imported.error).toBeNull();
  const resolved = resolveRequest(imported.draft);
  expect(resolved.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const req = resolved.request!;
  return { req, warnings: imported.warnings, raw: renderHttpMessage(req).text };
}

const headers = (req: EffectiveRequest) => req.headers.map((h) => [h.name, h.value]);
const body = (req: EffectiveRequest) => (req.body === null ? null : new TextDecoder().decode(req.body));

describe('importCurl (issue 5 cases)', () => {
  test("--data-raw $'…' with \\\\n and \\' → POST, body with a backslash then n", async () => {
    const { req, warnings } = await effective(
      String.raw`curl https://api.example.test/a -H 'Content-Type: application/json' --data-raw $'{"msg":"a\\nb","q":"it\'s ("}'`,
    );
    expect(req.method).toBe('POST');
    expect(req.url).toBe('https://api.example.test/a');
    expect(headers(req)).toEqual([['Content-Type', 'application/json']]);
    expect(body(req)).toBe('{"msg":"a\\nb","q":"it\'s ("}');
    expect(warnings).toEqual([]);
  });

  test('-G -d … --data-urlencode → GET /p?z=0&a=1&b=x%20y&c=d+e, no body', async () => {
    const { req, raw } = await effective(
      `curl -G -d a=1 -d 'b=x%20y' --data-urlencode 'c=d e' 'http://h.example.test/p?z=0'`,
    );
    expect(req.method).toBe('GET');
    expect(req.url).toBe('http://h.example.test/p?z=0&a=1&b=x%20y&c=d+e');
    expect(req.body).toBeNull();
    expect(headers(req)).toEqual([]);
    expect(raw.split('\r\n')[0]).toBe('GET /p?z=0&a=1&b=x%20y&c=d+e HTTP/1.1');
  });

  test('-X POST -G -d a=1 → POST /p?a=1, no body', async () => {
    const { req, raw } = await effective('curl -X POST -G -d a=1 http://h.example.test/p');
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://h.example.test/p?a=1');
    expect(req.body).toBeNull();
    expect(raw.split('\r\n')[0]).toBe('POST /p?a=1 HTTP/1.1');
  });

  test("-u 'admin:p:a:s' → Basic auth scheme, Authorization: Basic YWRtaW46cDphOnM=", async () => {
    const imported = await importCurl("curl -u 'admin:p:a:s' https://api.example.test/");
    expect(imported.draft.auth).toEqual({ type: 'basic', username: 'admin', password: 'p:a:s' });
    const { req } = await effective("curl -u 'admin:p:a:s' https://api.example.test/");
    expect(req.method).toBe('GET');
    expect(headers(req)).toEqual([['Authorization', 'Basic YWRtaW46cDphOnM=']]);
  });

  test("-H 'X-Note: hello: world' keeps the value after the first colon", async () => {
    const { req } = await effective(
      `curl -H 'X-Note: hello: world' -H 'Accept: application/json' https://api.example.test/get`,
    );
    expect(req.method).toBe('GET');
    expect(req.url).toBe('https://api.example.test/get');
    expect(headers(req)).toEqual([
      ['X-Note', 'hello: world'],
      ['Accept', 'application/json'],
    ]);
  });

  test("-d '' → POST, Content-Length: 0, form content type", async () => {
    const { req, raw, warnings } = await effective("curl -d '' https://api.example.test/");
    expect(req.method).toBe('POST');
    expect(warnings).toEqual([]);
    expect(raw).toBe(
      'POST / HTTP/1.1\r\nHost: api.example.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n',
    );
  });

  test('every -H line is kept in the order typed, duplicates and case included, as curl sends them', async () => {
    const { req, warnings } = await effective(
      "curl -H 'C: 1' -H 'Accept: a' -H 'c: 3' -H 'Accept: b' -H 'X-Gone:' -d x=1 https://h.example.test/",
    );
    expect(headers(req)).toEqual([
      ['C', '1'],
      ['Accept', 'a'],
      ['c', '3'],
      ['Accept', 'b'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(warnings).toEqual([]);
  });

  test('line continuations, --compressed (Accept-Encoding) and -k (Verify TLS off): no warning', async () => {
    const { req, warnings } = await effective(
      "curl https://x.example.test/a \\\n  -H 'A: b' \\\n  --compressed \\\n  -k",
    );
    expect(req.method).toBe('GET');
    expect(req.url).toBe('https://x.example.test/a');
    expect(headers(req)).toEqual([
      ['A', 'b'],
      ['Accept-Encoding', 'gzip, deflate, br'],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('importCurl warnings: one sentence each', () => {
  test('an environment variable in a header is reported once, naming the header and the variable', async () => {
    const imported = await importCurl('curl -H "X-Dollar: $HOME" https://h.example.test/');
    expect(imported.error).toBeNull();
    expect(imported.draft.headers.map((h) => [h.name, h.value])).toEqual([['X-Dollar', '$HOME']]);
    expect(imported.warnings).toEqual([
      'The header X-Dollar contains $HOME, which a shell would expand; Parley imports it as written.',
    ]);
  });

  test('expansions in the URL, -u and an unsupported option, and the unsupported option itself', async () => {
    const imported = await importCurl('curl -k "https://h.example.test/$(whoami)" -u "$U:$P" --proxy "http://$PX"');
    expect(imported.draft.verifyTls).toBe(false);
    expect(imported.warnings).toEqual([
      'The URL contains $(whoami), which a shell would expand; Parley imports it as written.',
      'The user name contains $U, which a shell would expand; Parley imports it as written.',
      'The password contains $P, which a shell would expand; Parley imports it as written.',
      'The command contains $PX, which a shell would expand; Parley imports it as written.',
      "The command goes through the proxy http://$PX (-x, --proxy); Parley does not use other proxies, so it sends to the target itself (directly or through Parley's own proxy).",
    ]);
  });

  test('several expansions in one value are named in one sentence', async () => {
    const imported = await importCurl('curl -H "X-A: ${A}b$(c)" https://h.example.test/');
    expect(imported.warnings).toEqual([
      'The header X-A contains ${A} and $(c), which a shell would expand; Parley imports it as written.',
    ]);
  });
});

describe('importCurl (more of curl)', () => {
  test('query typed with [] and $ is kept as typed (with -g)', async () => {
    const { req } = await effective("curl -g 'http://x.example.test/u?page[number]=1&$top=3&q=a%20b'");
    expect(req.url).toBe('http://x.example.test/u?page[number]=1&$top=3&q=a%20b');
  });

  test('-d with a form body becomes form fields when they re-encode to the same octets', async () => {
    const imported = await importCurl("curl -d 'q=%ED%85%8C%EC%8A%A4%ED%8A%B8&a=b+c' http://x.example.test/");
    expect(imported.draft.body).toMatchObject({
      mode: 'form-urlencoded',
      fields: [
        { name: 'q', value: '테스트' },
        { name: 'a', value: 'b c' },
      ],
    });
    const { req } = await effective("curl -d 'q=%ED%85%8C%EC%8A%A4%ED%8A%B8&a=b+c' http://x.example.test/");
    expect(body(req)).toBe('q=%ED%85%8C%EC%8A%A4%ED%8A%B8&a=b+c');
    expect(headers(req)).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
  });

  test('-d with form text that would re-encode differently stays text, byte for byte', async () => {
    const { req } = await effective("curl -d 'b=x%20y&c=d,e' http://x.example.test/");
    expect(body(req)).toBe('b=x%20y&c=d,e');
    expect(headers(req)).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
  });

  test('-F parts become multipart parts; a file part names the file to choose', async () => {
    const imported = await importCurl("curl -F 'note=hi' -F 'up=@dir/a.txt;type=text/plain' http://x.example.test/");
    expect(imported.draft.method).toBe('POST');
    expect(imported.draft.body.mode).toBe('multipart');
    const parts = imported.draft.body.mode === 'multipart' ? imported.draft.body.parts : [];
    expect(parts.map((p) => [p.name, p.kind, p.value, p.contentType, p.file?.fileName ?? null])).toEqual([
      ['note', 'text', 'hi', '', null],
      ['up', 'file', '', 'text/plain', 'a.txt'],
    ]);
    expect(imported.warnings).toEqual([
      'Form field "up" sends the file "dir/a.txt"; choose that file in the body to send it.',
    ]);
  });

  test('unreadable input → an error sentence, a blank draft, no throw', async () => {
    const bad = await importCurl("curl 'unterminated");
    expect(bad.error).toBe("The command has an unclosed ' quote at column 6; add the closing ' and import again.");
    const notCurl = await importCurl('wget http://x.example.test/');
    expect(notCurl.error).toBe(
      'This is not a cURL command Parley can read: command should begin with "curl" but instead begins with "wget" wget http://x.example.test/.',
    );
    expect(notCurl.draft.url).toBe('');
  });

  test('isCurlCommand', () => {
    expect(isCurlCommand('curl https://x')).toBe(true);
    expect(isCurlCommand('  $ curl -X POST x')).toBe(true);
    expect(isCurlCommand('curly https://x')).toBe(false);
    expect(isCurlCommand('https://example.test/curl x')).toBe(false);
  });
});
