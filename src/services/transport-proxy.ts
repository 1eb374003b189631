/**
 * Sends through Parley's proxy (`POST /api/proxy`, protocol in core/wire/proxy.ts).
 * The proxy carries what a browser cannot (custom methods, Cookie, Host, GET with a body)
 * and returns the upstream status, reason phrase and raw header pairs unchanged.
 */
import type { EffectiveRequest } from '../core/resolve/types.ts';
import type { ResponseRecord } from '../core/model/response.ts';
import {
  PROXY_HEAD_HEADER,
  PROXY_PATH,
  PROXY_TOKEN_HEADER,
  type ProxyErrorBody,
  type ProxyRequestHead,
} from '../core/wire/proxy.ts';
import { decodeProxyResponseHead, encodeProxyRequest } from '../core/wire/proxy-codec.ts';
import { SendError, fetchOrFail, receiveContent, type SendOptions, type Transport } from './transport.ts';

/** What a person reads for each proxy error code when the proxy sent no message of its own. */
const PROXY_ERROR_TITLES: Record<string, string> = {
  'connection-refused': 'Connection refused: nothing is listening at that address and port.',
  'dns-failed': 'The host name could not be resolved (DNS lookup failed).',
  'connection-reset': 'The connection was reset before a response arrived.',
  timeout: 'The server did not answer in time.',
  'tls-failed': 'The TLS (HTTPS) handshake failed.',
  'target-refused-by-policy': "Parley's proxy refuses this target by policy.",
  'too-many-requests': "Parley's proxy is busy; try again.",
  'too-many-redirects': 'Too many redirects.',
  'upgrade-refused': 'The server asked to switch protocols (e.g. WebSocket), which Parley does not support yet.',
  'forbidden-origin': "Parley's proxy refused the request: this page's origin is not allowed.",
  'bad-token': "Parley's proxy refused the request: the page's proxy token is stale. Reload the page.",
  'bad-host': "Parley's proxy refused the request: unexpected Host.",
  'bad-request': "Parley's proxy could not read the request.",
  'upstream-error': 'The request failed before a response arrived.',
};

export interface ProxyTransportOptions {
  /** Origin of Parley's server; default same-origin (`''`). */
  base?: string;
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
}

export function createProxyTransport(
  token: string,
  { base = '', fetch: fetchFn = globalThis.fetch }: ProxyTransportOptions = {},
): Transport {
  return {
    kind: 'proxy',
    async send(request: EffectiveRequest, options: SendOptions): Promise<ResponseRecord> {
      const head: ProxyRequestHead = {
        method: request.method,
        url: request.url,
        headers: request.headers.map((h) => [h.name, h.value]),
        followRedirects: options.followRedirects ?? false,
        ...(options.verifyTls === false ? { verifyTls: false } : {}),
        ...(request.digest ? { digest: request.digest } : {}),
        ...(options.tls && Object.keys(options.tls).length > 0 ? { tls: options.tls } : {}),
      };
      const started = performance.now();
      const init: RequestInit = {
        method: 'POST',
        headers: { [PROXY_TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
        body: encodeProxyRequest(head, request.body) as BodyInit,
        signal: options.signal,
        cache: 'no-store',
      };
      const response = await fetchOrFail(
        fetchFn,
        base + PROXY_PATH,
        init,
        () =>
          new SendError(
            'proxy-unreachable',
            "Parley's server could not be reached, so the request was not sent. Is Parley still running?",
          ),
      );
      const encodedHead = response.headers.get(PROXY_HEAD_HEADER);
      if (encodedHead === null) throw await proxyError(response);
      const { status, reasonPhrase, headers, timings, redirects, url, warnings, authExchange, tls } =
        decodeProxyResponseHead(encodedHead);
      return receiveContent(
        request.method,
        {
          status,
          reasonPhrase,
          headers,
          via: 'proxy',
          timings,
          redirects,
          url,
          ...(warnings ? { warnings } : {}),
          ...(authExchange ? { authExchange } : {}),
          ...(tls ? { tls } : {}),
        },
        response.body,
        options,
        started,
        () =>
          new SendError(
            'proxy',
            'The connection was lost while the response content was arriving.',
            'connection-reset',
          ),
      );
    },
  };
}

async function proxyError(response: Response): Promise<SendError> {
  let code = 'upstream-error';
  let detail = '';
  try {
    const json = (await response.json()) as Partial<ProxyErrorBody>;
    code = json.error?.code ?? code;
    detail = json.error?.message ?? '';
  } catch {
    detail = `Parley's proxy answered ${response.status} without an explanation.`;
  }
  // The proxy's own message already names the target and the cause in one sentence (see
  // server/proxy/errors.ts); prefixing the generic title repeated it. The title is the fallback.
  const message =
    detail.trim() !== '' ? detail : (PROXY_ERROR_TITLES[code] ?? 'The request failed before a response arrived.');
  return new SendError('proxy', message, code);
}
