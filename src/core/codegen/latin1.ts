/**
 * Header field values with characters U+0080–U+00FF.
 *
 * Parley's Send puts such a value on the wire one octet per character (Latin-1): browsers'
 * fetch treats header values as byte strings (Fetch §2.2, "byte sequence"), and Node's
 * `http` writes header strings as latin1. RFC 9110 §5.5 calls those octets obs-text. A
 * snippet that writes `é` into a UTF-8 source file makes most clients send C3 A9 instead
 * of E9, so each target here writes the octets explicitly, or says that its library cannot.
 */
import type { EffectiveRequest } from '../resolve/types.ts';
// Header field values as Latin-1 octets: the proxy protocol's byte-string converter; it never throws on text `isLatin1Text` accepts.
import { byteStringToBytes } from '../wire/proxy-codec.ts';
import { escapeOctets, hex2, shellAnsiC, shellQuote } from './literals.ts';

/**
 * True when `s` holds at least one character in U+0080–U+00FF and none above U+00FF, i.e.
 * Send transmits it as Latin-1 octets that differ from its UTF-8 form.
 * Example: `isLatin1Text('café')` → true; `isLatin1Text('cafe')` → false; `'✓'` → false.
 */
export function isLatin1Text(s: string): boolean {
  // eslint-disable-next-line no-control-regex -- control octets are what this pattern is about
  return /[\u0080-\u00ff]/.test(s) && !/[^\u0000-\u00ff]/.test(s);
}

/** True when some header field value of `req` is Latin-1 text (see `isLatin1Text`). */
export function hasLatin1Header(req: EffectiveRequest): boolean {
  return req.headers.some((h) => isLatin1Text(h.value));
}

/**
 * A bash word for one `--header` argument `Name: value`: ANSI-C `$'…\xe9'` quoting when the
 * value is Latin-1 text (the argument then holds the octet E9, which curl and wget send as
 * is), plain quoting otherwise (bash manual §3.1.2.4).
 */
export function shellHeaderWord(line: string): string {
  return isLatin1Text(line) ? shellAnsiC(byteStringToBytes(line)) : shellQuote(line);
}

/** A PHP double-quoted string literal of `bytes` (PHP manual, "Strings": `\xHH`, `\$`, `\"`, `\\`). */
export const phpDoubleOctets = (bytes: Uint8Array): string =>
  `"${escapeOctets(bytes, { 0x5c: '\\\\', 0x22: '\\"', 0x24: '\\$' })}"`;

/** Rewrites `s` with every character in U+0080–U+00FF as `\xHH` (for escapes inside Go, Rust byte and Ruby strings). */
const escapeHigh = (s: string): string => s.replace(/[\u0080-\u00ff]/g, (c) => `\\x${hex2(c.charCodeAt(0))}`);

/** A Ruby double-quoted literal (Ruby doc, "Strings"): `#` escaped against interpolation, U+0080–U+00FF as `\xHH` octets. */
function rubyDoubleLatin1(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"' || ch === '#') out += `\\${ch}`;
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0xff)) out += `\\x${hex2(cp)}`;
    else out += ch;
  }
  return out + '"';
}

const phpSingle = (s: string): string => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** Replaces every occurrence of `from` by `to` (no `$` patterns). */
const swap = (text: string, from: string, to: string): string => text.split(from).join(to);

/**
 * Rewrites the header-value literals of a snippetz snippet for `target` so that values with
 * U+0080–U+00FF are sent as Latin-1 octets like Send does. Targets without a fix are
 * returned unchanged (see `latin1Note` for what they send). Pure; never throws.
 */
export function fixLatin1Headers(target: string, text: string, req: EffectiveRequest): string {
  const fields = req.headers.filter((h) => isLatin1Text(h.value));
  if (!fields.length) return text;
  let out = text;
  for (const { name, value } of fields) {
    const line = `${name}: ${value}`;
    if (target === 'wget')
      out = swap(out, `--header ${shellQuote(line)}`, `--header ${shellAnsiC(byteStringToBytes(line))}`);
    else if (target === 'php-curl') out = swap(out, phpSingle(line), phpDoubleOctets(byteStringToBytes(line)));
    else if (target === 'php-guzzle')
      out = swap(
        out,
        `${phpSingle(name)} => ${phpSingle(value)}`,
        `${phpSingle(name)} => ${phpDoubleOctets(byteStringToBytes(value))}`,
      );
  }
  const lines = out.split('\n').map((l) => {
    if (!/[\u0080-\u00ff]/.test(l)) return l;
    // Go strings are octet strings: "\xe9" is the single octet E9 (Go spec, "String literals").
    if (target === 'go' && /^\s*req\.Header\.Add\(/.test(l)) return escapeHigh(l);
    // reqwest: a &[u8] value becomes HeaderValue::from_bytes, sent as is (http crate).
    if (target === 'rust-reqwest') {
      return l.replace(
        /^(\s*\.header\(".*?", )(".*")\)(;?)$/,
        (_m, head: string, lit: string, semi: string) => `${head}&b${escapeHigh(lit)}[..])${semi}`,
      );
    }
    if (target === 'ruby') {
      const m = /^request\["(.*?)"\] = /.exec(l);
      const h = m ? fields.find((f) => f.name === m[1]) : undefined;
      if (m && h) return `request["${m[1]}"] = ${rubyDoubleLatin1(h.value)}`;
    }
    return l;
  });
  return lines.join('\n');
}

/**
 * What a reader must know when `req` has a Latin-1 header value and `target` cannot send it
 * as those octets (or, for the raw message, how to save it). `null` when nothing to say.
 */
export function latin1Note(target: string, req: EffectiveRequest): string | null {
  if (!hasLatin1Header(req)) return null;
  const names = req.headers.filter((h) => isLatin1Text(h.value)).map((h) => h.name);
  const what = `Parley sends the value of ${names.length > 1 ? 'the header fields' : 'the header field'} ${names.join(', ')} as Latin-1 octets (é = E9)`;
  switch (target) {
    case 'http':
      return `${what}: save this message as ISO-8859-1, not UTF-8, to send the same octets.`;
    case 'httpie':
      return `${what}; HTTPie encodes header values as UTF-8 (é = C3 A9), so it sends other octets.`;
    case 'powershell':
      return `${what}; .NET's HttpClient behind Invoke-WebRequest accepts only ASCII header values and fails on this one.`;
    case 'java-nethttp':
      return `${what}; java.net.http encodes header values as US-ASCII and sends "?" for each of those characters.`;
    case 'java-okhttp':
    case 'kotlin-okhttp':
      return `${what}; OkHttp rejects non-ASCII header values (IllegalArgumentException).`;
    case 'swift':
      return `${what}; how URLSession encodes non-ASCII header values was not verified here, so compare with the echo server.`;
    default:
      return null;
  }
}
