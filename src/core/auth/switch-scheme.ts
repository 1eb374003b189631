/**
 * Switching the auth type without losing what was typed: the pure rule behind the request
 * store's `authTypeChanged` event (Postman and Insomnia keep each scheme's fields too).
 */
import type { Auth, AuthType } from '../model/draft.ts';
import { authScheme } from './schemes.ts';

/** The last fields of each auth type the user left, kept for the session (not saved or shared). */
export type AuthStash = Partial<Record<AuthType, Auth>>;

/**
 * The auth after switching from `current` to `type`, and the updated stash: `current` is
 * stashed under its type, and `type` gets back its stashed fields, else the scheme's empty
 * fields (`authScheme(type).empty()`). Bearer `mF_9…` → No auth → Bearer gives back
 * `mF_9…`. Same type → both unchanged. Pure; never throws.
 */
export function switchAuthType(current: Auth, stash: AuthStash, type: AuthType): { auth: Auth; stash: AuthStash } {
  if (current.type === type) return { auth: current, stash };
  const next: AuthStash = { ...stash, [current.type]: current };
  return { auth: next[type] ?? authScheme(type).empty(), stash: next };
}
