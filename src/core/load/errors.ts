/**
 * Kinds of transport failure a load test counts apart, from Node's error codes (libuv / `net`
 * / `dns`): a refused connection means nothing listens; a reset means the server dropped it.
 */
export type LoadErrorKind = 'refused' | 'timeout' | 'reset' | 'dns' | 'policy' | 'other';

export const LOAD_ERROR_LABELS: Record<LoadErrorKind, string> = {
  refused: 'Connection refused',
  timeout: 'Timed out',
  reset: 'Connection reset',
  dns: 'Name not resolved',
  policy: 'Refused by policy',
  other: 'Other error',
};

/**
 * Kind of a Node error code.
 * @example loadErrorKind('ECONNREFUSED') === 'refused'
 */
export function loadErrorKind(code: string | undefined): LoadErrorKind {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
    case 'EPARLEYTIMEOUT':
      return 'timeout';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return 'reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns';
    case 'EPARLEYPOLICY':
      return 'policy';
    default:
      return 'other';
  }
}
