/**
 * Header values arrive from the proxy as byte strings (one character per octet). Most
 * non-ASCII values on today's web are UTF-8, so show them decoded when the octets are
 * valid UTF-8, and as received (Latin-1) otherwise.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function displayHeaderValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- Latin-1 is U+0000-U+00FF, controls included
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Uint8Array.from(value, (c) => c.charCodeAt(0));
  try {
    return utf8.decode(bytes);
  } catch {
    return value;
  }
}
