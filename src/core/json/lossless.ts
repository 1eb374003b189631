/**
 * Lossless JSON formatting: works on the TEXT with a single-pass tokenizer, never through
 * `JSON.parse`, so numbers keep every digit and their spelling (`1000000000000003023`,
 * `1.0`, `1e400`, `-0`) and strings keep their escapes (`"\u00e9"` stays as written).
 * O(n) time, output built in chunks, nesting tracked on an explicit stack (no recursion),
 * so 100 MB bodies and deep nesting work (run it in a Web Worker for big bodies).
 * Grammar: RFC 8259 (no comments, trailing commas, single quotes, NaN, BOM).
 */

import { TextWriter } from './text-writer.ts';

/** A JSON syntax error with its position. `offset` is a UTF-16 index into the text; `line`/`column` are 1-based (column in UTF-16 units). */
export class JsonSyntaxError extends SyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** The problem without the position, e.g. `Expected ',' or '}' after a property value, found "]"`. */
  readonly reason: string;
  constructor(reason: string, offset: number, line: number, column: number) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}

function fail(text: string, offset: number, reason: string): never {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  throw new JsonSyntaxError(reason, offset, line, offset - lineStart + 1);
}

function found(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13) return 'a line break';
  if (c < 0x20) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${String.fromCodePoint(text.codePointAt(i) as number)}"`;
}

/** Why the character at `i` cannot start a value: names common mistakes. */
function badValue(text: string, i: number, what: string): never {
  const c = text[i];
  if (c === "'") fail(text, i, 'Strings in JSON use double quotes ("), not single quotes');
  if (c === '/') fail(text, i, 'Comments are not allowed in JSON');
  if (i >= text.length) fail(text, i, `Unexpected end of the text: expected ${what}`);
  if (c === '\uFEFF') fail(text, i, 'Unexpected byte order mark (U+FEFF) before the JSON');
  fail(text, i, `Expected ${what}, found ${found(text, i)}`);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** End index (exclusive) of the string starting with `"` at `i`; validates escapes and control characters. */
function scanString(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) {
      const e = text.charCodeAt(j + 1);
      if (e === 0x75) {
        for (let k = 2; k <= 5; k++)
          if (!isHex(text.charCodeAt(j + k))) fail(text, j, 'Invalid \\u escape: expected 4 hex digits');
        j += 5;
      } else if (
        e === 0x22 ||
        e === 0x5c ||
        e === 0x2f ||
        e === 0x62 ||
        e === 0x66 ||
        e === 0x6e ||
        e === 0x72 ||
        e === 0x74
      ) {
        j += 1;
      } else if (j + 1 >= n) {
        break;
      } else fail(text, j, `Invalid escape "\\${text[j + 1]}" in a string`);
    } else if (c < 0x20) {
      fail(
        text,
        j,
        `${c === 10 || c === 13 ? 'A line break' : 'A control character'} inside a string must be escaped (missing closing quote?)`,
      );
    }
  }
  return fail(text, i, 'Unterminated string: missing closing quote');
}

