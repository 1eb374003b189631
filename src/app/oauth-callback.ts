/**
 * Parley's OAuth 2.0 redirect URI page (`/oauth/callback`, the SPA fallback serves index.html):
 * instead of the app, it hands the parameters of the redirect (query, and the fragment for the
 * implicit grant) to the Parley tab waiting for them — over BroadcastChannel and to the opener
 * with postMessage, same origin only — then closes. The waiting tab checks `state`
 * (src/stores/oauth-store.ts).
 */
const PATH = '/oauth/callback';
const CHANNEL = 'parley-oauth';

/** Whether this page is the callback; if so, posts the parameters and shows a short note. */
export function oauthCallbackLanded(): boolean {
  if (location.pathname !== PATH) return false;
  const params: Record<string, string> = {
    ...Object.fromEntries(new URLSearchParams(location.search)),
    ...Object.fromEntries(new URLSearchParams(location.hash.replace(/^#/, ''))),
  };
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage(params);
    channel.close();
  } catch {
    // No BroadcastChannel: the opener still gets postMessage.
  }
  const opener = window.opener as Window | null;
  opener?.postMessage({ type: CHANNEL, params }, location.origin);
  const root = document.getElementById('root');
  if (root)
    root.textContent = params.error
      ? `Sign-in failed: ${params.error}. You can close this window.`
      : 'Signed in: Parley has the answer. You can close this window.';
  // Scripts may close a window they opened (the popup); a tab the person opened stays.
  setTimeout(() => window.close(), 300);
  return true;
}
