/**
 * Signs the JWT of the Auth tab with `jose` (loaded on first use: WebCrypto, async). HS*
 * keys are the secret's UTF-8 octets; RS256/ES256 keys are PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
 */
import type { JwtAlgorithm } from '../core/auth/jwt.ts';

/**
 * The compact JWS (RFC 7515 §7.1) of `payload` with protected header `{ alg, ...header }`.
 * Rejects with an Error whose message says what is wrong (empty key, key not PKCS#8 PEM,
 * WebCrypto unavailable on an insecure origin).
 */
export async function signJwt(
  alg: JwtAlgorithm,
  key: string,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): Promise<string> {
  if (key === '') throw new Error('The signing key is empty.');
  if (!globalThis.crypto?.subtle)
    throw new Error('This page has no WebCrypto (it needs https or localhost) to sign the JWT.');
  const { SignJWT, importPKCS8 } = await import('jose');
  const signingKey = alg.startsWith('HS') ? new TextEncoder().encode(key) : await importPKCS8(key.trim(), alg);
  // `alg` first, as jwt.io and most libraries write it; a typed `alg` cannot contradict the algorithm chosen.
  const { alg: _typed, ...rest } = header;
  void _typed;
  return new SignJWT(payload).setProtectedHeader({ alg, ...rest }).sign(signingKey);
}
