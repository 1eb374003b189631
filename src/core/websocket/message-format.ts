/**
 * How WebSocket messages are shown and typed: sizes in octets, binary as hex, text as JSON
 * when it parses, and the log's search and filter. Pure; used by the message log and composer.
 */

/** Octets of `text` as UTF-8 (what a text frame's payload holds, RFC 6455 §5.6). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Hex view of octets: lower-case pairs separated by spaces, 16 to a line, at most `maxOctets`
 * shown (then `… N more octets`). Example: `[0xde, 0xad]` → `de ad`.
 */
export function formatHex(bytes: Uint8Array, maxOctets = 4096): string {
  const shown = Math.min(bytes.length, maxOctets);
  const lines: string[] = [];
  for (let i = 0; i < shown; i += 16) {
    const end = Math.min(i + 16, shown);
    const parts: string[] = [];
    for (let j = i; j < end; j++) parts.push(bytes[j]!.toString(16).padStart(2, '0'));
    lines.push(parts.join(' '));
  }
  const rest = bytes.length - shown;
  if (rest > 0) lines.push(`… ${rest.toLocaleString('en-US')} more octets`);
  return lines.join('\n');
}

/**
 * Reads hex typed in the composer: pairs of hex digits, with spaces, line breaks, `:` or `,`
 * between them and an optional `0x` on each pair.
 * @returns the octets, or `{ error }` with a sentence naming the first bad spot.
 */
export function parseHex(text: string): Uint8Array | { error: string } {
  const cleaned = text.replace(/0x/gi, '').replace(/[\s:,]+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(cleaned)) {
    const bad = /[^0-9a-fA-F]/.exec(cleaned)?.[0] ?? '';
    return { error: `"${bad}" is not a hex digit: type pairs such as de ad be ef.` };
  }
  if (cleaned.length % 2 !== 0) return { error: 'Hex needs an even number of digits (two per octet).' };
  const out = new Uint8Array(cleaned.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(cleaned.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Pretty JSON (2 spaces) when `text` is a JSON object or array, else `null`. Large texts (> 1 M chars) are not tried. */
export function prettyJson(text: string): string | null {
  const t = text.trimStart();
  if (text.length > 1_000_000 || (!t.startsWith('{') && !t.startsWith('['))) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** One line of the message log. `at` is ms since the epoch; `size` is payload octets. */
export interface WsLogEntry {
  seq: number;
  at: number;
  direction: 'sent' | 'received' | 'info';
  kind: 'text' | 'binary' | 'ping' | 'pong' | 'connecting' | 'open' | 'closed' | 'error';
  size: number;
  /** Text messages, ping/pong payloads, and the sentence of an info line. */
  text?: string;
  /** Binary messages. */
  bytes?: Uint8Array;
}

export interface WsLogFilter {
  /** Case-insensitive text to find in text payloads (and in the hex of binary ones). */
  query: string;
  direction: 'all' | 'sent' | 'received';
  /** Hide the connection timeline and ping/pong lines. */
  messagesOnly: boolean;
}

/** The entries that pass `filter`, in order. */
export function filterLog(entries: readonly WsLogEntry[], filter: WsLogFilter): WsLogEntry[] {
  const q = filter.query.trim().toLowerCase();
  return entries.filter((e) => {
    if (filter.direction !== 'all' && e.direction !== filter.direction) return false;
    if (filter.messagesOnly && e.kind !== 'text' && e.kind !== 'binary') return false;
    if (q === '') return true;
    if (e.text !== undefined) return e.text.toLowerCase().includes(q);
    if (e.bytes) return formatHex(e.bytes, 65536).replace(/\n/g, ' ').includes(q);
    return false;
  });
}

/** The sentence of a close (RFC 6455 §7.4.1 names for the codes 1000–1015). */
export function closeCodeName(code: number): string {
  const names: Record<number, string> = {
    1000: 'Normal Closure',
    1001: 'Going Away',
    1002: 'Protocol Error',
    1003: 'Unsupported Data',
    1005: 'No Status Received',
    1006: 'Abnormal Closure',
    1007: 'Invalid frame payload data',
    1008: 'Policy Violation',
    1009: 'Message Too Big',
    1010: 'Mandatory Extension',
    1011: 'Internal Error',
    1012: 'Service Restart',
    1013: 'Try Again Later',
    1014: 'Bad Gateway',
    1015: 'TLS handshake',
  };
  return names[code] ?? (code >= 4000 && code <= 4999 ? 'application' : code >= 3000 ? 'registered' : 'unknown');
}
