/**
 * The OAuth 2.0 token cache (issue 16 point 1): one localStorage key per token,
 * `parley.oauth.<environment id | none>.<tokenKey>`, so tokens are per configuration and
 * environment, shared by the requests (and folders, with inherit) that use the same
 * configuration, and never part of a draft, a share link or an export.
 */
import type { OAuth2Token } from '../core/auth/oauth2.ts';

const PREFIX = 'parley.oauth.';
const memory = new Map<string, OAuth2Token>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const storageKey = (envId: string | null, key: string): string => `${PREFIX}${envId ?? 'none'}.${key}`;

/** The cached token, or `undefined`. A damaged entry reads as none. */
export function readToken(envId: string | null, key: string): OAuth2Token | undefined {
  const k = storageKey(envId, key);
  const hit = memory.get(k);
  if (hit) return hit;
  try {
    const text = storage()?.getItem(k);
    if (!text) return undefined;
    const t = JSON.parse(text) as OAuth2Token;
    if (typeof t.accessToken !== 'string' || typeof t.obtainedAt !== 'number') return undefined;
    memory.set(k, t);
    return t;
  } catch {
    return undefined;
  }
}

/** Stores (or with `null` removes) a token; storage full or off → kept for this session only. */
export function writeToken(envId: string | null, key: string, token: OAuth2Token | null): void {
  const k = storageKey(envId, key);
  if (token) memory.set(k, token);
  else memory.delete(k);
  try {
    if (token) storage()?.setItem(k, JSON.stringify(token));
    else storage()?.removeItem(k);
  } catch (error) {
    console.warn('Parley could not store the OAuth 2.0 token:', error);
  }
}
