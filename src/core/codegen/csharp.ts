/**
 * C# `HttpClient` snippet, written here rather than by snippetz: its generator
 * re-serialises JSON content (pretty-printed, other octets), sets the content type through
 * `StringContent` (which appends `; charset=utf-8`) and keeps only the last of repeated
 * header fields.
 */
import type { EffectiveRequest } from '../resolve/types.ts';
import { bodySegments, describeBody, utf8OrNull } from './body.ts';
import { csString } from './literals.ts';
import { hasLatin1Header } from './latin1.ts';

/** Header fields .NET only accepts on `HttpContent.Headers` (System.Net.Http.Headers.HttpContentHeaders). */
const CONTENT_HEADERS = new Set([
  'allow',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-length',
  'content-location',
  'content-md5',
  'content-range',
  'content-type',
  'expires',
  'last-modified',
]);

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function csOctets(bytes: Uint8Array): string {
  const text = utf8OrNull(bytes);
  return text !== null
    ? `Encoding.UTF8.GetBytes(${csString(text)})`
    : `Convert.FromBase64String(${csString(base64(bytes))})`;
}

/**
 * C# (.NET 6+) top-level program using `HttpClient` for `req`: headers added with
 * `TryAddWithoutValidation` in order (repeats kept; values with U+0080–U+00FF sent as
 * Latin-1 through `RequestHeaderEncodingSelector`, .NET 5+), content sent as exact octets
 * (`ByteArrayContent`), multipart with Parley's boundary and file parts read by name.
 * Pure; never throws.
 */
export function csharpHttpClient(req: EffectiveRequest): string {
  const view = describeBody(req);
  const lines = [
    'using System;',
    'using System.IO;',
    'using System.Net.Http;',
    'using System.Text;',
    '',
    ...(hasLatin1Header(req)
      ? [
          '// .NET sends only ASCII header values unless told otherwise; Parley sends U+0080–U+00FF as Latin-1 octets.',
          'using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 });',
        ]
      : ['using var client = new HttpClient();']),
    `using var request = new HttpRequestMessage(new HttpMethod(${csString(req.method)}), ${csString(req.url)});`,
  ];
  for (const h of req.headers) {
    if (CONTENT_HEADERS.has(h.name.toLowerCase())) continue;
    lines.push(`request.Headers.TryAddWithoutValidation(${csString(h.name)}, ${csString(h.value)});`);
  }
  if (req.body !== null) {
    const segments = bodySegments(view);
    if (segments.length <= 1 && !segments.some((s) => 'file' in s)) {
      const only = segments[0];
      lines.push(
        `request.Content = new ByteArrayContent(${only && 'bytes' in only ? csOctets(only.bytes) : 'Array.Empty<byte>()'});`,
      );
    } else {
      lines.push('var body = new MemoryStream();');
      for (const s of segments) {
        lines.push(
          'file' in s ? `body.Write(File.ReadAllBytes(${csString(s.file)}));` : `body.Write(${csOctets(s.bytes)});`,
        );
      }
      lines.push('request.Content = new ByteArrayContent(body.ToArray());');
    }
    for (const h of req.headers) {
      if (!CONTENT_HEADERS.has(h.name.toLowerCase())) continue;
      lines.push(`request.Content.Headers.TryAddWithoutValidation(${csString(h.name)}, ${csString(h.value)});`);
    }
  }
  lines.push(
    '',
    'using var response = await client.SendAsync(request);',
    'Console.WriteLine((int)response.StatusCode);',
    'Console.WriteLine(await response.Content.ReadAsStringAsync());',
    '',
  );
  return lines.join('\n');
}
