/** Bodies the echo helper routes generate: byte patterns, big JSON, a PNG, sample HTML and text. */
import type { ServerResponse } from 'node:http';
import { deflateSync } from 'node:zlib';

const PATTERN = Buffer.alloc(64 * 1024);
for (let i = 0; i < PATTERN.length; i++) PATTERN[i] = i & 0xff;

/** Streams `size` bytes (byte i = i mod 256) honouring backpressure; stops if the client leaves. */
export function sendBytes(res: ServerResponse, size: number): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < size) {
      if (res.destroyed) return;
      // PATTERN's length is a multiple of 256, so every chunk starts at byte value 0.
      const n = Math.min(PATTERN.length, size - sent);
      sent += n;
      if (!res.write(n === PATTERN.length ? PATTERN : PATTERN.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

/** One item of /echo/json/big; every item has the same length, so the total is known up front. */
function bigItem(i: number): string {
  const id = 1000000000000003023n + BigInt(i);
  return `{"id":${id},"name":"item-${String(i).padStart(9, '0')}","big":9007199254740993,"price":19.99,"active":true,"tags":["alpha","beta"],"note":null}`;
}

/** Byte length and item count of /echo/json/big?mb=`mb`. */
function bigJsonShape(mb: number): { count: number; length: number; prefix: string } {
  const itemLength = bigItem(0).length;
  const count = Math.max(1, Math.floor((mb * 1024 * 1024) / (itemLength + 1)));
  const prefix = `{"count":${count},"items":[`;
  return { count, prefix, length: prefix.length + count * itemLength + (count - 1) + 2 };
}

/** Streams about `mb` MiB of valid JSON, without building it whole. */
export function sendBigJson(res: ServerResponse, mb: number, headers: [string, string][]): void {
  const { count, prefix, length } = bigJsonShape(mb);
  res.writeHead(
    200,
    [...headers, ['Content-Type', 'application/json; charset=utf-8'], ['Content-Length', String(length)]].flat(),
  );
  if (res.req.method === 'HEAD') return void res.end();
  let i = 0;
  res.write(prefix);
  const pump = (): void => {
    while (i < count) {
      if (res.destroyed) return;
      const parts: string[] = [];
      const end = Math.min(count, i + 512);
      for (; i < end; i++) parts.push((i === 0 ? '' : ',') + bigItem(i));
      if (!res.write(parts.join(''))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end(']}');
  };
  pump();
}

let png: Buffer | null = null;

/** A 16×16 RGB PNG (a blue-orange gradient), built once. */
export function tinyPng(): Buffer {
  if (png) return png;
  const width = 16;
  const height = 16;
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = x * 16;
      raw[row + 2 + x * 3] = 96;
      raw[row + 3 + x * 3] = 255 - y * 16;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return png;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309, as PNG uses). */
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** HTML whose script, if it ever ran, would change the title and tell its parent. */
export function sampleHtml(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Echo HTML</title></head>
<body>
<h1>Hello from the echo server</h1>
<p>This page carries a script. In Parley's preview it must not run.</p>
<script>
  window.__parleyEchoScriptRan = true;
  document.title = 'SCRIPT RAN';
  try { parent.__parleyEchoScriptRan = true; } catch (e) {}
  try { parent.postMessage('parley-echo-script-ran', '*'); } catch (e) {}
</script>
</body>
</html>
`;
}

/** The text /echo/charset/:label encodes. */
export const SAMPLE_TEXT = 'Zürich café naïve';
export const SAMPLE_CHARSETS = ['utf-8', 'iso-8859-1', 'windows-1252', 'utf-16le', 'utf-16be'] as const;

/** `SAMPLE_TEXT` encoded in `label` (case-insensitive, latin1 accepted), or `null` when unknown. */
export function encodeSampleText(label: string): Buffer | null {
  switch (label.toLowerCase()) {
    case 'utf-8':
    case 'utf8':
      return Buffer.from(SAMPLE_TEXT, 'utf8');
    case 'iso-8859-1':
    case 'latin1':
    case 'windows-1252':
      // Every character of the sample is in Latin-1, where windows-1252 agrees with ISO-8859-1.
      return Buffer.from(SAMPLE_TEXT, 'latin1');
    case 'utf-16le':
      return Buffer.from(SAMPLE_TEXT, 'utf16le');
    case 'utf-16be':
      return Buffer.from(SAMPLE_TEXT, 'utf16le').swap16();
    default:
      return null;
  }
}
