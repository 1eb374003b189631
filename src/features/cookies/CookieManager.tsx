/**
 * The cookie manager (issue 16 point 5): the active environment's cookie jar — view, edit the
 * value, delete one, clear all. Loaded lazily with its button (the jar itself loads on open).
 */
import { useEffect, useState } from 'react';
import type { StoredCookie } from '../../core/cookies/jar.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Button, Notice, cellInputClass } from '../../components/ui.tsx';
import { loadJarModule } from '../../services/cookie-jar.ts';
import {
  activeJarCookies,
  cookieDeleted,
  cookieSaved,
  cookiesCleared,
  useCookieEditError,
  useCookiesVersion,
} from '../../stores/cookies-store.ts';
import { useActiveEnvironmentId } from '../../stores/environments-store.ts';

export function CookiesButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} title="The cookies the proxy stored from responses (proxy mode)">
        Cookies
      </Button>
      {open && <CookieManager onClose={() => setOpen(false)} />}
    </>
  );
}

function CookieManager({ onClose }: { onClose: () => void }) {
  const version = useCookiesVersion();
  const envId = useActiveEnvironmentId();
  const error = useCookieEditError();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void loadJarModule().then(() => setLoaded(true));
  }, []);
  // Re-read on every jar change (version) and environment switch.
  const cookies = loaded ? activeJarCookies() : [];
  void version;
  void envId;
  return (
    <Dialog title="Cookies" onClose={onClose} size="large">
      <p className="mb-2 text-[12px] text-slate-600">
        Through the proxy, Set-Cookie fields of responses are stored here (per environment, RFC 6265 rules) and sent as
        a Cookie header on matching requests. SameSite is noted, not enforced.
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {cookies.length === 0 ? (
        <p className="py-3 text-[13px] text-slate-500">{loaded ? 'The cookie jar is empty.' : 'Loading…'}</p>
      ) : (
        <table aria-label="Stored cookies" className="w-full table-fixed text-left text-[12px]">
          <thead className="text-[11px] text-slate-500">
            <tr>
              <th className="w-28">Name</th>
              <th>Value</th>
              <th className="w-36">Domain</th>
              <th className="w-16">Path</th>
              <th className="w-40">Expires</th>
              <th className="w-28">Flags</th>
              <th className="w-16" />
            </tr>
          </thead>
          <tbody>
            {cookies.map((c) => (
              <CookieRow key={`${c.domain};${c.path};${c.name}`} cookie={c} />
            ))}
          </tbody>
        </table>
      )}
      <div className="mt-3 flex justify-between">
        <Button onClick={cookiesCleared} disabled={cookies.length === 0}>
          Clear all cookies
        </Button>
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

function CookieRow({ cookie }: { cookie: StoredCookie }) {
  const [value, setValue] = useState(cookie.value);
  const id = { domain: cookie.domain, path: cookie.path, name: cookie.name };
  const flags = [
    cookie.hostOnly ? 'host-only' : null,
    cookie.secure ? 'Secure' : null,
    cookie.httpOnly ? 'HttpOnly' : null,
    cookie.sameSite ? `SameSite=${cookie.sameSite}` : null,
  ].filter((f) => f !== null);
  return (
    <tr className="border-t border-slate-100 align-middle">
      <td className="truncate font-mono">{cookie.name}</td>
      <td>
        <input
          aria-label={`Value of cookie ${cookie.name}`}
          className={`${cellInputClass} font-mono`}
          value={value}
          spellCheck={false}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => value !== cookie.value && cookieSaved(id, { ...cookie, value })}
          onKeyDown={(e) => e.key === 'Enter' && value !== cookie.value && cookieSaved(id, { ...cookie, value })}
        />
      </td>
      <td className="truncate font-mono">{cookie.domain}</td>
      <td className="truncate font-mono">{cookie.path}</td>
      <td className="truncate">{cookie.expires ?? 'session'}</td>
      <td className="truncate text-[11px] text-slate-500">{flags.join(', ')}</td>
      <td>
        <Button aria-label={`Delete cookie ${cookie.name}`} onClick={() => cookieDeleted(id)}>
          Delete
        </Button>
      </td>
    </tr>
  );
}
