/**
 * Syntax colouring for one displayed row of JSON text (RFC 8259 token shapes). Rows are
 * coloured independently, so it works on any visible window of a 100 MB document; a row that
 * starts inside a long string (a continuation row) may be coloured imperfectly, never altered.
 */

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'text';

export interface JsonRowToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN = /("(?:[^"\\]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g;

/**
 * Splits a row into coloured tokens; concatenating the tokens' text gives the row back exactly.
 * A string followed by `:` is a `key` (the colon becomes a separate `punct` token).
 * @example jsonRowTokens('  "id": 12,') // [text '  ', key '"id"', punct ':', text ' ', number '12', punct ',']
 */
export function jsonRowTokens(row: string): JsonRowToken[] {
  const out: JsonRowToken[] = [];
  let last = 0;
  const push = (kind: JsonTokenKind, text: string) => {
    if (text !== '') out.push({ kind, text });
  };
  for (const m of row.matchAll(TOKEN)) {
    const at = m.index;
    push('text', row.slice(last, at));
    if (m[1] !== undefined) {
      if (m[2] !== undefined) {
        push('key', m[1]);
        const colon = m[2];
        push('text', colon.slice(0, -1));
        push('punct', ':');
      } else push('string', m[1]);
    } else if (m[3] !== undefined) push('number', m[3]);
    else if (m[4] !== undefined) push('literal', m[4]);
    else push('punct', m[5]!);
    last = at + m[0].length;
  }
  push('text', row.slice(last));
  return out;
}
