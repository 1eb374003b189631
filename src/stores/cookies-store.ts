/**
 * The cookie jar as the views see it (issue 16 point 5): a version number that changes with
 * the jar (so the resolved request and the cookie manager update), and events.
 */
import { create } from 'zustand';
import type { StoredCookie } from '../core/cookies/jar.ts';
import {
  changeJar,
  cookieValueFor,
  cookiesMatching,
  cookiesIn,
  hasStoredJars,
  jarModuleLoading,
  loadJarModule,
  storeResponseCookies,
} from '../services/cookie-jar.ts';
import { getEnvironmentsState } from './environments-store.ts';

const useCookiesStore = create<{ version: number; error: string | null }>()(() => ({ version: 0, error: null }));
const bump = () => useCookiesStore.setState((s) => ({ version: s.version + 1, error: null }));

/** Changes whenever a jar changes or the jar module has loaded. */
export const useCookiesVersion = (): number => useCookiesStore((s) => s.version);
/** The last edit the jar refused (an invalid cookie), or `null`. */
export const useCookieEditError = (): string | null => useCookiesStore((s) => s.error);

const activeEnv = (): string | null => getEnvironmentsState().activeId;

/** The jar's Cookie value for `url` in the active environment (`` for none). */
export function jarCookieFor(url: string): string {
  return cookieValueFor(activeEnv(), url);
}

/** The active jar's cookies that match `url` (for `pm.cookies` in the runner). */
export function jarCookiesFor(url: string): StoredCookie[] {
  return cookiesMatching(activeEnv(), url);
}

/** The cookies of the active environment's jar. */
export function activeJarCookies(): StoredCookie[] {
  return cookiesIn(activeEnv());
}

/** App start: a stored jar loads now, so that the first Send carries its cookies. */
export function cookieJarStarted(): void {
  if (hasStoredJars()) void loadJarModule().then(bump);
}

/** For Send: resolves once a jar module that is loading has loaded (immediately otherwise: `null`). */
export function cookieJarPending(): Promise<unknown> | null {
  return jarModuleLoading();
}

/** A response came back through the proxy: its Set-Cookie fields go into the active jar. */
export function responseCookiesReceived(url: string, headers: readonly [string, string][]): void {
  const setCookies = headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v);
  if (setCookies.length === 0 || url === '') return;
  void storeResponseCookies(activeEnv(), url, setCookies).then((stored) => stored > 0 && bump());
}

type CookieId = { domain: string; path: string; name: string };

export function cookieDeleted(id: CookieId): void {
  void changeJar(activeEnv(), { kind: 'delete', id }).then(bump);
}

export function cookiesCleared(): void {
  void changeJar(activeEnv(), { kind: 'clear' }).then(bump);
}

/** Saves an edited (or new, `id` null) cookie; an invalid one is refused with a message. */
export function cookieSaved(id: CookieId | null, cookie: StoredCookie): void {
  changeJar(activeEnv(), { kind: 'put', id, cookie }).then(bump, (e: unknown) =>
    useCookiesStore.setState({ error: e instanceof Error ? e.message : String(e) }),
  );
}
