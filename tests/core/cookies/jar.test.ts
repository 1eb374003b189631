/** The cookie jar's RFC 6265 rules (tough-cookie), with the exact Cookie field values sent. */
import { describe, expect, it } from 'vitest';
import {
  cookieHeaderFor,
  deleteCookie,
  listCookies,
  loadJar,
  putCookie,
  saveJar,
  storeSetCookies,
} from '../../../src/core/cookies/jar.ts';

const t0 = new Date('2026-12-03T10:00:00Z');

describe('cookie jar', () => {
  it('domain, path, host-only, Secure and expiry decide what is sent, longest path first', () => {
    const jar = loadJar(null);
    const r = storeSetCookies(
      jar,
      'https://api.example.com/v1/login',
      [
        'sid=abc; Path=/; HttpOnly; SameSite=Lax',
        'pref=dark; Domain=example.com; Path=/',
        'deep=1; Path=/v1/items',
        'sec=s; Secure; Path=/',
        'short=x; Max-Age=60; Path=/',
        'evil=1; Domain=other.org',
        'psl=1; Domain=com',
      ],
      t0,
    );
    expect(r.stored).toBe(5);
    expect(r.ignored.map((i) => i.value)).toEqual(['evil=1; Domain=other.org', 'psl=1; Domain=com']);
    expect(cookieHeaderFor(jar, 'https://api.example.com/v1/items/7', t0)).toBe(
      'deep=1; sid=abc; pref=dark; sec=s; short=x',
    );
    // Host-only sid is not sent to a sibling; the Domain cookie is. Secure is not sent over http.
    expect(cookieHeaderFor(jar, 'https://www.example.com/', t0)).toBe('pref=dark');
    expect(cookieHeaderFor(jar, 'http://api.example.com/', t0)).toBe('sid=abc; pref=dark; short=x');
    // Max-Age=60 has run out a minute later.
    expect(cookieHeaderFor(jar, 'https://api.example.com/', new Date(t0.getTime() + 61_000))).toBe(
      'sid=abc; pref=dark; sec=s',
    );
  });

  it('round-trips through its stored form; list, edit and delete', () => {
    const jar = loadJar(null);
    storeSetCookies(jar, 'http://127.0.0.1:8080/echo/cookies', ['a=1; Path=/', 'b=2; Path=/echo; SameSite=Strict'], t0);
    const again = loadJar(saveJar(jar));
    expect(listCookies(again)).toEqual([
      {
        name: 'a',
        value: '1',
        domain: '127.0.0.1',
        path: '/',
        hostOnly: true,
        secure: false,
        httpOnly: false,
        sameSite: '',
        expires: null,
      },
      {
        name: 'b',
        value: '2',
        domain: '127.0.0.1',
        path: '/echo',
        hostOnly: true,
        secure: false,
        httpOnly: false,
        sameSite: 'strict',
        expires: null,
      },
    ]);
    const [a] = listCookies(again);
    putCookie(again, { domain: a!.domain, path: a!.path, name: 'a' }, { ...a!, value: 'edited' });
    deleteCookie(again, { domain: '127.0.0.1', path: '/echo', name: 'b' });
    expect(cookieHeaderFor(again, 'http://127.0.0.1:8080/echo/x', t0)).toBe('a=edited');
    expect(loadJar('not json').serializeSync()?.cookies).toEqual([]);
  });
});
