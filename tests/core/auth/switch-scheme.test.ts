import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Auth, AuthType } from '../../../src/core/model/draft.ts';
import { switchAuthType } from '../../../src/core/auth/switch-scheme.ts';
import { applyAuth } from '../../../src/core/auth/schemes.ts';

describe('switchAuthType', () => {
  it('Bearer mF_9… → No auth → Bearer gives the token back', () => {
    const a = switchAuthType({ type: 'bearer', token: 'mF_9.B5f-4.1JqM' }, {}, 'none');
    expect(a).toEqual({ auth: { type: 'none' }, stash: { bearer: { type: 'bearer', token: 'mF_9.B5f-4.1JqM' } } });
    const b = switchAuthType(a.auth, a.stash, 'bearer');
    expect(b.auth).toEqual({ type: 'bearer', token: 'mF_9.B5f-4.1JqM' });
  });

  it('Basic → API key → Bearer → Basic keeps the username and password', () => {
    let s = switchAuthType({ type: 'basic', username: 'user', password: 'päss' }, {}, 'apikey');
    expect(s.auth).toEqual({ type: 'apikey', key: '', value: '', in: 'header' });
    s = switchAuthType(s.auth, s.stash, 'bearer');
    expect(s.auth).toEqual({ type: 'bearer', token: '' });
    s = switchAuthType(s.auth, s.stash, 'basic');
    expect(s.auth).toEqual({ type: 'basic', username: 'user', password: 'päss' });
    expect(applyAuth(s.auth)).toEqual({ headers: [['Authorization', 'Basic dXNlcjpww6Rzcw==']] });
  });

  it('same type: unchanged', () => {
    const auth: Auth = { type: 'bearer', token: 't' };
    const stash = {};
    const r = switchAuthType(auth, stash, 'bearer');
    expect(r.auth).toBe(auth);
    expect(r.stash).toBe(stash);
  });

  it('property: after any path of switches, each type comes back with the fields it was left with', () => {
    const filled: Record<AuthType, Auth> = {
      none: { type: 'none' },
      inherit: { type: 'inherit' },
      bearer: { type: 'bearer', token: 'tok' },
      basic: { type: 'basic', username: 'u', password: 'p' },
      apikey: { type: 'apikey', key: 'X-Key', value: 'v', in: 'query' },
      jwt: { type: 'jwt', algorithm: 'HS384', key: 'k', header: '', payload: '{}', token: 't' },
      digest: { type: 'digest', username: 'du', password: 'dp' },
      awsv4: { type: 'awsv4', accessKeyId: 'AKID', secretAccessKey: 's', sessionToken: '', region: 'r', service: 'sv' },
      oauth2: {
        type: 'oauth2',
        grantType: 'client_credentials',
        authUrl: '',
        tokenUrl: 'http://t/token',
        clientId: 'c',
        clientSecret: 's',
        clientAuth: 'body',
        scope: 'read',
        audience: '',
        redirectUri: '',
        pkce: 'S256',
        username: '',
        password: '',
        extraParams: '',
        headerPrefix: '',
      },
    };
    const types = fc.constantFrom<AuthType>(
      'none',
      'bearer',
      'basic',
      'apikey',
      'jwt',
      'digest',
      'awsv4',
      'inherit',
      'oauth2',
    );
    fc.assert(
      fc.property(fc.array(types, { maxLength: 12 }), (path) => {
        let state = { auth: filled.bearer, stash: { ...filled } as Partial<Record<AuthType, Auth>> };
        delete state.stash.bearer;
        for (const t of path) state = switchAuthType(state.auth, state.stash, t);
        for (const t of ['none', 'bearer', 'basic', 'apikey', 'jwt', 'digest', 'awsv4', 'inherit', 'oauth2'] as const) {
          expect(switchAuthType(state.auth, state.stash, t).auth).toEqual(filled[t]);
        }
      }),
    );
  });
});
