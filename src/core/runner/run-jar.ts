/**
 * A cookie jar for one run (the CLI's: Newman keeps cookies for the length of a run too): the
 * Set-Cookie fields of each response are stored (RFC 6265 via tough-cookie, `core/cookies/jar.ts`)
 * and sent with the next requests to matching URLs; scripts read them with `pm.cookies`.
 */
import { cookieHeaderFor, cookiesFor, loadJar, storeSetCookies } from '../cookies/jar.ts';
import { scriptCookie } from './script-cookie.ts';
import type { RunnerDeps } from './types.ts';

/** `RunnerDeps.cookies` over a new, empty jar; `now` gives the time (ms since the epoch). */
export function runCookieJar(now: () => number = Date.now): NonNullable<RunnerDeps['cookies']> {
  const jar = loadJar(null);
  return {
    for: (url) => cookiesFor(jar, url, new Date(now())).map(scriptCookie),
    header: (url) => cookieHeaderFor(jar, url, new Date(now())),
    received: (url, headers) => {
      const values = headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v);
      if (values.length > 0) storeSetCookies(jar, url, values, new Date(now()));
    },
  };
}
