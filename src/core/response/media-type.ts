/**
 * Content-Type parsing for presenting a response (WHATWG MIME Sniffing §4.4 "parse a MIME type",
 * which is RFC 9110 §8.3.1's grammar applied leniently the way browsers do).
 */

export interface MediaType {
  /** `type/subtype`, ASCII-lowercased (the MIME type's essence), e.g. `text/plain`. */
  essence: string;
  type: string;
  subtype: string;
  /** Parameters with lowercased names, values as written (quoted-string unescaped); first occurrence wins. */
  parameters: Map<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HTTP_WS = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * Parses a Content-Type field value.
 *
 * @param value the field value, e.g. `text/plain; charset="iso-8859-1"`; `null`/`undefined` allowed.
 * @returns the parsed media type, or `null` when absent or not of the form `type/subtype`
 *   (WHATWG: "failure"). Never throws.
 * @example parseMediaType('Text/HTML; Charset=UTF-8')?.parameters.get('charset') // 'UTF-8'
 */
export function parseMediaType(value: string | null | undefined): MediaType | null {
  if (value == null) return null;
  const input = value.replace(HTTP_WS, '');
  const semi = input.indexOf(';');
  const head = (semi === -1 ? input : input.slice(0, semi)).replace(HTTP_WS, '');
  const slash = head.indexOf('/');
  if (slash <= 0) return null;
  const type = head.slice(0, slash).toLowerCase();
  const subtype = head.slice(slash + 1).toLowerCase();
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  const parameters = new Map<string, string>();
  let i = semi === -1 ? input.length : semi + 1;
  while (i < input.length) {
    while (i < input.length && /[\t\n\r ]/.test(input[i]!)) i++;
    let nameEnd = i;
    while (nameEnd < input.length && input[nameEnd] !== ';' && input[nameEnd] !== '=') nameEnd++;
    const name = input.slice(i, nameEnd).toLowerCase();
    i = nameEnd;
    if (input[i] === ';') {
      i++;
      continue;
    }
    i++; // past '='
    let paramValue: string;
    if (input[i] === '"') {
      // quoted-string: backslash escapes the next character; anything after the closing quote up to ';' is dropped.
      i++;
      paramValue = '';
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        paramValue += input[i];
        i++;
      }
      while (i < input.length && input[i] !== ';') i++;
      i++;
    } else {
      const end = input.indexOf(';', i);
      paramValue = input.slice(i, end === -1 ? input.length : end).replace(HTTP_WS, '');
      i = end === -1 ? input.length : end + 1;
      if (paramValue === '') continue;
    }
    if (name !== '' && TOKEN.test(name) && !parameters.has(name)) parameters.set(name, paramValue);
  }
  return { essence: `${type}/${subtype}`, type, subtype, parameters };
}

/**
 * Finds the first header field with `name` (case-insensitive, RFC 9110 §5.1) in ordered pairs.
 * @returns its value, or `null` when absent.
 */
export function headerValue(headers: readonly (readonly [string, string])[], name: string): string | null {
  const lower = name.toLowerCase();
  for (const [n, v] of headers) if (n.toLowerCase() === lower) return v;
  return null;
}

/**
 * Every value of header field `name` (case-insensitive), in order, duplicates kept —
 * e.g. each `Set-Cookie` line (RFC 6265 §3: never combined).
 */
export function headerValues(headers: readonly (readonly [string, string])[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}
