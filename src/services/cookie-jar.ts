/**
 * The cookie jars of proxy mode, one per environment (and one for "no environment"), kept in
 * localStorage under `parley.cookies.<environment id | none>`, one key per jar. tough-cookie
 * (≈60 KB gzip) loads only when a jar is needed: at start when one is stored, or when the
 * first response with Set-Cookie arrives.
 */
import type { CookieJar } from 'tough-cookie';
import type { StoredCookie } from '../core/cookies/jar.ts';

type JarModule = typeof import('../core/cookies/jar.ts');

const PREFIX = 'parley.cookies.';
let mod: JarModule | null = null;
let loading: Promise<JarModule> | null = null;
const jars = new Map<string, CookieJar>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The storage key part of an environment: its id, or `none`. */
function keyOf(envId: string | null): string {
  return envId ?? 'none';
}

/** Whether any jar is stored (then the jar module is loaded at start, so the first Send has its cookies). */
export function hasStoredJars(): boolean {
  const s = storage();
  if (!s) return false;
  for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(PREFIX)) return true;
  return false;
}

/** Loads the jar module (once). */
export function loadJarModule(): Promise<JarModule> {
  loading ??= import('../core/cookies/jar.ts').then((m) => (mod = m));
  return loading;
}

/** The module while it is loading (a Send waits for it), else `null`. */
export function jarModuleLoading(): Promise<JarModule> | null {
  return mod === null ? loading : null;
}

function jarOf(m: JarModule, envId: string | null): CookieJar {
  const key = keyOf(envId);
  let jar = jars.get(key);
  if (!jar) {
    let stored: string | null = null;
    try {
      stored = storage()?.getItem(PREFIX + key) ?? null;
    } catch {
      stored = null;
    }
    jar = m.loadJar(stored);
    jars.set(key, jar);
  }
  return jar;
}

function persist(m: JarModule, envId: string | null, jar: CookieJar): void {
  const key = PREFIX + keyOf(envId);
  try {
    if (m.listCookies(jar).length === 0) storage()?.removeItem(key);
    else storage()?.setItem(key, m.saveJar(jar));
  } catch (error) {
    // Storage full or off: the jar still works for this session.
    console.warn('Parley could not store the cookie jar:', error);
  }
}

/** The Cookie field value for `url` now (`` when none, or before the module has loaded). */
export function cookieValueFor(envId: string | null, url: string): string {
  return mod === null ? '' : mod.cookieHeaderFor(jarOf(mod, envId), url, new Date());
}

/** Stores the `Set-Cookie` values of a response from `url`; resolves with how many were stored. */
export async function storeResponseCookies(envId: string | null, url: string, setCookies: string[]): Promise<number> {
  const m = await loadJarModule();
  const jar = jarOf(m, envId);
  const { stored } = m.storeSetCookies(jar, url, setCookies, new Date());
  if (stored > 0) persist(m, envId, jar);
  return stored;
}

/** The cookies of a jar (empty before the module has loaded). */
export function cookiesIn(envId: string | null): StoredCookie[] {
  return mod === null ? [] : mod.listCookies(jarOf(mod, envId));
}

type CookieId = { domain: string; path: string; name: string };

/** Applies an edit to a jar and stores it: delete one, clear all, or put one (replacing `id`). */
export async function changeJar(
  envId: string | null,
  change:
    { kind: 'delete'; id: CookieId } | { kind: 'clear' } | { kind: 'put'; id: CookieId | null; cookie: StoredCookie },
): Promise<void> {
  const m = await loadJarModule();
  const jar = jarOf(m, envId);
  if (change.kind === 'delete') m.deleteCookie(jar, change.id);
  else if (change.kind === 'clear') jar.removeAllCookiesSync();
  else m.putCookie(jar, change.id, change.cookie);
  persist(m, envId, jar);
}

/** The cookies of a jar that match `url` now (empty before the module has loaded), for `pm.cookies`. */
export function cookiesMatching(envId: string | null, url: string): StoredCookie[] {
  return mod === null ? [] : mod.cookiesFor(jarOf(mod, envId), url, new Date());
}
