/**
 * Keeps the JWT bearer token signed (issue 16 point 4): whenever the algorithm, key, header
 * or payload change, signs again (async WebCrypto, `jose` loaded on first use) and stores the
 * token in the auth fields, which is what resolveRequest sends. Shows why it cannot sign.
 */
import { useEffect, useState } from 'react';
import type { Auth } from '../../core/model/draft.ts';
import { jsonObjectOf } from '../../core/auth/jwt.ts';
import { Notice } from '../../components/ui.tsx';
import { signJwt } from '../../services/jwt-sign.ts';
import { authFieldEdited } from '../../stores/request-store.ts';

export function JwtSigner({ auth }: { auth: Extract<Auth, { type: 'jwt' }> }) {
  const [error, setError] = useState<string | null>(null);
  const { algorithm, key, header, payload, token } = auth;
  useEffect(() => {
    const h = jsonObjectOf(header, 'header');
    const p = jsonObjectOf(payload, 'payload');
    if ('error' in h || 'error' in p || key === '') return;
    let current = true;
    signJwt(algorithm, key, h.value, p.value).then(
      (signed) => {
        if (!current) return;
        setError(null);
        authFieldEdited('token', signed);
      },
      (e: unknown) => current && setError(`The JWT could not be signed: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      current = false;
    };
  }, [algorithm, key, header, payload]);
  void token;
  return error ? <Notice tone="error">{error}</Notice> : null;
}
