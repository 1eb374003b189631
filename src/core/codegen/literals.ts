/**
 * String literals for generated code. Each function returns source text that, parsed by
 * that language, yields exactly the given string (or bytes). They exist because the
 * snippet generators we use escape some characters wrongly; see `targets.ts`.
 */

/** Two lowercase hex digits of octet `n` (0–255), e.g. `0x0a` → `0a`; for `\xHH` escapes. */
export const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** C0 controls, DEL and the line/paragraph separators: never written raw into a literal. */
const isControl = (cp: number): boolean => cp < 0x20 || cp === 0x7f || cp === 0x2028 || cp === 0x2029;

/**
 * The literal text of `bytes` (no quotes): an octet listed in `escapes` as given there, other
 * printable ASCII (0x20–0x7E) as is, every other octet as `\xHH` — the octet escape Python
 * bytes, PHP double-quoted strings and bash `printf` formats share. Never throws.
 * Example: `escapeOctets([0x41, 0x22, 0xe9], { 0x22: '\\"' })` → `A\"\xe9`.
 */
export function escapeOctets(bytes: Uint8Array, escapes: Readonly<Record<number, string>>): string {
  let out = '';
  for (const b of bytes) out += escapes[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${hex2(b)}`);
  return out;
}

/**
 * `s` between two `quote`s, with `\\`, the quote, `\n`, `\r`, `\t` escaped and other controls
 * (`isControl`) as `\uXXXX`: escapes JavaScript, Python 3 and C# strings all read the same way.
 * Other characters, non-BMP ones included, stay as written.
 */
function quoted(s: string, quote: '"' | "'"): string {
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (isControl(cp)) out += `\\u${hex4(cp)}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * A single-quoted JavaScript string literal (ECMA-262 §12.9.4) for `s`.
 * Non-ASCII stays as is (snippets are UTF-8 files); controls become `\n`, `\r`, `\t` or `\uXXXX`.
 * Example: `jsString("it's")` → `'it\'s'`.
 */
export const jsString = (s: string): string => quoted(s, "'");

/**
 * A double-quoted Python 3 `str` literal (Python reference §2.4.1) for `s`.
 * Example: `pyString('a"b\n')` → `"a\"b\n"`.
 */
export const pyString = (s: string): string => quoted(s, '"');

/**
 * A Python 3 `bytes` literal for `bytes`: printable ASCII as is, every other octet as `\xNN`
 * (a bytes literal may hold only ASCII). Example: `pyBytes([0x41, 0xc3, 0xab])` → `b"A\xc3\xab"`.
 */
export const pyBytes = (bytes: Uint8Array): string =>
  `b"${escapeOctets(bytes, { 0x5c: '\\\\', 0x22: '\\"', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' })}"`;

/**
 * A C# regular string literal (C# spec §6.4.5.6) for `s`; non-BMP characters pass as
 * surrogate pairs, which C# strings are. Example: `csString('a"b')` → `"a\"b"`.
 */
export const csString = (s: string): string => quoted(s, '"');

/**
 * A bash word that expands to exactly `s` (bash manual §3.1.2). Single quotes when the text
 * is printable (`'` written as `'\''`); ANSI-C `$'…'` quoting when it holds other control
 * characters than newline and tab, which would otherwise be invisible or mangled.
 * Example: `shellQuote("it's $HOME")` → `'it'\''s $HOME'`.
 */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9._~:/%@+,=-]+$/.test(s)) return s;
  // eslint-disable-next-line no-control-regex -- control octets are what this pattern is about
  if (!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s)) return `'${s.replace(/'/g, "'\\''")}'`;
  return shellAnsiC(new TextEncoder().encode(s));
}

/** A bash `$'…'` word for arbitrary octets (bash manual §3.1.2.4); NUL cannot be passed in an argument. */
export function shellAnsiC(bytes: Uint8Array): string {
  let out = "$'";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    // `\\` right before a quote or the closing quote trips parsers that read `\'` as an escaped
    // quote (tree-sitter-bash, used by curlconverter); `\x5c` means the same to bash.
    if (b === 0x5c && (i + 1 === bytes.length || bytes[i + 1] === 0x27)) out += '\\x5c';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x27) out += "\\'";
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${hex2(b)}`;
  }
  return out + "'";
}
