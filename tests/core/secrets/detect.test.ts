/** The one secret detector (issue 9 point 6): every kind, with the exact draft it produces. */
import { describe, expect, it } from 'vitest';
import { stripDraftSecrets, stripUrlSecrets } from '../../../src/core/secrets/detect.ts';
import { findJsonSecrets } from '../../../src/core/secrets/json-fields.ts';
import { isSecretName, normalizeSecretName } from '../../../src/core/secrets/names.ts';
import { secretValueKind } from '../../../src/core/secrets/values.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import type { RequestDraft } from '../../../src/core/model/draft.ts';

const row = (id: string, name: string, value: string, enabled = true) => ({ id, name, value, enabled });
const draft = (overrides: Partial<RequestDraft>): RequestDraft => ({ ...blankDraft(), ...overrides });
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';

describe('secret names, normalised (case, -, _, .)', () => {
  it('normalises names', () => {
    expect(
      ['accessToken', 'ACCESS_TOKEN', 'access-token', 'access.token', 'access%5Ftoken'].map(normalizeSecretName),
    ).toEqual(['accesstoken', 'accesstoken', 'accesstoken', 'accesstoken', 'accesstoken']);
  });
  it('knows OAuth/OIDC, credential header, cloud and vendor names', () => {
    const secret = [
      'accessToken',
      'access_token',
      'refresh_token',
      'id_token',
      'id_token_hint',
      'clientSecret',
      'client_secret',
      'code_verifier',
      'client_assertion',
      'subject_token',
      'device_code',
      'X-RapidAPI-Key',
      'X-Authorization',
      'Authentication',
      'Authorization',
      'Proxy-Authorization',
      'Cookie',
      'api_key',
      'apiKey',
      'x-api-key',
      'X-Auth-Token',
      'X-Amz-Security-Token',
      'X-Amz-Signature',
      'X-Amz-Credential',
      'aws_secret_access_key',
      'Ocp-Apim-Subscription-Key',
      'x-functions-key',
      'X-Goog-Api-Key',
      'PRIVATE-TOKEN',
      'DD-API-KEY',
      'DD-APPLICATION-KEY',
      'X-Vault-Token',
      'X-Shopify-Access-Token',
      'X-Postmark-Server-Token',
      'X-CSRF-Token',
      'db.password',
      'userPassword',
      'passphrase',
      'pin',
      'sessionId',
      'JSESSIONID',
      'private_key',
      'credentials',
      'token',
      'key',
      'secret',
      'sig',
    ];
    for (const n of secret) expect(isSecretName(n), n).toBe(true);
  });
  it('leaves look-alikes alone', () => {
    const plain = [
      '',
      'page',
      'keyboard',
      'monkey',
      'author',
      'tokens',
      'signed',
      'pageToken',
      'nextPageToken',
      'token_type',
      'publicKey',
      'Idempotency-Key',
      'Accept',
      'Content-Type',
      'X-Request-Id',
      'code',
      'state',
      'username',
    ];
    for (const n of plain) expect(isSecretName(n), n).toBe(false);
  });
});

describe('secret-looking values', () => {
  it('recognises JWTs, Bearer and Basic credentials, AWS keys and vendor key formats', () => {
    expect(secretValueKind(JWT)).toBe('a JWT');
    expect(secretValueKind(`Bearer ${JWT}`)).toBe('a JWT');
    expect(secretValueKind('Bearer mF_9.B5f-4.1JqM')).toBe('a Bearer token');
    expect(secretValueKind('Basic YWxpY2U6aHVudGVyMg==')).toBe('Basic credentials');
    expect(secretValueKind(AWS_KEY)).toBe('an AWS access key');
    expect(secretValueKind('ASIAY34FZKBOKMUTVV7A')).toBe('an AWS access key');
    expect(secretValueKind('ghp_' + 'a'.repeat(36))).toBe('a GitHub token');
    expect(secretValueKind('xoxb-1234567890-abcdefghij')).toBe('a Slack token');
    expect(secretValueKind('sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc')).toBe('a Stripe key');
    expect(secretValueKind('AIza' + 'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY')).toBe('a Google API key');
    expect(secretValueKind('-----BEGIN RSA PRIVATE KEY-----\nMIIE')).toBe('a private key');
  });
  it('does not flag ordinary values', () => {
    for (const v of ['', 'application/json', 'Bearer', 'hello world', '2024-01-01', 'AKIA', 'eyJ', 'Basic auth is off'])
      expect(secretValueKind(v), v).toBeNull();
  });
});

