/** Issue 10 point 10: cURL options mapped onto what Parley has, with exact drafts, and plain-word errors. */
import { describe, expect, test } from 'vitest';
import { importCurl } from '../../../src/core/curl/import-curl.ts';
import { unclosedQuote } from '../../../src/core/curl/quotes.ts';
import { parseDraft, type RequestDraft } from '../../../src/core/model/draft.ts';

/** The draft without row ids (fresh on every import). */
const plain = (d: RequestDraft) => ({
  ...d,
  query: d.query.map(({ id: _id, ...r }) => r),
  headers: d.headers.map(({ id: _id, ...r }) => r),
});

describe('cURL options → the request', () => {
  test('-L, -k, --compressed, Bearer header: exact draft, no warnings', async () => {
    const r = await importCurl(
      "curl -L -k --compressed -H 'Authorization: Bearer abc.DEF-1' -H 'Accept: application/json' https://api.example.test/v1?x=1",
    );
    expect([r.error, r.warnings, r.followRedirects]).toEqual([null, [], true]);
    expect(plain(r.draft)).toEqual({
      v: 1,
      method: 'GET',
      url: 'https://api.example.test/v1',
      query: [{ name: 'x', value: '1', enabled: true }],
      fragment: null,
      pathVariables: {},
      headers: [
        { name: 'Accept', value: 'application/json', enabled: true },
        { name: 'Accept-Encoding', value: 'gzip, deflate, br', enabled: true },
      ],
      auth: { type: 'bearer', token: 'abc.DEF-1' },
      body: { mode: 'none' },
      verifyTls: false,
    });
  });

  test('--insecure and --location long forms; no -L leaves redirects alone', async () => {
    const long = await importCurl('curl --insecure --location https://a.test/');
    expect([long.draft.verifyTls, long.followRedirects]).toEqual([false, true]);
    const none = await importCurl('curl https://a.test/');
    expect([none.draft.verifyTls, none.followRedirects]).toEqual([true, false]);
  });

  test('Basic header → Basic auth with username and password (UTF-8, colons in the password)', async () => {
    // base64("admin:p:ss:é") = YWRtaW46cDpzczrDqQ==
    const r = await importCurl("curl -H 'Authorization: Basic YWRtaW46cDpzczrDqQ==' https://a.test/");
    expect(r.draft.auth).toEqual({ type: 'basic', username: 'admin', password: 'p:ss:é' });
    expect(r.draft.headers).toEqual([]);
  });

  test.each([
    ['another scheme', 'Authorization: Digest username="a"'],
    ['Basic that is not base64 of user:password', 'Authorization: Basic bm9jb2xvbg=='],
    ['Basic that is not UTF-8', 'Authorization: Basic /w=='],
    ['Bearer with a trailing space (the Auth tab would trim it)', 'Authorization: Bearer abc '],
    ['lower-case scheme', 'Authorization: bearer abc'],
  ])('%s stays a header row', async (_name, header) => {
    const r = await importCurl(`curl -H '${header}' https://a.test/`);
    expect(r.draft.auth).toEqual({ type: 'none' });
    expect(r.draft.headers.map((h) => `${h.name}: ${h.value}`)).toEqual([header]);
  });

  test('two Authorization rows stay rows; -u wins over a typed header', async () => {
    const two = await importCurl("curl -H 'Authorization: Bearer a' -H 'Authorization: Bearer b' https://a.test/");
    expect([two.draft.auth, two.draft.headers.length]).toEqual([{ type: 'none' }, 2]);
    const u = await importCurl("curl -u me:pw -H 'Authorization: Bearer a' https://a.test/");
    expect(u.draft.auth).toEqual({ type: 'basic', username: 'me', password: 'pw' });
    expect(u.draft.headers.map((h) => h.value)).toEqual(['Bearer a']);
  });

  test('--compressed keeps a typed Accept-Encoding as it is', async () => {
    const r = await importCurl("curl --compressed -H 'Accept-Encoding: br' https://a.test/");
    expect(r.draft.headers.map((h) => [h.name, h.value])).toEqual([['Accept-Encoding', 'br']]);
  });

  test('-x is named in a warning, not imported', async () => {
    const r = await importCurl('curl -x http://proxy.test:3128 https://a.test/');
    expect(r.warnings).toEqual([
      "The command goes through the proxy http://proxy.test:3128 (-x, --proxy); Parley does not use other proxies, so it sends to the target itself (directly or through Parley's own proxy).",
    ]);
  });
});

describe('errors in plain words', () => {
  test.each([
    [
      `curl -H "X-Quote: it's" -d '{"a": 1} https://a.test/`,
      "The command has an unclosed ' quote at column 28; add the closing ' and import again.",
    ],
    [`curl "https://a.test/`, 'The command has an unclosed " quote at column 6; add the closing " and import again.'],
    [
      `curl https://a.test/ -H $'X: \\'`,
      "The command has an unclosed $' quote at column 25; add the closing ' and import again.",
    ],
    [
      `curl https://a.test/ \\\n  -H 'A: b`,
      "The command has an unclosed ' quote at line 2, column 6; add the closing ' and import again.",
    ],
  ])('%s', async (command, message) => {
    const r = await importCurl(command);
    expect(r.error).toBe(message);
    expect(r.draft.url).toBe('');
  });

  test('escaped and nested quotes are closed', () => {
    expect(unclosedQuote(`curl -H "a \\" b 'c'" -d 'x"y' $'it\\'s' \\' https://a.test/`)).toBeNull();
  });
});

describe('the Verify TLS field', () => {
  test('a stored draft without it loads with verification on; false survives', () => {
    expect(parseDraft({ v: 1, method: 'GET', url: 'https://a.test/' }).verifyTls).toBe(true);
    expect(parseDraft({ v: 1, verifyTls: false }).verifyTls).toBe(false);
    expect(parseDraft({ v: 1, verifyTls: 'no' }).verifyTls).toBe(true);
  });
});
