import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { decodeShare, encodeShare, MAX_DECODED_BYTES } from '../../../src/core/share/codec.ts';
import { decodeBase64Url, encodeBase64Url } from '../../../src/core/share/base64url.ts';
import { isSecretName } from '../../../src/core/share/secrets.ts';
import { parseDraft, type RequestDraft } from '../../../src/core/model/draft.ts';
import { exampleDraft } from '../../../src/core/model/defaults.ts';

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};
const row = (id: string, name: string, value: string, enabled = true) => ({ id, name, value, enabled });
const TRICKY = 'Zoë ✓\nline 2\r\nback\\slash\t{"n":12345678901234567890}';

function draft(overrides: Partial<RequestDraft>): RequestDraft {
  return { ...parseDraft({}), ...overrides };
}

function roundTrip(d: RequestDraft, includeSecrets = false) {
  const { fragment } = encodeShare(d, { includeSecrets });
  const back = decodeShare('#' + fragment, ids());
  if (!back.ok) throw new Error(back.message);
  return back;
}

describe('base64url', () => {
  it('encodes the RFC 4648 test vectors in the URL alphabet without padding', () => {
    const enc = (s: string) => encodeBase64Url(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '',
      'Zg',
      'Zm8',
      'Zm9v',
      'Zm9vYg',
      'Zm9vYmE',
      'Zm9vYmFy',
    ]);
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect([...decodeBase64Url('-_8')]).toEqual([0xfb, 0xff]);
    expect([...decodeBase64Url('Zm9vYg==')]).toEqual([...new TextEncoder().encode('foob')]);
  });
  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(() => decodeBase64Url('ab+c')).toThrow('character "+" at position 2 is not base64url');
    expect(() => decodeBase64Url('abcde')).toThrow('cannot be 5 characters long');
  });
});

describe('share codec round trip', () => {
  it('keeps method, URL, every header (order, duplicates, disabled) and the body text exactly', () => {
    const d = draft({
      method: 'PROPFIND',
      url: 'https://api.example.test/users/:id',
      query: [
        { ...row('q1', 'a', '1%202'), noEquals: false },
        { ...row('q2', 'flag', ''), noEquals: true },
      ],
      fragment: 'top',
      pathVariables: { id: '42' },
      headers: [
        row('h1', 'X-B', 'two'),
        row('h2', 'X-A', 'one'),
        row('h3', 'X-A', 'one again'),
        row('h4', 'X-Off', 'x', false),
      ],
      body: { mode: 'json', text: TRICKY },
    });
    const back = roundTrip(d);
    expect(back.draft).toEqual({
      ...d,
      query: [
        { ...row('id1', 'a', '1%202'), noEquals: false },
        { ...row('id2', 'flag', ''), noEquals: true },
      ],
      headers: [
        row('id3', 'X-B', 'two'),
        row('id4', 'X-A', 'one'),
        row('id5', 'X-A', 'one again'),
        row('id6', 'X-Off', 'x', false),
      ],
    });
    expect(back.draft.body).toEqual({ mode: 'json', text: 'Zoë ✓\nline 2\r\nback\\slash\t{"n":12345678901234567890}' });
    expect(back.omitted).toEqual([]);
  });

  it.each(['text', 'xml'] as const)('keeps a %s body byte for byte', (mode) => {
    const back = roundTrip(draft({ body: { mode, text: TRICKY } }));
    expect(back.draft.body).toEqual({ mode, text: TRICKY });
  });

  it('keeps form-urlencoded fields and multipart text parts', () => {
    const form = roundTrip(
      draft({
        body: { mode: 'form-urlencoded', fields: [row('f1', 'name', 'Zoë ✓'), row('f2', 'name', 'a\\b', false)] },
      }),
    );
    expect(form.draft.body).toEqual({
      mode: 'form-urlencoded',
      fields: [row('id1', 'name', 'Zoë ✓'), row('id2', 'name', 'a\\b', false)],
    });
    const part = {
      id: 'p1',
      name: 'meta',
      enabled: true,
      kind: 'text' as const,
      value: TRICKY,
      contentType: 'application/json',
      file: null,
    };
    const multi = roundTrip(draft({ body: { mode: 'multipart', parts: [part] } }));
    expect(multi.draft.body).toEqual({ mode: 'multipart', parts: [{ ...part, id: 'id1' }] });
    expect(roundTrip(draft({ body: { mode: 'none' } })).draft.body).toEqual({ mode: 'none' });
  });

  it('says that file bodies cannot travel in a link', () => {
    const file = { fileId: 'f', fileName: 'photo.png', contentType: 'image/png', size: 10 };
    const bin = encodeShare(draft({ body: { mode: 'binary', file } }));
    expect(bin.omitted).toEqual([{ where: 'body', name: 'File photo.png' }]);
    const back = decodeShare(bin.fragment, ids());
    expect(back.ok && back.draft.body).toEqual({ mode: 'binary', file: null });
    expect(back.ok && back.omitted).toEqual([{ where: 'body', name: 'File photo.png' }]);
    const parts = [{ id: 'p', name: 'upload', enabled: true, kind: 'file' as const, value: '', contentType: '', file }];
    expect(encodeShare(draft({ body: { mode: 'multipart', parts } })).omitted).toEqual([
      { where: 'body', name: 'File photo.png (part upload)' },
    ]);
  });
});

