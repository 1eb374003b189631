/** Compares what the echo server received from a snippet with what it received from Parley's Send. */
import type { EffectiveRequest } from '../../src/core/resolve/types.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { multipartBoundary, parseMultipart } from '../../src/core/codegen/body.ts';

export type Verdict = string;

/** Header fields a client library or the transport adds on its own; not part of the request the user set. */
const TRANSPORT_FIELDS = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'te',
  'upgrade',
  'http2-settings',
  'sec-fetch-mode',
  'expect',
]);

/** Repeated fields joined with `, ` (RFC 9110 §5.3), by lower-cased name. */
function combined(pairs: [string, string][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [n, v] of pairs) {
    const k = n.toLowerCase();
    m.set(k, m.has(k) ? `${m.get(k)}, ${v}` : v);
  }
  return m;
}

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

function parts(reply: EchoReply) {
  const ct = reply.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const boundary = multipartBoundary(ct);
  return boundary === null ? null : parseMultipart(b64(reply.body.base64), boundary);
}

/**
 * Problems (empty = equal) and the verdict. Method and target must be identical; every
 * header field of the effective request must arrive with the same value (name compared
 * case-insensitively) from both; the snippet must not add fields beyond the transport's
 * own; content must be the same octets, or — for multipart sent with the client's own
 * boundary — the same parts (names, filenames, content types, octets) in the same order.
 */
export function compareEcho(
  req: EffectiveRequest,
  parley: EchoReply,
  snippet: EchoReply,
  rewritesTarget?: { why: string; apply: (target: string) => string },
): { verdict: Verdict; problems: string[] } {
  const problems: string[] = [];
  if (parley.method !== req.method) problems.push(`Parley sent method ${parley.method}, expected ${req.method}`);
  if (snippet.method !== parley.method)
    problems.push(`method ${JSON.stringify(snippet.method)} ≠ ${JSON.stringify(parley.method)}`);
  const expectedTarget = rewritesTarget ? rewritesTarget.apply(parley.target) : parley.target;
  if (snippet.target !== expectedTarget)
    problems.push(`target ${JSON.stringify(snippet.target)} ≠ ${JSON.stringify(expectedTarget)}`);
  const targetNote =
    snippet.target !== parley.target && rewritesTarget ? ` (target differs: ${rewritesTarget.why})` : '';
  const want = combined(req.headers.map((h) => [h.name, h.value]));
  const gotParley = combined(parley.headers);
  const gotSnippet = combined(snippet.headers);
  const sameBytes = snippet.body.base64 === parley.body.base64;
  for (const [name, value] of want) {
    if (gotParley.get(name) !== value)
      problems.push(`Parley sent ${name}: ${JSON.stringify(gotParley.get(name))}, expected ${JSON.stringify(value)}`);
    const got = gotSnippet.get(name);
    const isOwnBoundary = name === 'content-type' && !sameBytes && multipartBoundary(value) !== null;
    const norm = (v: string | undefined) => (isOwnBoundary ? v?.replace(/;\s*boundary=.*$/i, '') : v);
    if (norm(got) !== norm(value)) problems.push(`header ${name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(value)}`);
  }
  for (const [name, value] of gotSnippet) {
    if (!want.has(name) && !TRANSPORT_FIELDS.has(name))
      problems.push(`snippet added header ${name}: ${JSON.stringify(value)}`);
  }
  let verdict: Verdict = 'byte-identical';
  if (!sameBytes) {
    const a = parts(parley);
    const b = parts(snippet);
    const same =
      a !== null &&
      b !== null &&
      a.length === b.length &&
      a.every((p, i) => {
        const q = b[i]!;
        return (
          p.name === q.name &&
          p.fileName === q.fileName &&
          p.contentType === q.contentType &&
          Buffer.from(p.bytes).equals(Buffer.from(q.bytes))
        );
      });
    if (same) verdict = 'multipart-equal (client boundary)';
    else
      problems.push(
        `body differs: snippet ${snippet.body.size} octets ${JSON.stringify(snippet.body.text.slice(0, 400))} ≠ Parley ${parley.body.size} octets ${JSON.stringify(parley.body.text.slice(0, 400))}`,
      );
  }
  return { verdict: verdict + targetNote, problems };
}
