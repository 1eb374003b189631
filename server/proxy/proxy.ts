/**
 * `POST /api/proxy` (protocol: src/core/wire/proxy.ts). Checks who asks (Origin, token,
 * concurrency), reads the framed request head, then hands over to `forward.ts`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeProxyRequestPrefix } from '../../src/core/wire/proxy-codec.ts';
import { PROXY_TOKEN_HEADER, type ProxyRequestHead } from '../../src/core/wire/proxy.ts';
import { isOwnOrigin, isValidToken } from '../security.ts';
import { sendError } from '../respond.ts';
import { forward } from './forward.ts';
import type { ProxyLimits } from './limits.ts';

export type { ProxyLimits } from './limits.ts';

/** Handles one proxy request. */
export function handleProxy(req: IncomingMessage, res: ServerResponse, limits: ProxyLimits): void {
  if (req.method !== 'POST') {
    req.resume();
    res.setHeader('Allow', 'POST');
    return sendError(res, 405, 'bad-request', `The proxy takes POST requests, not ${req.method}.`);
  }
  if (!isOwnOrigin(req.headers.origin, req.headers.host)) {
    req.resume();
    const seen = req.headers.origin ? `from ${req.headers.origin}` : 'without an Origin header';
    return sendError(
      res,
      403,
      'forbidden-origin',
      `The proxy works only for Parley's own page; this request came ${seen}.`,
    );
  }
  const presented = req.headers[PROXY_TOKEN_HEADER.toLowerCase()];
  if (!isValidToken(Array.isArray(presented) ? undefined : presented, limits.token)) {
    req.resume();
    return sendError(
      res,
      403,
      'bad-token',
      'The proxy token is missing or wrong. Reload the page: the server may have restarted with a new token.',
    );
  }
  // Fairness: one client (address) with many stalled calls fills only its own share.
  const client = req.socket.remoteAddress ?? '';
  const mine = limits.perClient.get(client) ?? 0;
  if (mine >= limits.maxPerClient) {
    req.resume();
    return sendError(
      res,
      429,
      'too-many-requests',
      `You already have ${limits.maxPerClient} proxy requests in flight; wait for some to finish.`,
    );
  }
  if (limits.inFlight >= limits.maxConcurrent) {
    req.resume();
    return sendError(
      res,
      429,
      'too-many-requests',
      `The proxy already carries ${limits.maxConcurrent} requests; wait for some to finish.`,
    );
  }
  limits.inFlight++;
  limits.perClient.set(client, mine + 1);
  res.once('close', () => {
    limits.inFlight--;
    const left = (limits.perClient.get(client) ?? 1) - 1;
    if (left > 0) limits.perClient.set(client, left);
    else limits.perClient.delete(client);
  });
  readHead(req, limits.deadlines.bodyGapMs).then(
    ({ head, rest }) => {
      if (res.destroyed) return;
      // The proxy request's own length tells the content length up front (browsers always send it for byte bodies).
      const declared = req.headers['content-length'];
      const bodyLength = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) - rest.consumedHead : null;
      forward(req, res, limits, head, rest.leftover, bodyLength);
    },
    (err: Error) => {
      req.resume();
      sendError(res, 400, 'bad-request', err.message);
    },
  );
}

interface Rest {
  /** Content bytes that arrived with the head. */
  leftover: Buffer<ArrayBufferLike>;
  /** Octets of length prefix + head. */
  consumedHead: number;
}

/**
 * Reads until the framed head is complete; the stream is left paused at the content. Chunks are
 * joined only once as many bytes as the head needs have arrived (linear time however the bytes
 * are split), and a head that does not arrive within `gapMs` of silence ends the request.
 */
function readHead(req: IncomingMessage, gapMs: number): Promise<{ head: ProxyRequestHead; rest: Rest }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let need = 4;
    req.setTimeout(gapMs, () => {
      cleanup();
      req.destroy();
      reject(new Error(`The proxy request head did not arrive within ${gapMs} ms.`));
    });
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (size < need) return;
      const buffered = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      chunks.length = 0;
      chunks.push(buffered);
      const decoded = decodeProxyRequestPrefix(buffered);
      if (decoded.kind === 'incomplete') {
        need = decoded.needBytes;
        return;
      }
      cleanup();
      req.pause();
      if (decoded.kind === 'error') return reject(new Error(decoded.message));
      resolve({
        head: decoded.head,
        rest: { leftover: buffered.subarray(decoded.bodyOffset), consumedHead: decoded.bodyOffset },
      });
    };
    const onEnd = (): void => {
      cleanup();
      reject(new Error('The proxy request ended before its head was complete (expected a 4-byte length, then JSON).'));
    };
    const cleanup = (): void => {
      req.setTimeout(0);
      req.off('data', onData);
      req.off('end', onEnd);
    };
    req.on('data', onData);
    req.on('end', onEnd);
  });
}
