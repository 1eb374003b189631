/** RFC 7616 Digest, client side: the RFC's own examples (§3.9.1) and the challenge parser. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseChallenges, pickDigestChallenge } from '../../../src/core/auth/digest.ts';

const RFC_CHALLENGES = [
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
];
const REQ = { username: 'Mufasa', password: 'Circle of Life', method: 'GET', uri: '/dir/index.html' };
const CNONCE = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';

describe('Digest (RFC 7616)', () => {
  it('parses several challenges in one field, quoted commas and escapes, and token68', () => {
    expect(parseChallenges(['Digest realm="a, \\"b\\"", qop="auth", Basic realm=x', 'Negotiate abc=='])).toEqual([
      { scheme: 'Digest', params: { realm: 'a, "b"', qop: 'auth' } },
      { scheme: 'Basic', params: { realm: 'x' } },
      { scheme: 'Negotiate', params: { token68: 'abc==' } },
    ]);
  });

  it('picks SHA-256 over MD5 and qop=auth over auth-int', () => {
    expect(pickDigestChallenge(parseChallenges(RFC_CHALLENGES))).toEqual({
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
      algorithm: 'SHA-256',
      qop: 'auth',
      userhash: false,
    });
    expect(pickDigestChallenge(parseChallenges(['Digest realm="r", nonce="n", algorithm=SHA-1']))).toBeNull();
    expect(pickDigestChallenge(parseChallenges(['Basic realm="r"']))).toBeNull();
  });

  it('RFC 7616 §3.9.1 SHA-256 example, byte for byte', () => {
    const c = pickDigestChallenge(parseChallenges(RFC_CHALLENGES))!;
    expect(digestAuthorization(c, REQ, CNONCE)).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
  });

  it('RFC 7616 §3.9.1 MD5 example', () => {
    const c = pickDigestChallenge(parseChallenges([RFC_CHALLENGES[1]!]))!;
    expect(digestAuthorization(c, REQ, CNONCE)).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
  });

  it('RFC 2617 §3.5 example (MD5, qop=auth, nc=1)', () => {
    const c = pickDigestChallenge(
      parseChallenges([
        'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
      ]),
    )!;
    expect(
      digestAuthorization(
        c,
        { username: 'Mufasa', password: 'Circle Of Life', method: 'GET', uri: '/dir/index.html' },
        '0a4f113b',
      ),
    ).toContain('response="6629fae49393a05397450978507c4ef1"');
  });

  it('-sess, nonce count, and no qop (RFC 2069) as the formulas say', () => {
    const c = { realm: 'r', nonce: 'n', algorithm: 'MD5-SESS', qop: 'auth' as const, userhash: false };
    // HA1 = MD5(MD5("u:r:p"):n:c), HA2 = MD5("GET:/x"), response = MD5(HA1:n:0000000a:c:auth:HA2), computed with node:crypto by hand.
    expect(digestAuthorization(c, { username: 'u', password: 'p', method: 'GET', uri: '/x' }, 'c', 10)).toBe(
      'Digest username="u", realm="r", uri="/x", algorithm=MD5-sess, nonce="n", nc=0000000a, cnonce="c", qop=auth, response="' +
        md5Hex(`${md5Hex(`${md5Hex('u:r:p')}:n:c`)}:n:0000000a:c:auth:${md5Hex('GET:/x')}`) +
        '"',
    );
    const legacy = { realm: 'r', nonce: 'n', algorithm: 'MD5', qop: null, userhash: false };
    expect(digestAuthorization(legacy, { username: 'u', password: 'p', method: 'GET', uri: '/x' }, 'c')).toBe(
      `Digest username="u", realm="r", uri="/x", algorithm=MD5, nonce="n", response="${md5Hex(`${md5Hex('u:r:p')}:n:${md5Hex('GET:/x')}`)}"`,
    );
  });
});

function md5Hex(s: string): string {
  return createHash('md5').update(s).digest('hex');
}
