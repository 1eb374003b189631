/** JWT bearer (issue 16 point 4): signing with jose, checked with node:crypto, and the stale-token rule. */
import { createHmac, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt } from '../../src/services/jwt-sign.ts';
import { applyAuth } from '../../src/core/auth/schemes.ts';
import { tokenMatches } from '../../src/core/auth/jwt.ts';

const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const PAYLOAD = { sub: '1234567890', name: 'John Doe', iat: 1516239022 };

describe('signJwt', () => {
  it('HS256: the jwt.io example token, byte for byte', async () => {
    expect(await signJwt('HS256', 'your-256-bit-secret', { typ: 'JWT' }, PAYLOAD)).toBe(JWT_IO);
  });

  it.each(['HS384', 'HS512'] as const)('%s: HMAC over header.payload (node:crypto)', async (alg) => {
    const token = await signJwt(alg, 'k€y', {}, { a: 1 });
    const [h, p, sig] = token.split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ alg });
    const expected = createHmac(`sha${alg.slice(2)}`, 'k€y')
      .update(`${h}.${p}`)
      .digest('base64url');
    expect(sig).toBe(expected);
  });

  it('RS256 and ES256 with PKCS#8 PEM keys verify with the public key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const [alg, pair] of [
      ['RS256', rsa],
      ['ES256', ec],
    ] as const) {
      const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const token = await signJwt(alg, pem, { kid: 'k1' }, PAYLOAD);
      const [h, p, sig] = token.split('.');
      expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ alg, kid: 'k1' });
      const ok = verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        alg === 'ES256' ? { key: pair.publicKey, dsaEncoding: 'ieee-p1363' } : pair.publicKey,
        Buffer.from(sig!, 'base64url'),
      );
      expect(ok).toBe(true);
    }
  });

  it('refuses an empty key and a key that is not PKCS#8', async () => {
    await expect(signJwt('HS256', '', {}, {})).rejects.toThrow('The signing key is empty.');
    await expect(signJwt('RS256', 'not a pem', {}, {})).rejects.toThrow();
  });
});

describe('JWT bearer descriptor', () => {
  const auth = {
    type: 'jwt',
    algorithm: 'HS256',
    key: 'your-256-bit-secret',
    header: '{"typ":"JWT"}',
    payload: JSON.stringify(PAYLOAD),
    token: JWT_IO,
  } as const;
  it('sends the signed token; warns when it no longer matches the payload', () => {
    expect(tokenMatches(JWT_IO, 'HS256', { typ: 'JWT' }, PAYLOAD)).toBe(true);
    expect(applyAuth(auth)).toEqual({ headers: [['Authorization', `Bearer ${JWT_IO}`]] });
    expect(applyAuth({ ...auth, payload: '{"sub":"other"}' }).warning).toBe(
      'The signed token does not match the JWT header and payload (signing is still running or failed); the last token is sent.',
    );
  });
  it('skips with the reason: bad JSON, not signed yet', () => {
    expect(applyAuth({ ...auth, payload: '[1]' })).toEqual({
      skipped: 'The JWT payload must be a JSON object. No Authorization header is sent.',
    });
    expect(applyAuth({ ...auth, token: '' })).toEqual({
      skipped: 'The JWT is not signed yet (fill in the signing key), so no Authorization header is sent.',
    });
  });
});