/** End index (exclusive) of the number starting at `i` (RFC 8259 §6 grammar). */
function scanNumber(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j) === 0x2d) j++;
  const first = text.charCodeAt(j);
  if (first === 0x30) {
    j++;
    if (isDigit(text.charCodeAt(j))) fail(text, j, 'Numbers cannot have leading zeros');
  } else if (isDigit(first)) {
    while (isDigit(text.charCodeAt(j))) j++;
  } else fail(text, j, `Expected a digit after "-", found ${found(text, j)}`);
  if (text.charCodeAt(j) === 0x2e) {
    j++;
    if (!isDigit(text.charCodeAt(j)))
      fail(text, j, `Expected a digit after the decimal point, found ${found(text, j)}`);
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    j++;
    const s = text.charCodeAt(j);
    if (s === 0x2b || s === 0x2d) j++;
    if (!isDigit(text.charCodeAt(j))) fail(text, j, `Expected a digit in the exponent, found ${found(text, j)}`);
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

const enum S {
  Value,
  ValueOrCloseArray,
  KeyOrCloseObject,
  Key,
  Colon,
  CommaOrClose,
  End,
}

/**
 * The core pass: validates `text` and re-emits its tokens; `indent === null` emits no
 * whitespace (minify), otherwise JSON.stringify's layout with `indent` per level.
 * `emit === false` only validates (returns `''`), without building the output.
 */
function rewrite(text: string, indent: string | null, emit = true): string {
  const out = new TextWriter();
  const nl: string[] = [];
  const newline = (depth: number): string => (indent === null ? '' : (nl[depth] ??= '\n' + indent.repeat(depth)));
  const colon = indent === null ? ':' : ': ';
  const stack: number[] = []; // 0x7b `{` or 0x5b `[`
  const n = text.length;
  let state: S = S.Value;
  let i = 0;
  for (;;) {
    let c = text.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++i);
    if (i >= n) {
      if (state === S.End) break;
      const top = stack[stack.length - 1];
      const expected =
        state === S.Colon
          ? "':'"
          : state === S.CommaOrClose
            ? `',' or '${top === 0x7b ? '}' : ']'}'`
            : state === S.Key || state === S.KeyOrCloseObject
              ? 'a property name'
              : 'a value';
      fail(text, i, `Unexpected end of the text: expected ${expected}`);
    }
    switch (state) {
      case S.End:
        fail(text, i, `Unexpected ${found(text, i)} after the end of the JSON value`);
      // falls through (fail never returns)
      case S.Colon:
        if (c !== 0x3a) fail(text, i, `Expected ':' after a property name, found ${found(text, i)}`);
        if (emit) out.write(colon);
        i++;
        state = S.Value;
        continue;
      case S.CommaOrClose: {
        const top = stack[stack.length - 1] as number;
        const close = top === 0x7b ? 0x7d : 0x5d;
        if (c === 0x2c) {
          if (emit) {
            out.unit(0x2c);
            out.write(newline(stack.length));
          }
          i++;
          state = top === 0x7b ? S.Key : S.Value;
          continue;
        }
        if (c !== close) {
          fail(
            text,
            i,
            `Expected ',' or '${String.fromCharCode(close)}' after ${top === 0x7b ? 'a property value' : 'an array element'}, found ${found(text, i)}`,
          );
        }
        stack.pop();
        if (emit) {
          out.write(newline(stack.length));
          out.unit(close);
        }
        i++;
        state = stack.length === 0 ? S.End : S.CommaOrClose;
        break;
      }
      case S.KeyOrCloseObject:
      case S.Key:
        if (c === 0x7d && state === S.KeyOrCloseObject) {
          stack.pop();
          if (emit) out.unit(0x7d);
          i++;
          state = stack.length === 0 ? S.End : S.CommaOrClose;
          break;
        }
        if (c === 0x7d) fail(text, i, "A trailing comma before '}' is not allowed in JSON");
        if (c !== 0x22) {
          if (c === 0x27 || c === 0x2f) badValue(text, i, 'a property name');
          fail(text, i, `Expected a property name in double quotes, found ${found(text, i)}`);
        }
        {
          const end = scanString(text, i);
          if (emit) {
            if (state === S.KeyOrCloseObject) out.write(newline(stack.length));
            out.slice(text, i, end);
          }
          i = end;
        }
        state = S.Colon;
        break;
      case S.Value:
      case S.ValueOrCloseArray: {
        if (state === S.ValueOrCloseArray) {
          if (c === 0x5d) {
            stack.pop();
            if (emit) out.unit(0x5d);
            i++;
            state = stack.length === 0 ? S.End : S.CommaOrClose;
            break;
          }
          if (emit) out.write(newline(stack.length));
        } else if (c === 0x5d && stack[stack.length - 1] === 0x5b) {
          fail(text, i, "A trailing comma before ']' is not allowed in JSON");
        }
        if (c === 0x7b || c === 0x5b) {
          stack.push(c);
          if (emit) out.unit(c);
          i++;
          state = c === 0x7b ? S.KeyOrCloseObject : S.ValueOrCloseArray;
          break;
        }
        let end: number;
        if (c === 0x22) end = scanString(text, i);
        else if (c === 0x2d || isDigit(c)) end = scanNumber(text, i);
        else if (text.startsWith('true', i)) end = i + 4;
        else if (text.startsWith('false', i)) end = i + 5;
        else if (text.startsWith('null', i)) end = i + 4;
        else badValue(text, i, 'a value');
        if (emit) out.slice(text, i, end);
        i = end;
        state = stack.length === 0 ? S.End : S.CommaOrClose;
        break;
      }
    }
  }
  return emit ? out.toString() : '';
}

function indentString(indent: number | string | undefined): string {
  if (typeof indent === 'string') return indent.slice(0, 10);
  return ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent ?? 2))));
}

/**
 * Pretty-prints JSON text with JSON.stringify's layout (`{`/`[` then one member per line,
 * `"key": value`, empty containers as `{}`/`[]`), but token text kept exactly as written:
 * `formatJson('{"id":1000000000000003023,"x":1.0}')` → `'{\n  "id": 1000000000000003023,\n  "x": 1.0\n}'`.
 * `indent`: spaces (number, 0–10, default 2) or a string (first 10 characters); an empty
 * indent gives the minified text. Output uses `\n` line breaks, no trailing newline.
 * Throws `JsonSyntaxError` (with offset, line, column) when `text` is not one JSON value
 * (RFC 8259) surrounded by optional whitespace.
 */
export function formatJson(text: string, indent?: number | string): string {
  const unit = indentString(indent);
  return rewrite(text, unit === '' ? null : unit);
}

/**
 * Removes all insignificant whitespace from JSON text, keeping every token as written
 * (`{ "n": 1.0e400 }` → `{"n":1.0e400}`). Throws `JsonSyntaxError` on invalid JSON.
 */
export function minifyJson(text: string): string {
  return rewrite(text, null);
}

/** `null` when `text` is valid JSON (RFC 8259), otherwise the `JsonSyntaxError` describing the first fault. Never throws. */
export function validateJson(text: string): JsonSyntaxError | null {
  try {
    rewrite(text, null, false);
    return null;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
}
