/** The cookie jar's Cookie field in resolveRequest (issue 16 point 5): AUTO row, switch, typed row, direct mode, signed. */
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { makeDynamicValues } from '../../../src/core/variables/dynamic.ts';
import { draftFromUrl, headerRows } from './fixtures.ts';

const jar = (url: string) => (url.startsWith('https://api.example.com/') ? 'sid=abc; pref=dark' : '');

describe('cookie jar in resolveRequest', () => {
  it('adds one Cookie field from the jar after the other fields (source cookie)', () => {
    const r = resolveRequest(draftFromUrl('https://api.example.com/me', { headers: headerRows(['Accept', '*/*']) }), {
      cookieFor: jar,
    });
    expect(r.request?.headers).toEqual([
      { name: 'Accept', value: '*/*', source: 'user', rowId: 'h0' },
      { name: 'Cookie', value: 'sid=abc; pref=dark', source: 'cookie' },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('none when nothing matches, when the request says not to, and in direct mode', () => {
    expect(resolveRequest(draftFromUrl('https://other.test/'), { cookieFor: jar }).request?.headers).toEqual([]);
    const off = draftFromUrl('https://api.example.com/me', { sendCookies: false });
    expect(resolveRequest(off, { cookieFor: jar }).request?.headers).toEqual([]);
    const direct = resolveRequest(draftFromUrl('https://api.example.com/me'), { cookieFor: jar, transport: 'direct' });
    expect(direct.request?.headers).toEqual([]);
  });

  it('a typed Cookie row wins, with a warning', () => {
    const r = resolveRequest(draftFromUrl('https://api.example.com/me', { headers: headerRows(['Cookie', 'x=1']) }), {
      cookieFor: jar,
    });
    expect(r.request?.headers).toEqual([{ name: 'Cookie', value: 'x=1', source: 'user', rowId: 'h0' }]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'Your Cookie header row is sent; the 2 cookies from the cookie jar are not (a header row wins).',
    ]);
  });

  it('AWS Signature signs the jar cookie too', () => {
    const r = resolveRequest(
      draftFromUrl('https://api.example.com/me', {
        auth: { type: 'awsv4', accessKeyId: 'AKID', secretAccessKey: 's', sessionToken: '', region: 'r', service: 'x' },
      }),
      { cookieFor: jar, dynamic: makeDynamicValues(0, new Uint8Array(18)) },
    );
    const authorization = r.request?.headers.find((h) => h.name === 'Authorization')?.value ?? '';
    expect(authorization).toContain('SignedHeaders=cookie;host;x-amz-content-sha256;x-amz-date,');
  });
});
