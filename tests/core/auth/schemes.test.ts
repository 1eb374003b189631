import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUTH_SCHEMES, applyAuth, authScheme, base64, basicCredentials } from '../../../src/core/auth/schemes.ts';

describe('auth descriptors', () => {
  it('offers the schemes with the UI labels (Inherit from parent last)', () => {
    expect(AUTH_SCHEMES.map((s) => [s.id, s.label])).toEqual([
      ['none', 'No auth'],
      ['bearer', 'Bearer token'],
      ['basic', 'Basic auth'],
      ['apikey', 'API key'],
      ['jwt', 'JWT bearer'],
      ['digest', 'Digest auth'],
      ['awsv4', 'AWS Signature'],
      ['oauth2', 'OAuth 2.0'],
      ['inherit', 'Inherit from parent'],
    ]);
    expect(applyAuth({ type: 'inherit' })).toEqual({});
    expect(authScheme('basic').fields.map((f) => f.label)).toEqual(['Username', 'Password']);
    expect(authScheme('apikey').fields.map((f) => f.label)).toEqual(['Key', 'Value', 'Add to']);
    expect(authScheme('bearer').empty()).toEqual({ type: 'bearer', token: '' });
    expect(authScheme('awsv4').fields.map((f) => f.label)).toEqual([
      'Access key ID',
      'Secret access key',
      'Session token',
      'Region',
      'Service',
    ]);
  });

  it('aws signature: adds nothing itself, says which fields are missing', () => {
    const full = {
      type: 'awsv4',
      accessKeyId: 'AKID',
      secretAccessKey: 's',
      sessionToken: '',
      region: 'us-east-1',
      service: 'execute-api',
    } as const;
    expect(applyAuth(full)).toEqual({});
    expect(applyAuth({ ...full, region: ' ' })).toEqual({ skipped: 'Region is empty, so the request is not signed.' });
    expect(applyAuth(authScheme('awsv4').empty())).toEqual({
      skipped: 'Access key ID, Secret access key, Region, Service are empty, so the request is not signed.',
    });
  });

  it('bearer: RFC 6750 Authorization field', () => {
    expect(applyAuth({ type: 'bearer', token: 'mF_9.B5f-4.1JqM' })).toEqual({
      headers: [['Authorization', 'Bearer mF_9.B5f-4.1JqM']],
    });
    expect(applyAuth({ type: 'bearer', token: ' ' }).headers).toBeUndefined();
  });

  it('basic: UTF-8 user:password (RFC 7617 §2.1)', () => {
    expect(basicCredentials('user', 'päss')).toBe('Basic dXNlcjpww6Rzcw==');
    expect(basicCredentials('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(basicCredentials('user', '😀')).toBe('Basic dXNlcjrwn5iA');
    expect(applyAuth({ type: 'basic', username: 'user', password: 'päss' })).toEqual({
      headers: [['Authorization', 'Basic dXNlcjpww6Rzcw==']],
    });
    expect(applyAuth({ type: 'basic', username: '', password: '' }).headers).toBeUndefined();
  });

  it('api key: header or query', () => {
    expect(applyAuth({ type: 'apikey', key: 'X-API-Key', value: 'k1', in: 'header' })).toEqual({
      headers: [['X-API-Key', 'k1']],
    });
    expect(applyAuth({ type: 'apikey', key: 'api_key', value: 'k 1', in: 'query' })).toEqual({
      query: [['api_key', 'k 1']],
    });
    expect(applyAuth({ type: 'apikey', key: '', value: 'k', in: 'query' }).skipped).toMatch(/Key/);
  });

  it('empty credentials add nothing and say why; an API key with an empty value is sent with a warning', () => {
    const bearerSkip = { skipped: 'The Bearer token is empty, so no Authorization header is sent.' };
    expect(applyAuth({ type: 'bearer', token: '' })).toEqual(bearerSkip);
    expect(applyAuth({ type: 'bearer', token: ' \t' })).toEqual(bearerSkip);
    expect(applyAuth({ type: 'basic', username: '', password: '' })).toEqual({
      skipped: 'Username and password are empty, so no Authorization header is sent.',
    });
    // One of the two empty is legitimate (RFC 7617 §2): sent.
    expect(applyAuth({ type: 'basic', username: 'user', password: '' })).toEqual({
      headers: [['Authorization', 'Basic dXNlcjo=']],
    });
    expect(applyAuth({ type: 'basic', username: '', password: 'pw' })).toEqual({
      headers: [['Authorization', 'Basic OnB3']],
    });
    expect(applyAuth({ type: 'apikey', key: ' ', value: 'k', in: 'header' })).toEqual({
      skipped: 'The API key name (Key) is empty, so the key is not sent.',
    });
    expect(applyAuth({ type: 'apikey', key: 'X-API-Key', value: '', in: 'header' })).toEqual({
      headers: [['X-API-Key', '']],
      warning: 'The API key value is empty: X-API-Key is sent as a header with an empty value.',
    });
    expect(applyAuth({ type: 'apikey', key: 'api_key', value: '', in: 'query' })).toEqual({
      query: [['api_key', '']],
      warning: 'The API key value is empty: api_key is sent in the query with an empty value.',
    });
  });

  it('base64 agrees with Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });
});
