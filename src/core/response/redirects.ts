/** Presenting the redirect hops the proxy followed (Fetch standard §4.4 "HTTP-redirect fetch"). */
import type { RedirectHop } from '../wire/proxy.ts';

export interface RedirectHopView {
  /** 1-based hop number. */
  index: number;
  status: number;
  reasonPhrase: string;
  method: string;
  url: string;
  /** Location as received (`null` when the response had none). */
  location: string | null;
  /** Location resolved against the hop's URL (WHATWG URL), `null` when absent or unparsable. */
  target: string | null;
  /** The method the next request uses per Fetch §4.4 step 12, e.g. POST → GET on 303. */
  nextMethod: string;
  /** True when the next hop goes to another origin (Fetch drops `Authorization` then). */
  crossOrigin: boolean;
}

/**
 * The method used after a redirect, Fetch §4.4 step 12: 301/302 turn POST into GET; 303 turns every
 * method except GET/HEAD into GET; 307/308 keep it.
 * @param status the redirect status code; @param method the method of the redirected request (case kept).
 */
export function methodAfterRedirect(status: number, method: string): string {
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (status === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
  return method;
}

/**
 * Turns the proxy's `RedirectHop[]` into rows for display.
 * @param hops hops in order (the final response is not a hop).
 * @returns one view per hop; never throws (unparsable URLs give `target: null`, `crossOrigin: false`).
 */
export function describeRedirectHops(hops: readonly RedirectHop[]): RedirectHopView[] {
  return hops.map((hop, i) => {
    let target: string | null = null;
    let crossOrigin = false;
    if (hop.location !== null) {
      try {
        const next = new URL(hop.location, hop.url);
        target = next.href;
        crossOrigin = next.origin !== new URL(hop.url).origin;
      } catch {
        target = null;
      }
    }
    return {
      index: i + 1,
      status: hop.status,
      reasonPhrase: hop.reasonPhrase,
      method: hop.method,
      url: hop.url,
      location: hop.location,
      target,
      nextMethod: methodAfterRedirect(hop.status, hop.method),
      crossOrigin,
    };
  });
}
