/** The jar's cookie shape → `pm.cookies`' (Postman's Cookie). */
import type { StoredCookie } from '../cookies/jar.ts';
import type { ScriptCookie } from '../scripts/types.ts';

/** A jar cookie as scripts see it (`expires` left out for a session cookie). */
export function scriptCookie(c: StoredCookie): ScriptCookie {
  const out: ScriptCookie = {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
  };
  if (c.expires !== null) out.expires = c.expires;
  return out;
}
