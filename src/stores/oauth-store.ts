/**
 * OAuth 2.0 in the browser (issue 16 point 1): getting a token for the request's effective
 * OAuth 2.0 configuration (own or inherited), refreshing it before a Send when it has expired,
 * and the token cache's version (so the resolved request updates when a token arrives).
 *
 * Authorization code (+PKCE) and implicit: a popup opens the authorization URL; the server
 * redirects to Parley's `/oauth/callback` (src/app/oauth-callback.ts), which posts the
 * parameters back over BroadcastChannel `parley-oauth` and `window.opener.postMessage`; only a
 * message whose `state` matches the pending one is taken (RFC 6749 §10.12). A redirect URI on
 * another origin cannot be read: the person pastes the URL it landed on (`callbackUrlPasted`).
 * Token requests go through the proxy when there is one (no CORS), else direct.
 */
import { create } from 'zustand';
import {
  authorizationUrl,
  callbackParameters,
  isExpired,
  missingFields,
  parseTokenResponse,
  pkceChallenge,
  pkceVerifier,
  tokenFromFields,
  tokenRequest,
  type OAuth2Auth,
  type OAuth2Token,
  type TokenGrant,
} from '../core/auth/oauth2.ts';
import { base64url } from '../core/auth/oauth2.ts';
import { readToken, writeToken } from '../services/oauth-tokens.ts';
import { readProxyToken } from '../services/proxy-token.ts';
import { getEnvironmentsState } from './environments-store.ts';

/** The path of Parley's own redirect URI, on its origin. */
export const OAUTH_CALLBACK_PATH = '/oauth/callback';
/** The BroadcastChannel the callback page posts on. */
export const OAUTH_CHANNEL = 'parley-oauth';
/** How long Parley waits for the authorization server to redirect back, ms. */
const CALLBACK_WAIT_MS = 5 * 60_000;

/** The last token request, for the Auth tab: what was sent and how it ended. */
export interface TokenExchange {
  requestLine: string;
  via: 'proxy' | 'direct';
  status: number | null;
  outcome: string;
}

interface OAuthState {
  version: number;
  busy: string | null;
  error: string | null;
  exchange: TokenExchange | null;
  /** A redirect on another origin: the authorization URL opened, waiting for a pasted URL. */
  awaitingPaste: boolean;
}
const useOAuthStore = create<OAuthState>()(() => ({
  version: 0,
  busy: null,
  error: null,
  exchange: null,
  awaitingPaste: false,
}));

export const useOAuthVersion = (): number => useOAuthStore((s) => s.version);
export const useOAuthBusy = (): string | null => useOAuthStore((s) => s.busy);
export const useOAuthError = (): string | null => useOAuthStore((s) => s.error);
export const useTokenExchange = (): TokenExchange | null => useOAuthStore((s) => s.exchange);
export const useAwaitingPaste = (): boolean => useOAuthStore((s) => s.awaitingPaste);

const env = (): string | null => getEnvironmentsState().activeId;

/** The cached token for a configuration key in the active environment (resolveRequest's `oauthTokenFor`). */
export function oauthTokenFor(key: string): OAuth2Token | undefined {
  return readToken(env(), key);
}

function saved(key: string, token: OAuth2Token | null): void {
  writeToken(env(), key, token);
  useOAuthStore.setState((s) => ({ version: s.version + 1 }));
}

/** "Clear token". */
export function tokenCleared(key: string): void {
  saved(key, null);
}

/** Parley's own redirect URI: `<origin>/oauth/callback`. */
export function parleyRedirectUri(): string {
  return `${location.origin}${OAUTH_CALLBACK_PATH}`;
}

const redirectOf = (auth: OAuth2Auth): string => auth.redirectUri.trim() || parleyRedirectUri();

async function exchange(auth: OAuth2Auth, key: string, grant: TokenGrant): Promise<boolean> {
  const request = tokenRequest(auth, grant);
  const proxyToken = readProxyToken();
  const via = proxyToken !== null ? 'proxy' : 'direct';
  const requestLine = `POST ${request.url} (grant_type=${grant.type})`;
  const { createProxyTransport, createDirectTransport } = await import('./send-parts.ts');
  const transport = proxyToken !== null ? createProxyTransport(proxyToken) : createDirectTransport();
  try {
    const response = await transport.send(request, { signal: AbortSignal.timeout(30_000), followRedirects: false });
    const parsed = parseTokenResponse(response.status, response.body, Date.now());
    const status = response.status;
    if ('error' in parsed) {
      useOAuthStore.setState({ error: parsed.error, exchange: { requestLine, via, status, outcome: parsed.error } });
      return false;
    }
    // RFC 6749 §6: a refresh may come without a new refresh token; the old one stays valid.
    const previous = grant.type === 'refresh_token' ? grant.refreshToken : undefined;
    const token = parsed.token.refreshToken || !previous ? parsed.token : { ...parsed.token, refreshToken: previous };
    saved(key, token);
    useOAuthStore.setState({ error: null, exchange: { requestLine, via, status, outcome: 'token received' } });
    return true;
  } catch (e) {
    const message = `The token request failed: ${e instanceof Error ? e.message : String(e)}`;
    useOAuthStore.setState({ error: message, exchange: { requestLine, via, status: null, outcome: message } });
    return false;
  }
}

interface Pending {
  state: string;
  verifier: string | null;
  auth: OAuth2Auth;
  key: string;
  redirectUri: string;
  settle: (params: Record<string, string> | string) => void;
}
let pending: Pending | null = null;

