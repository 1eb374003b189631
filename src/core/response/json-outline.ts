/**
 * A lazy outline of JSON text for a fold/unfold tree view: lists the direct children of one
 * container on demand by scanning the text (RFC 8259 grammar), without building the whole
 * document in memory. Values stay as their source text, so numbers keep every digit.
 */

export type JsonNodeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonOutlineNode {
  /** Member name (decoded) for object members; `null` for array elements. */
  key: string | null;
  /** Position among its siblings (0-based). */
  index: number;
  kind: JsonNodeKind;
  /** Offset (UTF-16 code units) of the value's first character; pass it back to list children. */
  offset: number;
  /** Source text of a scalar (at most `previewChars`, `…` appended when cut); `{…}`/`[…]` for containers. */
  preview: string;
  /** True for a container with no children. */
  empty: boolean;
}

export interface JsonOutlinePage {
  nodes: JsonOutlineNode[];
  /** True when children remain after this page (ask again with `from = from + nodes.length`). */
  more: boolean;
}

/** Thrown when the text is not JSON where a value was expected; `offset` in UTF-16 code units. */
export class JsonOutlineError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonOutlineError';
  }
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipWs(text: string, i: number): number {
  while (i < text.length && isWs(text.charCodeAt(i))) i++;
  return i;
}

/** End (exclusive) of the string starting at the `"` at `i`. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) throw new JsonOutlineError('Unterminated string', i);
    let backslashes = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** End (exclusive) of the value starting at `i` (whitespace already skipped). */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 0x22) {
        j = skipString(text, j);
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    throw new JsonOutlineError('Unterminated object or array', i);
  }
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x2c || d === 0x7d || d === 0x5d || isWs(d)) break;
    j++;
  }
  if (j === i) throw new JsonOutlineError('Expected a value', i);
  return j;
}

function kindAt(text: string, i: number): JsonNodeKind {
  const c = text[i];
  if (c === '{') return 'object';
  if (c === '[') return 'array';
  if (c === '"') return 'string';
  if (c === 't' || c === 'f') return 'boolean';
  if (c === 'n') return 'null';
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return 'number';
  throw new JsonOutlineError(`Unexpected character ${JSON.stringify(c ?? 'end of input')}`, i);
}

/**
 * The root value of a JSON text as one node (key `null`).
 * @throws JsonOutlineError when the text holds no value.
 */
export function jsonOutlineRoot(text: string, previewChars = 200): JsonOutlineNode {
  const i = skipWs(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return makeNode(text, null, 0, i, previewChars);
}

function makeNode(
  text: string,
  key: string | null,
  index: number,
  offset: number,
  previewChars: number,
): JsonOutlineNode {
  const kind = kindAt(text, offset);
  if (kind === 'object' || kind === 'array') {
    const inner = skipWs(text, offset + 1);
    return {
      key,
      index,
      kind,
      offset,
      preview: kind === 'object' ? '{…}' : '[…]',
      empty: text[inner] === (kind === 'object' ? '}' : ']'),
    };
  }
  const end = kind === 'string' ? skipString(text, offset) : skipValue(text, offset);
  const source = text.slice(offset, Math.min(end, offset + previewChars));
  return { key, index, kind, offset, preview: end - offset > previewChars ? `${source}…` : source, empty: false };
}

/**
 * Lists children `[from, from + limit)` of the object or array whose `{`/`[` is at `offset`.
 * Cost: O(bytes from the container start to the last listed child).
 * @returns the page of children; `more` tells whether others follow.
 * @throws JsonOutlineError when the text at `offset` is not a container or is malformed there.
 */
export function jsonOutlineChildren(
  text: string,
  offset: number,
  from: number,
  limit: number,
  previewChars = 200,
): JsonOutlinePage {
  const open = text[offset];
  if (open !== '{' && open !== '[') throw new JsonOutlineError('Not an object or array', offset);
  const isObject = open === '{';
  const close = isObject ? '}' : ']';
  const nodes: JsonOutlineNode[] = [];
  let i = skipWs(text, offset + 1);
  if (text[i] === close) return { nodes, more: false };
  for (let index = 0; ; index++) {
    let key: string | null = null;
    if (isObject) {
      if (text[i] !== '"') throw new JsonOutlineError('Expected a member name', i);
      const keyEnd = skipString(text, i);
      if (index >= from) key = JSON.parse(text.slice(i, keyEnd)) as string;
      i = skipWs(text, keyEnd);
      if (text[i] !== ':') throw new JsonOutlineError('Expected ":"', i);
      i = skipWs(text, i + 1);
    }
    if (index >= from + limit) return { nodes, more: true };
    if (index >= from) nodes.push(makeNode(text, key, index, i, previewChars));
    i = skipWs(text, skipValue(text, i));
    if (text[i] === ',') {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === close) return { nodes, more: false };
    throw new JsonOutlineError(`Expected "," or "${close}"`, i);
  }
}
