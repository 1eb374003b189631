import { describe, expect, it } from 'vitest';
import { parseCookieDate, parseSetCookie } from '../../../src/core/response/set-cookie.ts';

describe('parseSetCookie (RFC 6265 §5.2)', () => {
  it('parses every attribute', () => {
    const raw =
      'sid=a3fWa; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=2592000; Domain=.Example.COM; Path=/docs; Secure; HttpOnly; SameSite=lax; Partitioned; Priority=High';
    expect(parseSetCookie(raw)).toEqual({
      ok: true,
      cookie: {
        raw,
        name: 'sid',
        value: 'a3fWa',
        domain: 'example.com',
        path: '/docs',
        expires: Date.UTC(2015, 9, 21, 7, 28, 0),
        expiresRaw: 'Wed, 21 Oct 2015 07:28:00 GMT',
        maxAge: 2592000,
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
        partitioned: true,
        extensions: [['Priority', 'High']],
      },
    });
  });
  it('trims name and value, keeps "=" inside the value and quotes as-is', () => {
    const r = parseSetCookie(' token = a=b=c ;path=/');
    expect(r.ok && [r.cookie.name, r.cookie.value, r.cookie.path]).toEqual(['token', 'a=b=c', '/']);
    const q = parseSetCookie('q="x y"');
    expect(q.ok && q.cookie.value).toBe('"x y"');
  });
  it('ignores invalid attribute values the way user agents do', () => {
    const r = parseSetCookie('a=1; Max-Age=12x; Path=docs; SameSite=Weird; Domain=; Expires=notadate');
    expect(r.ok && r.cookie).toMatchObject({
      maxAge: null,
      path: null,
      sameSite: null,
      domain: null,
      expires: null,
      expiresRaw: 'notadate',
    });
    const neg = parseSetCookie('a=1; max-age=-5');
    expect(neg.ok && neg.cookie.maxAge).toBe(-5);
  });
  it('rejects a pair without "=" or with an empty name', () => {
    expect(parseSetCookie('justvalue; Secure')).toEqual({
      ok: false,
      raw: 'justvalue; Secure',
      error: 'No "=" in the name-value pair; a browser ignores this cookie (RFC 6265 §5.2).',
    });
    expect(parseSetCookie('=v').ok).toBe(false);
  });
});

describe('parseCookieDate (RFC 6265 §5.1.1)', () => {
  it('parses RFC 1123, RFC 850 and asctime forms', () => {
    expect(parseCookieDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseCookieDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseCookieDate('Sun Nov  6 08:49:37 1994')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseCookieDate('Thu, 01-Jan-30 00:00:00 GMT')).toBe(Date.UTC(2030, 0, 1));
  });
  it('fails on missing parts and impossible dates', () => {
    expect(parseCookieDate('Sun, 06 Nov 1994')).toBeNull();
    expect(parseCookieDate('31 Feb 2020 00:00:00')).toBeNull();
    expect(parseCookieDate('06 Nov 1994 24:00:00')).toBeNull();
    expect(parseCookieDate('06 Nov 1500 01:00:00')).toBeNull();
  });
});
