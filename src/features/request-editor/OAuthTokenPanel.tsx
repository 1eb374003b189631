/**
 * The token part of OAuth 2.0 in the Auth tab: the redirect URI to register, "Get new token",
 * the cached token (masked, its expiry, decoded when it is a JWT), "Refresh token", "Clear
 * token", and the last token request. Works for the request's own configuration and for one
 * inherited from a folder or collection (the token is cached per configuration).
 */
import { useEffect, useId, useState } from 'react';
import type { OAuth2Auth } from '../../core/auth/oauth2.ts';
import { decodeJwt, isExpired } from '../../core/auth/oauth2.ts';
import { Button, Notice, inputClass } from '../../components/ui.tsx';
import {
  callbackUrlPasted,
  getNewTokenClicked,
  oauthTokenFor,
  parleyRedirectUri,
  refreshClicked,
  tokenCleared,
  useAwaitingPaste,
  useOAuthBusy,
  useOAuthError,
  useOAuthVersion,
  useTokenExchange,
} from '../../stores/oauth-store.ts';

function expiryText(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return 'no expiry given';
  const s = Math.round((expiresAt - now) / 1000);
  const at = new Date(expiresAt).toLocaleTimeString();
  return s <= 0 ? `expired at ${at}` : `expires at ${at} (in ${s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`})`;
}

export function OAuthTokenPanel({ oauth2 }: { oauth2: { auth: OAuth2Auth; key: string; from: string | null } }) {
  const id = useId();
  useOAuthVersion();
  const busy = useOAuthBusy();
  const error = useOAuthError();
  const exchange = useTokenExchange();
  const awaitingPaste = useAwaitingPaste();
  const [revealed, setRevealed] = useState(false);
  const [pasted, setPasted] = useState('');
  const { auth, key, from } = oauth2;
  const token = oauthTokenFor(key);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const decoded = token ? decodeJwt(token.accessToken) : null;
  const codeFlow = auth.grantType === 'authorization_code' || auth.grantType === 'implicit';

  return (
    <section aria-label="OAuth 2.0 token" className="max-w-xl space-y-2 rounded-md border border-slate-200 p-3">
      {from && <p className="text-[11px] text-slate-500">Configuration inherited from {from}.</p>}
      {codeFlow && (
        <p className="text-[11px] leading-4 text-slate-500">
          Redirect URI to register with the authorization server:{' '}
          <code className="select-all font-mono text-slate-700">{auth.redirectUri.trim() || parleyRedirectUri()}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={busy !== null} onClick={() => void getNewTokenClicked(auth, key)}>
          Get new token
        </Button>
        {token?.refreshToken && (
          <Button disabled={busy !== null} onClick={() => void refreshClicked(auth, key)}>
            Refresh token
          </Button>
        )}
        {token && (
          <Button variant="ghost" onClick={() => tokenCleared(key)}>
            Clear token
          </Button>
        )}
        {busy && (
          <span role="status" className="text-xs text-slate-500">
            {busy}
          </span>
        )}
      </div>
      {awaitingPaste && (
        <div className="flex gap-1.5">
          <input
            aria-label="Redirected URL"
            className={`${inputClass} font-mono`}
            placeholder="Paste the URL the browser landed on after signing in"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
          />
          <Button onClick={() => callbackUrlPasted(pasted)}>Use URL</Button>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      {token ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-token`} className="text-xs font-medium text-slate-600">
            Access token
          </label>
          <div className="flex gap-1.5">
            <input
              id={`${id}-token`}
              readOnly
              type={revealed ? 'text' : 'password'}
              className={`${inputClass} font-mono`}
              value={token.accessToken}
            />
            <Button aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
              {revealed ? 'Hide' : 'Show'}
            </Button>
          </div>
          <p className={`text-[11px] ${isExpired(token, now) ? 'text-red-700' : 'text-slate-500'}`}>
            {token.tokenType} token, {expiryText(token.expiresAt, now)}
            {token.scope !== undefined ? `, scope “${token.scope}”` : ''}
            {token.refreshToken ? '; refreshed automatically at Send once expired' : ''}. Kept in this browser only
            (never in links or exports).
          </p>
          {decoded && (
            <details>
              <summary className="cursor-pointer text-[11px] text-slate-600">Decoded token (JWT)</summary>
              <pre aria-label="Decoded token" className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-[11px]">
                {JSON.stringify(decoded, null, 2)}
              </pre>
            </details>
          )}
        </div>
      ) : (
        <p className="text-[11px] text-slate-500">No token yet for this configuration in this environment.</p>
      )}
      {exchange && (
        <p className="text-[11px] text-slate-500">
          Last token request: {exchange.requestLine} via {exchange.via} →{' '}
          {exchange.status === null ? 'no answer' : exchange.status} ({exchange.outcome})
        </p>
      )}
    </section>
  );
}
