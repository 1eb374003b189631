/**
 * Sends with the browser's own fetch. The browser applies CORS, drops headers the
 * Fetch standard forbids, refuses some methods and a body on GET/HEAD, follows
 * redirects itself, and exposes only CORS-safelisted or exposed response headers
 * (lower-cased, duplicates joined with ", "; Set-Cookie never). The UI says so.
 */
import type { EffectiveRequest } from '../core/resolve/types.ts';
import type { ResponseRecord } from '../core/model/response.ts';
import { blockedPort, blockedPortMessage } from '../core/url/bad-port.ts';
import { SendError, fetchOrFail, receiveContent, type SendOptions, type Transport } from './transport.ts';

/**
 * The explanation shown for fetch's TypeError. The browser hides the cause on purpose,
 * so we list the likely ones, and we never imply that the server answered. A port on
 * the Fetch standard's bad-port list is the one cause we can know for sure, so it alone
 * is named (resolveRequest already blocks it; this covers a request that got past it).
 */
export function directNetworkErrorMessage(targetUrl: string, pageProtocol: string): string {
  const port = blockedPort(targetUrl);
  if (port !== null) return `The browser did not send the request. ${blockedPortMessage(port)}`;
  const causes = [
    'the server does not allow this page’s origin (CORS), or refused the CORS preflight (OPTIONS) the browser sent first',
  ];
  if (pageProtocol === 'https:' && targetUrl.startsWith('http:')) {
    causes.push('this page is HTTPS and the target is plain HTTP (mixed content is blocked)');
  }
  causes.push('the server is unreachable, the connection was refused, or you are offline');
  return `The browser could not complete the request and did not show a response. Likely causes: ${causes
    .map((c, i) => `(${i + 1}) ${c}`)
    .join(
      '; ',
    )}. The browser does not reveal which one. Sending through Parley’s proxy avoids CORS and shows the real error.`;
}

export function createDirectTransport(fetchFn: typeof fetch = globalThis.fetch): Transport {
  return {
    kind: 'direct',
    async send(request: EffectiveRequest, options: SendOptions): Promise<ResponseRecord> {
      let fetchRequest: Request;
      try {
        fetchRequest = new Request(request.url, {
          method: request.method,
          headers: request.headers.map((h) => [h.name, h.value] as [string, string]),
          body: request.body as BodyInit | null,
          redirect: 'follow',
          signal: options.signal,
          cache: 'no-store',
          credentials: 'omit',
        });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new SendError(
          'invalid-request',
          `The browser refused to build this request, so nothing was sent: ${detail} Parley’s proxy can send it.`,
        );
      }
      const started = performance.now();
      const response = await fetchOrFail(
        fetchFn,
        fetchRequest,
        undefined,
        () =>
          new SendError('direct-network', directNetworkErrorMessage(request.url, globalThis.location?.protocol ?? '')),
      );
      const head = {
        status: response.status,
        reasonPhrase: response.statusText,
        headers: [...response.headers.entries()],
        via: 'direct' as const,
        timings: {},
        redirects: [],
        url: response.url || request.url,
      };
      return receiveContent(
        request.method,
        head,
        response.body,
        options,
        started,
        () => new SendError('direct-network', 'The connection was lost while the response content was arriving.'),
      );
    },
  };
}
