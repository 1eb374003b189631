import { describe, expect, test } from 'vitest';
import {
  fixLatin1Headers,
  isLatin1Text,
  latin1Note,
  phpDoubleOctets,
  shellHeaderWord,
} from '../../../src/core/codegen/latin1.ts';
import { byteStringToBytes } from '../../../src/core/wire/proxy-codec.ts';
import { curlCommand } from '../../../src/core/codegen/curl.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';

const req = (headers: [string, string][]): EffectiveRequest => ({
  method: 'GET',
  url: 'http://127.0.0.1:8080/echo/i',
  headers: headers.map(([name, value]) => ({ name, value, source: 'user' })),
  body: null,
});

describe('Latin-1 header values (U+0080–U+00FF sent as one octet each, like Send)', () => {
  test('isLatin1Text is true only for text with U+0080–U+00FF and nothing above', () => {
    expect(isLatin1Text('café')).toBe(true);
    expect(isLatin1Text('Bearer s3cr3t Zoë')).toBe(true);
    expect(isLatin1Text('cafe')).toBe(false);
    expect(isLatin1Text('Zoë ✓')).toBe(false);
  });

  test('byteStringToBytes gives one octet per character', () => {
    expect([...byteStringToBytes('café')]).toEqual([0x63, 0x61, 0x66, 0xe9]);
  });

  test('bash words use ANSI-C quoting with \\xHH for Latin-1 text, plain quoting otherwise', () => {
    expect(shellHeaderWord('X-L: café')).toBe("$'X-L: caf\\xe9'");
    expect(shellHeaderWord("X-Q: it's")).toBe("'X-Q: it'\\''s'");
  });

  test('PHP double-quoted literals escape $ " \\ and write octets as \\xHH', () => {
    expect(phpDoubleOctets(byteStringToBytes('$a "b" \\ é'))).toBe('"\\$a \\"b\\" \\\\ \\xe9"');
  });

  test('the cURL command sends X-L: café and a Bearer token with ë as Latin-1 octets', () => {
    const r = req([
      ['X-L', 'café'],
      ['Authorization', 'Bearer s3cr3t Zoë'],
      ['X-U', 'Zoë ✓'],
    ]);
    expect(curlCommand(r)).toBe(
      "curl http://127.0.0.1:8080/echo/i \\\n  --header $'X-L: caf\\xe9' \\\n  --header $'Authorization: Bearer s3cr3t Zo\\xeb' \\\n  --header 'X-U: Zoë ✓'\n",
    );
  });

  test('Go, Rust and Ruby header lines get octet escapes; other lines stay', () => {
    const r = req([['X-L', 'café']]);
    expect(fixLatin1Headers('go', '\treq.Header.Add("X-L", "café")\n// café', r)).toBe(
      '\treq.Header.Add("X-L", "caf\\xe9")\n// café',
    );
    expect(fixLatin1Headers('rust-reqwest', '    .header("X-L", "café");', r)).toBe(
      '    .header("X-L", &b"caf\\xe9"[..]);',
    );
    expect(fixLatin1Headers('ruby', `request["X-L"] = 'café'`, r)).toBe('request["X-L"] = "caf\\xe9"');
  });

  test('targets that cannot send the octets say so; ASCII-only requests get no note', () => {
    expect(latin1Note('java-nethttp', req([['X-L', 'café']]))).toBe(
      'Parley sends the value of the header field X-L as Latin-1 octets (é = E9); java.net.http encodes header values as US-ASCII and sends "?" for each of those characters.',
    );
    expect(latin1Note('java-nethttp', req([['X-L', 'cafe']]))).toBeNull();
    expect(latin1Note('curl', req([['X-L', 'café']]))).toBeNull();
  });
});