describe('share codec secrets', () => {
  const secretDraft = draft({
    url: 'https://alice:hunter2@api.example.test/v1',
    query: [
      row('q1', 'page', '2'),
      row('q2', 'Access_Token', 'AT'),
      row('q3', 'client_secret', 'CS'),
      row('q4', 'X-Amz-Signature', 'S'),
      row('q5', 'sig', 'G'),
      row('q6', 'keyboard', 'qwerty'),
      row('q7', 'api%5Fkey', 'K'),
    ],
    headers: [
      row('h1', 'Accept', 'application/json'),
      row('h2', 'authorization', 'Bearer x'),
      row('h3', 'Cookie', 'a=b'),
      row('h4', 'Proxy-Authorization', 'Basic y'),
      row('h5', 'X-API-Key', 'k'),
    ],
    auth: { type: 'bearer', token: 'tok' },
  });

  it('empties secrets by default and lists each one', () => {
    const { fragment, omitted } = encodeShare(secretDraft);
    expect(omitted).toEqual([
      { where: 'auth', name: 'Token' },
      { where: 'url', name: 'Password in URL' },
      { where: 'query', name: 'Access_Token' },
      { where: 'query', name: 'client_secret' },
      { where: 'query', name: 'X-Amz-Signature' },
      { where: 'query', name: 'sig' },
      { where: 'query', name: 'api%5Fkey' },
      { where: 'header', name: 'authorization' },
      { where: 'header', name: 'Cookie' },
      { where: 'header', name: 'Proxy-Authorization' },
      { where: 'header', name: 'X-API-Key' },
    ]);
    const back = decodeShare(fragment, ids());
    if (!back.ok) throw new Error(back.message);
    expect(back.omitted).toEqual(omitted);
    expect(back.draft.url).toBe('https://alice@api.example.test/v1');
    expect(back.draft.auth).toEqual({ type: 'bearer', token: '' });
    // Left-out rows arrive empty AND disabled: Send carries no `Cookie: ` or `?sig=` until filled in and enabled.
    expect(back.draft.query.map((q) => [q.name, q.value, q.enabled])).toEqual([
      ['page', '2', true],
      ['Access_Token', '', false],
      ['client_secret', '', false],
      ['X-Amz-Signature', '', false],
      ['sig', '', false],
      ['keyboard', 'qwerty', true],
      ['api%5Fkey', '', false],
    ]);
    expect(back.draft.headers.map((h) => [h.name, h.value, h.enabled])).toEqual([
      ['Accept', 'application/json', true],
      ['authorization', '', false],
      ['Cookie', '', false],
      ['Proxy-Authorization', '', false],
      ['X-API-Key', '', false],
    ]);
    // The secret text does not appear anywhere in the decoded payload.
    expect(JSON.stringify(back)).not.toMatch(/hunter2|"tok"|Bearer x|a=b|"AT"|"CS"/);
  });

  it('a link made before rows were disabled on encoding still opens with the left-out rows disabled', () => {
    const legacy = {
      draft: {
        ...draft({}),
        url: 'https://api.example.test/v1',
        query: [
          { name: 'access_token', value: '', enabled: true },
          { name: 'page', value: '', enabled: true },
        ],
        headers: [
          { name: 'Cookie', value: '', enabled: true },
          { name: 'Accept', value: '*/*', enabled: true },
        ],
      },
      omitted: [
        { where: 'query', name: 'access_token' },
        { where: 'header', name: 'Cookie' },
      ],
    };
    const fragment = 'r=1.' + encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(legacy))));
    const back = decodeShare(fragment, ids());
    if (!back.ok) throw new Error(back.message);
    expect(back.draft.query.map((q) => [q.name, q.value, q.enabled])).toEqual([
      ['access_token', '', false],
      ['page', '', true],
    ]);
    expect(back.draft.headers.map((h) => [h.name, h.value, h.enabled])).toEqual([
      ['Cookie', '', false],
      ['Accept', '*/*', true],
    ]);
  });

  it('keeps everything with includeSecrets', () => {
    const { omitted, fragment } = encodeShare(secretDraft, { includeSecrets: true });
    expect(omitted).toEqual([]);
    const back = decodeShare(fragment, ids());
    expect(back.ok && back.draft.url).toBe('https://alice:hunter2@api.example.test/v1');
    expect(back.ok && back.draft.auth).toEqual({ type: 'bearer', token: 'tok' });
    expect(back.ok && back.draft.headers.map((h) => h.value)).toEqual([
      'application/json',
      'Bearer x',
      'a=b',
      'Basic y',
      'k',
    ]);
  });

  it('strips the Basic password and the API key value but keeps user name and key name', () => {
    const basic = roundTrip(draft({ auth: { type: 'basic', username: 'ann', password: 'pw' } }));
    expect(basic.draft.auth).toEqual({ type: 'basic', username: 'ann', password: '' });
    expect(basic.omitted).toEqual([{ where: 'auth', name: 'Password' }]);
    const key = roundTrip(draft({ auth: { type: 'apikey', key: 'X-Key', value: 'v', in: 'query' } }));
    expect(key.draft.auth).toEqual({ type: 'apikey', key: 'X-Key', value: '', in: 'query' });
    expect(key.omitted).toEqual([{ where: 'auth', name: 'API key value (X-Key)' }]);
  });

  it('shares variables only when asked, secret ones emptied', () => {
    const variables = [
      { id: 'a', name: 'host', value: 'h', enabled: true, secret: false },
      { id: 'b', name: 'pw', value: 'p', enabled: true, secret: true },
    ];
    const { fragment, omitted } = encodeShare(draft({}), { variables });
    expect(omitted).toEqual([{ where: 'variable', name: 'pw' }]);
    const back = decodeShare(fragment, ids());
    expect(back.ok && back.variables).toEqual([
      { ...variables[0], id: 'id1' },
      { ...variables[1], value: '', id: 'id2' },
    ]);
    const none = decodeShare(encodeShare(draft({})).fragment, ids());
    expect(none.ok && none.variables).toBe(null);
  });

  it('recognises secret names case-insensitively, and not look-alikes', () => {
    for (const n of [
      'token',
      'TOKEN',
      'apikey',
      'API-KEY',
      'x-api-key',
      'key',
      'secret',
      'password',
      'signature',
      'auth',
      'refresh_token',
      'Client_Secret',
    ])
      expect(isSecretName(n), n).toBe(true);
    for (const n of ['', 'page', 'keyboard', 'tokens', 'author', 'monkey', 'signed'])
      expect(isSecretName(n), n).toBe(false);
  });
});

