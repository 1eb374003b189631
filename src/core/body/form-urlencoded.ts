/** `application/x-www-form-urlencoded` content, as the WHATWG URL standard serializes it. */
import { percentByte } from '../url/percent.ts';

function isKeptByte(b: number): boolean {
  // WHATWG URL §5.2 urlencoded byte serializer: 0x2A * 0x2D - 0x2E . 0x30–0x39 0x41–0x5A 0x5F _ 0x61–0x7A.
  return (
    b === 0x2a ||
    b === 0x2d ||
    b === 0x2e ||
    b === 0x5f ||
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a)
  );
}

/**
 * Serializes one name or value: UTF-8 bytes, space → `+`, `* - . _` and alphanumerics
 * kept, every other byte `%XX` (upper-case) — including `%`, `+`, `&`, `=`: form values
 * are data (decoded text), so `100%` is sent as `100%25`, unlike query rows, which hold
 * the URL's text as typed. Space is `+` because WHATWG's serializer (URLSearchParams,
 * HTML form submission) does so and every form decoder maps `+` to space.
 * Source: WHATWG URL §5.2 (application/x-www-form-urlencoded serializing).
 * Example: `formUrlencodeComponent('테스트')` → `'%ED%85%8C%EC%8A%A4%ED%8A%B8'`.
 */
export function formUrlencodeComponent(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text)) {
    if (isKeptByte(b)) out += String.fromCharCode(b);
    else if (b === 0x20) out += '+';
    else out += percentByte(b);
  }
  return out;
}

/**
 * The content of a form: `name=value` pairs joined with `&`, each side through
 * `formUrlencodeComponent`, in the order given. Returns ASCII text (its bytes are the
 * content). Example: `[['q','테스트']]` → `'q=%ED%85%8C%EC%8A%A4%ED%8A%B8'`.
 */
export function serializeFormUrlencoded(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([n, v]) => `${formUrlencodeComponent(n)}=${formUrlencodeComponent(v)}`).join('&');
}