function randomOctets(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** Takes a callback's parameters if their `state` is the pending one; `false` = not ours. */
function callbackArrived(params: Record<string, string>): boolean {
  if (!pending || params.state !== pending.state) return false;
  pending.settle(params);
  return true;
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  try {
    new BroadcastChannel(OAUTH_CHANNEL).onmessage = (e: MessageEvent<unknown>) => {
      if (typeof e.data === 'object' && e.data !== null) callbackArrived(e.data as Record<string, string>);
    };
  } catch {
    // No BroadcastChannel: postMessage from the popup still works.
  }
  addEventListener('message', (e: MessageEvent<unknown>) => {
    if (e.origin !== location.origin) return;
    const d = e.data as { type?: string; params?: Record<string, string> } | null;
    if (d?.type === OAUTH_CHANNEL && d.params) callbackArrived(d.params);
  });
}

/** The person pasted the URL the authorization server redirected to (a redirect URI on another origin). */
export function callbackUrlPasted(url: string): void {
  const params = callbackParameters(url.trim());
  if (!callbackArrived(params))
    useOAuthStore.setState({
      error: pending
        ? 'That URL does not carry the state of this sign-in (or no code): paste the whole URL the browser landed on.'
        : 'No sign-in is waiting for a URL: press Get new token first.',
    });
}

function waitForCallback(
  auth: OAuth2Auth,
  key: string,
  url: string,
  redirectUri: string,
  verifier: string | null,
  state: string,
) {
  return new Promise<Record<string, string> | string>((resolve) => {
    pending?.settle('Replaced by a newer sign-in.');
    const popup = window.open(url, 'parley-oauth', 'popup,width=520,height=680');
    const foreign = !redirectUri.startsWith(`${location.origin}/`);
    useOAuthStore.setState({ awaitingPaste: foreign });
    const timer = setTimeout(
      () => settle('No answer from the authorization server within 5 minutes.'),
      CALLBACK_WAIT_MS,
    );
    const closed = setInterval(() => {
      if (popup?.closed && !foreign) settle('The sign-in window was closed before the server redirected back.');
    }, 700);
    const mine: Pending = { state, verifier, auth, key, redirectUri, settle: (v) => settle(v) };
    function settle(v: Record<string, string> | string): void {
      if (pending !== mine) return;
      pending = null;
      clearTimeout(timer);
      clearInterval(closed);
      useOAuthStore.setState({ awaitingPaste: false });
      if (typeof v !== 'string' && !foreign) popup?.close();
      resolve(v);
    }
    pending = mine;
    if (!popup && !foreign)
      settle(
        `The browser blocked the sign-in window. Allow pop-ups for this page, or open this URL in a new tab: ${url}`,
      );
  });
}

/**
 * "Get new token" for the effective OAuth 2.0 configuration (`auth`, variables substituted) and
 * its cache key. Sets `error` with a sentence when it fails; never throws.
 */
export async function getNewTokenClicked(auth: OAuth2Auth, key: string): Promise<void> {
  const missing = missingFields(auth);
  if (missing.length > 0) {
    useOAuthStore.setState({ error: `Fill in ${missing.join(', ')} first.` });
    return;
  }
  useOAuthStore.setState({ busy: 'Getting a token…', error: null });
  try {
    if (auth.grantType === 'client_credentials' || auth.grantType === 'password') {
      await exchange(auth, key, { type: auth.grantType });
      return;
    }
    listen();
    const state = base64url(randomOctets(16));
    const verifier =
      auth.grantType === 'authorization_code' && auth.pkce !== 'off' ? pkceVerifier(randomOctets(32)) : null;
    const redirectUri = redirectOf(auth);
    const url = authorizationUrl(auth, {
      redirectUri,
      state,
      ...(verifier && auth.pkce !== 'off' ? { codeChallenge: pkceChallenge(verifier, auth.pkce) } : {}),
    });
    useOAuthStore.setState({ busy: 'Waiting for the sign-in window…' });
    const result = await waitForCallback(auth, key, url, redirectUri, verifier, state);
    if (typeof result === 'string') return void useOAuthStore.setState({ error: result });
    if (result.error) {
      const desc = result.error_description ? ` — ${result.error_description}` : '';
      return void useOAuthStore.setState({ error: `The authorization server refused: ${result.error}${desc}.` });
    }
    if (auth.grantType === 'implicit') {
      const t = tokenFromFields(result, Date.now());
      if ('error' in t) return void useOAuthStore.setState({ error: t.error });
      saved(key, t.token);
      return void useOAuthStore.setState({ exchange: null });
    }
    if (!result.code) return void useOAuthStore.setState({ error: 'The redirect came back without a code.' });
    await exchange(auth, key, {
      type: 'authorization_code',
      code: result.code,
      redirectUri,
      ...(verifier ? { codeVerifier: verifier } : {}),
    });
  } finally {
    useOAuthStore.setState({ busy: null });
  }
}

/** "Refresh token" (RFC 6749 §6). `false` when there is no refresh token or the refresh failed. */
export async function refreshClicked(auth: OAuth2Auth, key: string): Promise<boolean> {
  const token = oauthTokenFor(key);
  if (!token?.refreshToken) return false;
  useOAuthStore.setState({ busy: 'Refreshing the token…', error: null });
  try {
    return await exchange(auth, key, { type: 'refresh_token', refreshToken: token.refreshToken });
  } finally {
    useOAuthStore.setState({ busy: null });
  }
}

/**
 * Before a Send: an expired token with a refresh token is refreshed first, so the request goes
 * with a fresh one. Failures leave the old token (the request still goes; the Auth tab says why).
 */
export async function tokenRefreshedIfExpired(oauth2: { auth: OAuth2Auth; key: string } | undefined): Promise<void> {
  if (!oauth2) return;
  const token = oauthTokenFor(oauth2.key);
  if (token?.refreshToken && isExpired(token, Date.now())) await refreshClicked(oauth2.auth, oauth2.key);
}
