/** What the Raw request view says above the message: who adds which fields (issue 10 point 3). */
import type { EffectiveRequest } from '../../core/resolve/types.ts';
import type { TransportKind } from '../../services/transport.ts';

/**
 * The sentences shown over the raw message of `request` sent (or to be sent, `sent: false`)
 * `via` a transport, first the status line, then what the transport adds:
 * - proxy: the message is complete — Host, Content-Length and Connection are the ones Node
 *   adds (renderHttpMessage lists them);
 * - direct: the fields the browser adds that no page can see or set, by name (Fetch
 *   standard, Chromium): User-Agent, Accept (`*∕*` unless typed), Accept-Encoding,
 *   Accept-Language, sec-ch-ua, sec-ch-ua-mobile, sec-ch-ua-platform, Sec-Fetch-Site,
 *   Sec-Fetch-Mode, Sec-Fetch-Dest, Origin (when cross-origin or not GET/HEAD, with its
 *   value), Referer (per the page's referrer policy), Connection; and a CORS preflight when
 *   the request is not "simple";
 * then `request.notes` (e.g. `'` sent as `%27`). `pageOrigin` is the app's origin.
 */
export function rawViewNotes(
  request: Pick<EffectiveRequest, 'method' | 'url' | 'headers' | 'notes'>,
  via: TransportKind,
  pageOrigin: string,
  sent: boolean,
): string[] {
  const status = sent
    ? `As sent ${via === 'proxy' ? 'through Parley’s proxy' : 'by the browser (direct)'}.`
    : 'Preview: not sent yet. This is exactly what Send will send.';
  const lines: string[] = [];
  if (via === 'proxy') {
    lines.push(
      `${status} Every header field is listed, including Host, Content-Length (in octets) and Connection, which the proxy’s HTTP client adds.`,
    );
  } else {
    let target: URL | null = null;
    try {
      target = new URL(request.url);
    } catch {
      target = null;
    }
    const crossOrigin = target !== null && target.origin !== pageOrigin;
    const upper = request.method.toUpperCase();
    const typed = (name: string) => request.headers.some((h) => h.name.toLowerCase() === name);
    const added = [
      'User-Agent',
      ...(typed('accept') ? [] : ['Accept: */*']),
      'Accept-Encoding',
      'Accept-Language',
      'sec-ch-ua, sec-ch-ua-mobile, sec-ch-ua-platform',
      'Sec-Fetch-Site, Sec-Fetch-Mode, Sec-Fetch-Dest',
      ...(crossOrigin || (upper !== 'GET' && upper !== 'HEAD') ? [`Origin: ${pageOrigin}`] : []),
      'Referer (as the page’s referrer policy allows)',
      'Connection',
    ];
    lines.push(
      `${status} The browser also adds header fields this page can neither see nor set: ${added.join('; ')}. They are not shown below.`,
    );
    if (crossOrigin) {
      lines.push(
        'The target is on another origin: the browser applies CORS, and for a request that is not “simple” (a method other than GET/HEAD/POST, or other header fields) it first sends an OPTIONS preflight.',
      );
    }
  }
  return [...lines, ...(request.notes ?? [])];
}
