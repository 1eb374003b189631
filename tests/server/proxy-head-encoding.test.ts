import { describe, expect, it } from 'vitest';
import { encodeResponseHead } from '../../server/proxy/forward.ts';
import { decodeProxyResponseHead, encodeProxyResponseHead } from '../../src/core/wire/proxy-codec.ts';
import type { ProxyResponseHead } from '../../src/core/wire/proxy.ts';

describe("the server's X-Parley-Head encoder", () => {
  const head: ProxyResponseHead = {
    status: 200,
    reasonPhrase: 'Größe OK ✓',
    httpVersion: '1.1',
    headers: [
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2; Path=/'],
      ['X-Emoji', '😀'],
    ],
    timings: { firstByteMs: 0.25 },
    redirects: [],
    url: 'http://127.0.0.1:1/x?y=%C3%BC',
  };

  it('writes exactly the text of the portable codec (base64url, no padding)', () => {
    for (let n = 0; n < 3; n++) {
      // Lengths 0, 1 and 2 mod 3 exercise each padding case.
      const h = { ...head, reasonPhrase: head.reasonPhrase + 'x'.repeat(n) };
      const text = encodeResponseHead(h);
      expect(text).toBe(encodeProxyResponseHead(h));
      expect(text).not.toMatch(/[=+/]/);
    }
  });

  it('decodes back to the same head', () => {
    expect(decodeProxyResponseHead(encodeResponseHead(head))).toMatchObject({
      status: 200,
      reasonPhrase: 'Größe OK ✓',
      headers: head.headers,
      url: head.url,
    });
  });
});
