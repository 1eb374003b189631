/** The page's URL fragment: where share links carry a request (never sent to a server). */

/** The current `location.hash` including `#`, or '' outside a browser. */
export function readHash(): string {
  return typeof location === 'undefined' ? '' : location.hash;
}

/**
 * Removes the fragment without a reload or a new history entry, so reloading does not
 * import the shared request again over the user's edits.
 */
export function clearHash(): void {
  if (typeof location === 'undefined' || location.hash === '') return;
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** The full link for a fragment (`r=1.…`): this page's address with `#fragment`. */
export function shareUrl(fragment: string): string {
  if (typeof location === 'undefined') return `#${fragment}`;
  return `${location.origin}${location.pathname}${location.search}#${fragment}`;
}

/** Calls `handler` when the fragment changes in place (a link pasted into an open tab). */
export function onHashChange(handler: (hash: string) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const listener = () => handler(location.hash);
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