describe('stripDraftSecrets: each kind, exact drafts', () => {
  it('query names in camelCase and by value; rows emptied and disabled', () => {
    const d = draft({
      url: 'https://api.test/v1',
      query: [
        row('q1', 'accessToken', 'AT'),
        row('q2', 'clientSecret', 'CS'),
        row('q3', 'page', '2'),
        row('q4', 'ak', AWS_KEY),
        row('q5', 'apiKey', '{{apiKey}}'),
      ],
    });
    const r = stripDraftSecrets(d, null);
    expect(r.draft.query).toEqual([
      row('q1', 'accessToken', '', false),
      row('q2', 'clientSecret', '', false),
      row('q3', 'page', '2'),
      row('q4', 'ak', '', false),
      row('q5', 'apiKey', '{{apiKey}}'),
    ]);
    expect(r.findings).toEqual([
      { where: 'query', name: 'accessToken', key: 'query:0', reason: 'name' },
      { where: 'query', name: 'clientSecret', key: 'query:1', reason: 'name' },
      { where: 'query', name: 'ak', key: 'query:3', reason: 'an AWS access key' },
    ]);
    expect(r.omitted).toEqual([
      { where: 'query', name: 'accessToken' },
      { where: 'query', name: 'clientSecret' },
      { where: 'query', name: 'ak' },
    ]);
  });

  it('vendor key headers and secret-looking header values', () => {
    const d = draft({
      headers: [
        row('h1', 'X-RapidAPI-Key', 'rk'),
        row('h2', 'X-Authorization', 'xa'),
        row('h3', 'Authentication', 'au'),
        row('h4', 'x-api-key', 'xk'),
        row('h5', 'X-Trace', JWT),
        row('h6', 'X-Forwarded-Auth', 'Bearer abcdef123456'),
        row('h7', 'Accept', 'application/json'),
      ],
    });
    const r = stripDraftSecrets(d, null);
    expect(r.draft.headers).toEqual([
      row('h1', 'X-RapidAPI-Key', '', false),
      row('h2', 'X-Authorization', '', false),
      row('h3', 'Authentication', '', false),
      row('h4', 'x-api-key', '', false),
      row('h5', 'X-Trace', '', false),
      row('h6', 'X-Forwarded-Auth', '', false),
      row('h7', 'Accept', 'application/json'),
    ]);
    expect(r.findings.map((f) => [f.name, f.reason])).toEqual([
      ['X-RapidAPI-Key', 'name'],
      ['X-Authorization', 'name'],
      ['Authentication', 'name'],
      ['x-api-key', 'name'],
      ['X-Trace', 'a JWT'],
      ['X-Forwarded-Auth', 'a Bearer token'],
    ]);
  });

  it('form-urlencoded fields (password=, client_secret=)', () => {
    const d = draft({
      method: 'POST',
      body: {
        mode: 'form-urlencoded',
        fields: [
          row('f1', 'grant_type', 'password'),
          row('f2', 'username', 'alice'),
          row('f3', 'password', 'hunter2'),
          row('f4', 'client_secret', 's3cr3t'),
          row('f5', 'client%5Fsecret', 'enc'),
        ],
      },
    });
    const r = stripDraftSecrets(d, null);
    expect(r.draft.body).toEqual({
      mode: 'form-urlencoded',
      fields: [
        row('f1', 'grant_type', 'password'),
        row('f2', 'username', 'alice'),
        row('f3', 'password', ''),
        row('f4', 'client_secret', ''),
        row('f5', 'client%5Fsecret', ''),
      ],
    });
    expect(r.omitted).toEqual([
      { where: 'body', name: 'Form field password' },
      { where: 'body', name: 'Form field client_secret' },
      { where: 'body', name: 'Form field client_secret' },
    ]);
  });

  it('JSON bodies: nested keys, arrays, secret-looking values; the rest of the text unchanged', () => {
    const text =
      '{\n  "user": { "name": "alice", "password": "hunter2" },\n  "items": [{ "apiKey": 12345 }, { "note": "' +
      JWT +
      '" }],\n  "credentials": { "id": "c1", "pin": "0000" },\n  "client_secret": "{{secret}}",\n  "big": 12345678901234567890\n}';
    const r = stripDraftSecrets(draft({ body: { mode: 'json', text } }), null);
    expect(r.draft.body).toEqual({
      mode: 'json',
      text:
        '{\n  "user": { "name": "alice", "password": "" },\n  "items": [{ "apiKey": "" }, { "note": "" }],\n' +
        '  "credentials": { "id": "", "pin": "" },\n  "client_secret": "{{secret}}",\n  "big": 12345678901234567890\n}',
    });
    expect(r.findings.map((f) => [f.name, f.key, f.reason])).toEqual([
      ['JSON field user.password', 'json:user.password', 'name'],
      ['JSON field items[0].apiKey', 'json:items[0].apiKey', 'name'],
      ['JSON field items[1].note', 'json:items[1].note', 'a JWT'],
      ['JSON field credentials.id', 'json:credentials.id', 'name'],
      ['JSON field credentials.pin', 'json:credentials.pin', 'name'],
    ]);
  });

  it('JSON scanning tolerates a body that is not valid JSON yet', () => {
    expect(findJsonSecrets('{"token": {{tok}}, "password": "pw", }')).toEqual([
      { path: 'password', start: 31, end: 35, reason: 'name' },
    ]);
    expect(findJsonSecrets('[{"a":"b"},{"secret":"x\\"y"}]')).toEqual([
      { path: '[1].secret', start: 21, end: 27, reason: 'name' },
    ]);
    expect(findJsonSecrets('{"password": "unterminated')).toEqual([
      { path: 'password', start: 13, end: 26, reason: 'name' },
    ]);
  });

  it('multipart text parts (file parts are left to stripFiles)', () => {
    const part = (id: string, name: string, value: string) => ({
      id,
      name,
      enabled: true,
      kind: 'text' as const,
      value,
      contentType: '',
      file: null,
    });
    const d = draft({
      body: {
        mode: 'multipart',
        parts: [part('p1', 'title', 'hi'), part('p2', 'password', 'pw'), part('p3', 'blob', JWT)],
      },
    });
    const r = stripDraftSecrets(d, null);
    expect(r.draft.body).toEqual({
      mode: 'multipart',
      parts: [part('p1', 'title', 'hi'), part('p2', 'password', ''), part('p3', 'blob', '')],
    });
    expect(r.omitted).toEqual([
      { where: 'body', name: 'Multipart part password' },
      { where: 'body', name: 'Multipart part blob' },
    ]);
  });

  it('text and XML bodies: secret-looking values are cut out of the text', () => {
    const r = stripDraftSecrets(
      draft({ body: { mode: 'xml', text: `<auth><jwt>${JWT}</jwt><key>${AWS_KEY}</key></auth>` } }),
      null,
    );
    expect(r.draft.body).toEqual({ mode: 'xml', text: '<auth><jwt></jwt><key></key></auth>' });
    expect(r.findings.map((f) => [f.name, f.reason])).toEqual([
      ['Text body value 1', 'a JWT'],
      ['Text body value 2', 'an AWS access key'],
    ]);
  });

  it('#access_token= in the fragment, and a fragment that is one token', () => {
    const r = stripDraftSecrets(
      draft({ url: 'https://app.test/cb', fragment: 'access_token=AT&token_type=bearer&state=xyz&id_token=' + JWT }),
      null,
    );
    expect(r.draft.fragment).toBe('access_token=&token_type=bearer&state=xyz&id_token=');
    expect(r.omitted).toEqual([
      { where: 'url', name: 'Fragment parameter access_token' },
      { where: 'url', name: 'Fragment parameter id_token' },
    ]);
    expect(stripDraftSecrets(draft({ fragment: JWT }), null).draft.fragment).toBe('');
    expect(stripDraftSecrets(draft({ fragment: 'section-2' }), null).draft.fragment).toBe('section-2');
  });

  it('path variable values, by name and by value', () => {
    const r = stripDraftSecrets(
      draft({
        url: 'https://api.test/users/:id/keys/:apiKey/:ref',
        pathVariables: { id: '42', apiKey: 'k-123', ref: JWT },
      }),
      null,
    );
    expect(r.draft.pathVariables).toEqual({ id: '42', apiKey: '', ref: '' });
    expect(r.omitted).toEqual([
      { where: 'url', name: 'Path variable :apiKey' },
      { where: 'url', name: 'Path variable :ref' },
    ]);
  });

  it('user:password@host typed with or without a scheme', () => {
    const strip = (url: string) => stripDraftSecrets(draft({ url }), null);
    expect(strip('alice:hunter2@api.example.test/v1').draft.url).toBe('alice@api.example.test/v1');
    expect(strip('https://alice:hunter2@api.example.test/v1').draft.url).toBe('https://alice@api.example.test/v1');
    expect(strip(':hunter2@api.example.test').draft.url).toBe('@api.example.test');
    expect(strip('alice:hunter2@api.example.test').omitted).toEqual([{ where: 'url', name: 'Password in URL' }]);
    // A port is not a password, and an @ after the path starts is not userinfo.
    expect(strip('api.example.test:8080/v1').draft.url).toBe('api.example.test:8080/v1');
    expect(strip('https://api.example.test:8080/u/a:b@c').draft.url).toBe('https://api.example.test:8080/u/a:b@c');
    expect(strip('alice:{{pw}}@api.example.test').draft.url).toBe('alice:{{pw}}@api.example.test');
  });

  it('auth and variables (flagged secret, or named or valued like one)', () => {
    const variables = [
      { id: 'a', name: 'host', value: 'h', enabled: true, secret: false },
      { id: 'b', name: 'pw', value: 'p', enabled: true, secret: true },
      { id: 'c', name: 'clientSecret', value: 'cs', enabled: true, secret: false },
      { id: 'd', name: 'session', value: '', enabled: true, secret: true },
      { id: 'e', name: 'header', value: `Bearer ${'x'.repeat(20)}`, enabled: true, secret: false },
    ];
    const r = stripDraftSecrets(draft({ auth: { type: 'bearer', token: 'tok' } }), variables);
    expect(r.draft.auth).toEqual({ type: 'bearer', token: '' });
    expect(r.variables?.map((v) => v.value)).toEqual(['h', '', '', '', '']);
    expect(r.findings).toEqual([
      { where: 'auth', name: 'Token', key: 'auth', reason: 'name' },
      { where: 'variable', name: 'pw', key: 'variable:1', reason: 'marked secret' },
      { where: 'variable', name: 'clientSecret', key: 'variable:2', reason: 'name' },
      { where: 'variable', name: 'header', key: 'variable:4', reason: 'a Bearer token' },
    ]);
  });

  it('keeps exactly the items the person chose, and still lists them as findings', () => {
    const d = draft({
      query: [row('q1', 'accessToken', 'AT'), row('q2', 'clientSecret', 'CS')],
      auth: { type: 'bearer', token: 'tok' },
    });
    const r = stripDraftSecrets(d, null, new Set(['query:1']));
    expect(r.draft.query).toEqual([row('q1', 'accessToken', '', false), row('q2', 'clientSecret', 'CS')]);
    expect(r.draft.auth).toEqual({ type: 'bearer', token: '' });
    expect(r.omitted).toEqual([
      { where: 'auth', name: 'Token' },
      { where: 'query', name: 'accessToken' },
    ]);
    expect(r.findings.map((f) => f.key)).toEqual(['auth', 'query:0', 'query:1']);
    expect(d.query[0]!.value).toBe('AT');
  });
});

describe('stripUrlSecrets (a target URI as one string, e.g. in history)', () => {
  it('empties userinfo password, secret query and fragment values', () => {
    const r = stripUrlSecrets(`https://u:pw@api.test/x?page=2&access_token=abc&k=${AWS_KEY}#id_token=${JWT}&state=1`);
    expect(r.url).toBe('https://u@api.test/x?page=2&access_token=&k=#id_token=&state=1');
    expect(r.findings.map((f) => [f.key, f.name, f.reason])).toEqual([
      ['url:userinfo', 'Password in URL', 'name'],
      ['query:1', 'access_token', 'name'],
      ['query:2', 'k', 'an AWS access key'],
      ['fragment:0', 'Fragment parameter id_token', 'name'],
    ]);
    expect(stripUrlSecrets('https://api.test/x?page=2', new Set()).url).toBe('https://api.test/x?page=2');
    expect(stripUrlSecrets('https://api.test/x?token=t', new Set(['query:0'])).url).toBe('https://api.test/x?token=t');
  });
});
