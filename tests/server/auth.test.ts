/** Issue 9 point 9: PARLEY_AUTH — HTTP Basic (RFC 7617) for the app and /api, not for /echo. */
import { describe, expect, it } from 'vitest';
import { isAuthorized, parseBasicCredentials } from '../../server/security.ts';
import { encodeProxyRequest } from '../../src/core/wire/proxy-codec.ts';
import { rawRequest, useTestServer } from './helpers.ts';

const basic = (userPass: string): string => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
const live = useTestServer({ basicAuth: { user: 'alice', password: 's3:cret' } });

describe('PARLEY_AUTH parsing and checking', () => {
  it('splits user and password at the first colon and refuses values without a password', () => {
    expect(parseBasicCredentials('alice:s3:cret')).toEqual({ user: 'alice', password: 's3:cret' });
    expect(parseBasicCredentials(':only-password')).toEqual({ user: '', password: 'only-password' });
    const message = 'PARLEY_AUTH must be "user:password" with a non-empty password, e.g. PARLEY_AUTH=alice:s3cret.';
    expect(() => parseBasicCredentials('alice')).toThrow(message);
    expect(() => parseBasicCredentials('alice:')).toThrow(message);
  });

  it('accepts exactly the configured credentials', () => {
    const creds = { user: 'zoë', password: 'pässwörd ✓' };
    const cases: [string | undefined, boolean][] = [
      [basic('zoë:pässwörd ✓'), true],
      [`basic   ${Buffer.from('zoë:pässwörd ✓').toString('base64')}`, true],
      [basic('zoë:pässwörd'), false],
      [basic('zoe:pässwörd ✓'), false],
      [basic('zoë:pässwörd ✓ '), false],
      [`Bearer ${Buffer.from('zoë:pässwörd ✓').toString('base64')}`, false],
      ['Basic', false],
      ['Basic !!!', false],
      ['', false],
      [undefined, false],
    ];
    expect(cases.map(([header]) => [header, isAuthorized(header, creds)])).toEqual(cases);
  });
});

describe('a server started with PARLEY_AUTH', () => {
  const host = () => live.host;

  it('answers 401 with a Basic challenge on the app and /api without credentials or with wrong ones', async () => {
    for (const [path, auth] of [
      ['/', undefined],
      ['/api/health', undefined],
      ['/api/health', basic('alice:wrong')],
      ['/index.html', basic('mallory:s3:cret')],
    ] as const) {
      const headers: [string, string][] = [['Host', host()]];
      if (auth) headers.push(['Authorization', auth]);
      const r = await rawRequest(live.server.url, { path, headers });
      expect([path, r.status, r.headers['www-authenticate'], JSON.parse(r.body.toString())]).toEqual([
        path,
        401,
        'Basic realm="Parley", charset="UTF-8"',
        {
          error: {
            code: 'unauthorized',
            message: 'This Parley server needs a user name and password (PARLEY_AUTH); sign in when the browser asks.',
          },
        },
      ]);
    }
  });

  it('serves /api with the right credentials, and the echo without any', async () => {
    const health = await rawRequest(live.server.url, {
      path: '/api/health',
      headers: [
        ['Host', host()],
        ['Authorization', basic('alice:s3:cret')],
      ],
    });
    expect([health.status, health.body.toString()]).toEqual([200, '{"ok":true}']);
    const echo = await rawRequest(live.server.url, { path: '/echo/open', headers: [['Host', host()]] });
    expect(echo.status).toBe(200);
  });

  it('lets the proxy work only with credentials, even with the right token', async () => {
    const call = (auth: string | null) => {
      const headers: [string, string][] = [
        ['Host', host()],
        ['Origin', live.server.url],
        ['X-Parley-Token', live.server.token],
        ['Content-Type', 'application/octet-stream'],
      ];
      if (auth) headers.push(['Authorization', auth]);
      return rawRequest(`${live.server.url}/api/proxy`, {
        method: 'POST',
        headers,
        body: encodeProxyRequest({ method: 'GET', url: `${live.server.url}/echo/via`, headers: [] }, null),
      });
    };
    const without = await call(null);
    const withCreds = await call(basic('alice:s3:cret'));
    expect([without.status, withCreds.status, withCreds.headers['x-parley-head'] !== undefined]).toEqual([
      401,
      200,
      true,
    ]);
  });
});
