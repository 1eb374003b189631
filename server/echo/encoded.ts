/**
 * `/echo/encoded/:coding`: one fixed JSON document (about 17.5 KB) sent with
 * `Content-Encoding: :coding`, compressed with node:zlib — gzip, deflate (zlib-wrapped, RFC
 * 9110 §8.4.1.2), deflate-raw (raw DEFLATE labelled `deflate`, as some servers wrongly send),
 * br, zstd — or `unknown` (labelled `x-parley-unknown`, bytes as is). Node 20's zlib has no
 * zstd, so the zstd answer is a frame made once with the zstd CLI (`zstd -19`) from the
 * same document; a test checks that it decodes to it. `?pause=ms` (at most 60000) sends the
 * first half of the encoded bytes at once and the rest after that pause, so a client can be
 * seen decoding before the last byte arrives.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { ECHO_CORS_HEADERS, sendEchoText } from './echo.ts';

/** The document every /echo/encoded answer carries, decoded: UTF-8 JSON, 17,920 octets. */
export function encodedSampleDocument(): Buffer {
  const items = [];
  for (let i = 0; i < 120; i++) {
    items.push({ id: i, name: `item ${i}`, city: 'Zürich', note: 'café naïve ✓', big: '12345678901234567890' });
  }
  return Buffer.from(JSON.stringify({ items }, null, 2) + '\n', 'utf8');
}

/** `zstd -19` of encodedSampleDocument() (563 octets). */
const SAMPLE_ZSTD_BASE64 =
  'KLUv/WQARS0RANYfTiSgKcMB//MIC2EwQH3fRiQs67Y9Ken3ARgmUkoppZRofPvBKRhYAD4APwBWLzr9/3x2R3UyB3Huxmyqhmj+AYAYxauJZ0U/WAgiJC7m0UBh0YDMhIVBwxFRgCA4loUKiwCHyOJQFA9DeSQ0IAAehlKwKJM8zMwkAsNQGBIekUWZSR4CVld09LvPN2urpmmJhmdnZmVFRrfbbLO1WpqVWHh1VlZVVPS6yzVLq6RJiYRHZ2RFRUSnm0yzX73mE4/3swdWW7T0vdc7q6uqqYmKp2dqpUVK11uts7mampmYeHmWVlmU9LzTOYurqImJiIdnaIVFSMcbjbO3epqXeHh3dgEJRDIwk+y/11+ffx5//P13++311+mn///9++uv1Venn0Yfff7ZfHP5ZfLJ929//NldXc1NXLw924D6qBGAaSlJCjtrwJNkWAMSYCAQBAgCBsEjBPbC/88PJMweWcwfWcwf8pgfspg98jA75DF/5DM/ZGN2yJut1kiwznfOP3f55CVXPrKThVxfII+8yZWP/PKSIzuy8+ZM8pGfnPLJVz45ZI8L5MpGPnmTKx/55SWXV5BFXjLkI395yZGv/L0xK9nIJ4N88i2fHPLnJjmyI5u8ZMhH/vKSyxvllYcsspFfFnLkW/7emFu+8shCNvnKIr8wEj1cunC79523v32DK1/49gUmyiKLZ09tm3yyp17ZctFt7vylC7AlTCnuvC9MimlVAXzy2Ag=';

/** The codings the route knows: the Content-Encoding value sent and the encoder. */
export const ENCODED_CODINGS: Record<string, { header: string; encode: (doc: Buffer) => Buffer }> = {
  gzip: { header: 'gzip', encode: (doc) => gzipSync(doc) },
  deflate: { header: 'deflate', encode: (doc) => deflateSync(doc) },
  'deflate-raw': { header: 'deflate', encode: (doc) => deflateRawSync(doc) },
  br: { header: 'br', encode: (doc) => brotliCompressSync(doc) },
  zstd: { header: 'zstd', encode: () => Buffer.from(SAMPLE_ZSTD_BASE64, 'base64') },
  unknown: { header: 'x-parley-unknown', encode: (doc) => doc },
};

/** Longest `?pause` of /echo/encoded, in ms. */
const MAX_PAUSE_MS = 60_000;

export function encoded(req: IncomingMessage, res: ServerResponse, [coding]: string[], query: URLSearchParams): void {
  req.resume();
  const entry = ENCODED_CODINGS[coding ?? ''];
  if (!entry) {
    return sendEchoText(res, 404, `Choose one of: ${Object.keys(ENCODED_CODINGS).join(', ')}.`);
  }
  const content = entry.encode(encodedSampleDocument());
  res.writeHead(
    200,
    [
      ...ECHO_CORS_HEADERS,
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Content-Encoding', entry.header],
      ['Content-Length', String(content.length)],
      ['Cache-Control', 'no-store'],
    ].flat(),
  );
  const pause = Math.min(Number(query.get('pause') ?? 0) || 0, MAX_PAUSE_MS);
  if (req.method === 'HEAD' || pause <= 0) return void res.end(req.method === 'HEAD' ? undefined : content);
  const half = Math.floor(content.length / 2);
  res.write(content.subarray(0, half));
  const timer = setTimeout(() => res.end(content.subarray(half)), pause);
  // The client left: nothing will read the rest.
  res.on('close', () => clearTimeout(timer));
}
