/** Issue 16: AWS Signature and Digest credentials never leave in a share link or an export. */
import { describe, expect, it } from 'vitest';
import { stripDraftSecrets } from '../../../src/core/secrets/detect.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import { parseDraft, type Auth } from '../../../src/core/model/draft.ts';

const aws = (fields: Partial<Extract<Auth, { type: 'awsv4' }>>): Auth => ({
  type: 'awsv4',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'AQoDYXdzEPT//////////wEXAMPLEtEXAMPLE',
  region: 'eu-west-1',
  service: 's3',
  ...fields,
});

describe('AWS Signature secrets', () => {
  it('empties the secret, the session token and an AKIA… key id; keeps region and service', () => {
    const r = stripDraftSecrets({ ...blankDraft(), auth: aws({}) }, null);
    expect(r.draft.auth).toEqual({
      type: 'awsv4',
      accessKeyId: '',
      secretAccessKey: '',
      sessionToken: '',
      region: 'eu-west-1',
      service: 's3',
    });
    expect(r.findings).toEqual([
      { where: 'auth', name: 'Secret access key', key: 'auth', reason: 'name' },
      { where: 'auth', name: 'Session token', key: 'auth:sessionToken', reason: 'name' },
      { where: 'auth', name: 'Access key ID', key: 'auth:accessKeyId', reason: 'an AWS access key' },
    ]);
  });

  it('keeps what the person chose to keep, and {{variables}}', () => {
    const r = stripDraftSecrets(
      { ...blankDraft(), auth: aws({ accessKeyId: 'my-key', sessionToken: '{{awsToken}}' }) },
      null,
      new Set(['auth']),
    );
    expect(r.draft.auth).toEqual(aws({ accessKeyId: 'my-key', sessionToken: '{{awsToken}}' }));
    expect(r.omitted).toEqual([]);
    expect(r.findings.map((f) => f.key)).toEqual(['auth']);
  });

  it('Digest: the password is emptied, the username kept', () => {
    const r = stripDraftSecrets({ ...blankDraft(), auth: { type: 'digest', username: 'alice', password: 'pw' } }, null);
    expect(r.draft.auth).toEqual({ type: 'digest', username: 'alice', password: '' });
    expect(r.omitted).toEqual([{ where: 'auth', name: 'Password' }]);
  });

  it('JWT bearer: the signing key and the signed token are emptied, header and payload kept', () => {
    const auth = {
      type: 'jwt',
      algorithm: 'HS256',
      key: 'k',
      header: '{}',
      payload: '{"sub":"1"}',
      token: 'a.b.c',
    } as const;
    const r = stripDraftSecrets({ ...blankDraft(), auth }, null);
    expect(r.draft.auth).toEqual({ ...auth, key: '', token: '' });
    expect(r.findings.map((f) => [f.key, f.name])).toEqual([
      ['auth', 'Signing key'],
      ['auth:token', 'Signed token'],
    ]);
  });
});

describe('OAuth 2.0 secrets', () => {
  const oauth = (fields: Partial<Extract<Auth, { type: 'oauth2' }>>): Auth =>
    ({
      ...parseDraft({ auth: { type: 'oauth2' } }).auth,
      clientId: 'parley-client',
      clientSecret: 'parley-secret',
      username: 'alice',
      password: 'wonderland',
      tokenUrl: 'https://auth.example.test/token',
      ...fields,
    }) as Auth;

  it('empties the client secret and the password grant password; keeps the client id, user and URLs', () => {
    const r = stripDraftSecrets({ ...blankDraft(), auth: oauth({}) }, null);
    expect(r.draft.auth).toEqual(oauth({ clientSecret: '', password: '' }));
    expect(r.findings).toEqual([
      { where: 'auth', name: 'Client secret', key: 'auth', reason: 'name' },
      { where: 'auth', name: 'Password', key: 'auth:password', reason: 'name' },
    ]);
  });

  it('keeps a ticked client secret and {{variables}}', () => {
    const r = stripDraftSecrets({ ...blankDraft(), auth: oauth({ password: '{{pw}}' }) }, null, new Set(['auth']));
    expect(r.draft.auth).toEqual(oauth({ password: '{{pw}}' }));
  });
});