describe('share codec bad links', () => {
  const good = encodeShare(exampleDraft('http://127.0.0.1:8080')).fragment;

  it('rejects a truncated link', () => {
    const cut = decodeShare(good.slice(0, good.length - 20), ids());
    expect(cut).toMatchObject({ ok: false, code: 'truncated' });
    expect(decodeShare('r=1.', ids())).toMatchObject({ ok: false, code: 'truncated' });
    // A length no base64 text can have: a cut in the middle of a character group.
    const odd = good.slice(0, 4 + (Math.floor((good.length - 4) / 4) - 2) * 4 + 1);
    expect((odd.length - 4) % 4).toBe(1);
    expect(decodeShare(odd, ids())).toMatchObject({ ok: false, code: 'truncated' });
  });

  it('rejects garbled links with a message', () => {
    const r = decodeShare('#r=1.%%%not-base64', ids());
    expect(r).toEqual({
      ok: false,
      code: 'garbled',
      message: 'This share link is damaged (character "%" at position 0 is not base64url). Ask for the link again.',
    });
    expect(decodeShare('r=1.' + encodeBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff])), ids())).toMatchObject({
      ok: false,
      code: 'garbled',
    });
    const notJson = encodeBase64Url(deflateSync(new TextEncoder().encode('hello')));
    expect(decodeShare('r=1.' + notJson, ids())).toMatchObject({ ok: false, code: 'garbled' });
    const notDraft = encodeBase64Url(deflateSync(new TextEncoder().encode('{"draft":[1,2]}')));
    expect(decodeShare('r=1.' + notDraft, ids())).toEqual({
      ok: false,
      code: 'invalid',
      message: 'This share link does not hold a request Parley understands.',
    });
    expect(decodeShare('r=x', ids())).toMatchObject({ ok: false, code: 'garbled' });
    expect(decodeShare('#foo', ids())).toMatchObject({ ok: false, code: 'not-a-share-link' });
  });

  it('rejects an unknown version', () => {
    expect(decodeShare('r=2.' + good.slice(4), ids())).toEqual({
      ok: false,
      code: 'unknown-version',
      message: 'This share link uses format version 2, which this version of Parley cannot read (it reads version 1).',
    });
  });

  it('stops inflating beyond the bound', () => {
    // 64 MB of spaces compress to ~64 KB: a link-sized "zip bomb".
    const bomb = new Uint8Array(64 * 1024 * 1024).fill(32);
    const packed = encodeBase64Url(deflateSync(bomb, { level: 9 }));
    expect(decodeShare('r=1.' + packed, ids())).toEqual({
      ok: false,
      code: 'too-large',
      message: 'This share link expands to more than 4 MB; Parley does not open it.',
    });
    // A payload of exactly the bound still opens; one byte more does not.
    const json = '{"draft":{"method":"GET","url":"u"}}';
    const padded = (n: number) => new TextEncoder().encode(json + ' '.repeat(n - json.length));
    const atBound = decodeShare('r=1.' + encodeBase64Url(deflateSync(padded(MAX_DECODED_BYTES))), ids());
    expect(atBound.ok && [atBound.draft.method, atBound.draft.url]).toEqual(['GET', 'u']);
    expect(decodeShare('r=1.' + encodeBase64Url(deflateSync(padded(MAX_DECODED_BYTES + 1))), ids())).toMatchObject({
      ok: false,
      code: 'too-large',
    });
  });
});

describe('link length', () => {
  it('the default example request makes a short link', () => {
    const { fragment, omitted } = encodeShare(exampleDraft('http://127.0.0.1:8080'));
    expect(omitted).toEqual([{ where: 'auth', name: 'Token' }]);
    expect(fragment.length).toBeLessThan(400);
    console.log(`share fragment length for exampleDraft: ${fragment.length} chars`);
  });
});
