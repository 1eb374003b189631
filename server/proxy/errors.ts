/** Turns what went wrong upstream into a `ProxyErrorBody` a person understands. */
import type { ProxyErrorCode } from '../../src/core/wire/proxy.ts';

export interface ProxyFailure {
  status: number;
  code: ProxyErrorCode;
  message: string;
}

/** A failure the proxy itself decided (bad input, policy, limits). */
export class ProxyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProxyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const TLS_CODES = /^(CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|ERR_OSSL)/;

/**
 * Maps a Node error from the upstream leg to a failure.
 * @param target `host:port` the proxy tried, used in the sentences.
 */
export function describeUpstreamError(err: unknown, target: string): ProxyFailure {
  if (err instanceof ProxyError) return { status: err.status, code: err.code, message: err.message };
  const e = firstCoded(err);
  const code = e.code ?? '';
  const where = e.address ? `${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port ?? ''}` : target;
  if (code === 'EPARLEYPOLICY') return { status: 403, code: 'target-refused-by-policy', message: e.message };
  if (code === 'ECONNREFUSED')
    return {
      status: 502,
      code: 'connection-refused',
      message: `Connection refused by ${where} — nothing is listening there.`,
    };
  if (
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EAI_FAIL' ||
    code === 'EAI_NODATA' ||
    code === 'EAI_NONAME'
  ) {
    const host = e.hostname ?? target;
    return {
      status: 502,
      code: 'dns-failed',
      message: `The name ${host} could not be resolved (${code}). Check the spelling, or whether this machine is offline.`,
    };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return {
      status: 502,
      code: 'connection-reset',
      message: `${target} closed the connection before sending a complete response (${code}).`,
    };
  if (code === 'ETIMEDOUT') return { status: 504, code: 'timeout', message: `Connecting to ${target} timed out.` };
  // OpenSSL's words for a PKCS#12 bundle or key it cannot open (wrong passphrase, not a bundle).
  if (/mac verify failure|bad decrypt|not enough data|wrong tag/i.test(e.message))
    return {
      status: 502,
      code: 'tls-failed',
      message: `The client certificate or key for ${target} could not be opened: ${e.message}. Check the passphrase and the file.`,
    };
  if (TLS_CODES.test(code))
    return {
      status: 502,
      code: 'tls-failed',
      message: `The TLS handshake with ${target} failed: ${e.message} (${code}).`,
    };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return { status: 502, code: 'upstream-error', message: `${target} cannot be reached from this machine (${code}).` };
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      status: 502,
      code: 'upstream-error',
      message: `The response head from ${target} is larger than the proxy's limit of 256 KiB.`,
    };
  if (code.startsWith('HPE_'))
    return {
      status: 502,
      code: 'upstream-error',
      message: `${target} answered with something that is not valid HTTP/1.1: ${e.message}`,
    };
  return {
    status: 502,
    code: 'upstream-error',
    message: `The request to ${target} failed: ${e.message}${code ? ` (${code})` : ''}.`,
  };
}

type CodedError = Error & { code?: string; address?: string; port?: number; hostname?: string };

/** Happy Eyeballs connects fail with an AggregateError; its parts carry the codes. */
function firstCoded(err: unknown): CodedError {
  const e = (err instanceof Error ? err : new Error(String(err))) as CodedError & { errors?: unknown[] };
  if (!e.code && Array.isArray(e.errors)) {
    const inner = e.errors.find(
      (x): x is CodedError => x instanceof Error && typeof (x as CodedError).code === 'string',
    );
    if (inner) return inner;
  }
  return e;
}
