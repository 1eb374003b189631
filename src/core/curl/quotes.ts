/**
 * Finds a quote a bash command line never closes, so the import can say where
 * ("unclosed ' quote at column 31") instead of repeating the parser's "Bash parsing error".
 * Follows bash's quoting (bash manual §3.1.2): `\` escapes the next character outside single
 * quotes; `'…'` has no escapes; `"…"` and `$'…'` end at an unescaped closing quote.
 */

export interface UnclosedQuote {
  /** The opening quote as typed: `'`, `"` or `$'`. */
  quote: string;
  /** 1-based line and column (in characters, code points) of the opening quote. */
  line: number;
  column: number;
}

/**
 * The first quote in `command` that is never closed, or `null` when every quote is closed.
 * Example: `unclosedQuote("curl -H 'X: a https://a.test")` → `{ quote: "'", line: 1, column: 9 }`.
 * Never throws.
 */
export function unclosedQuote(command: string): UnclosedQuote | null {
  const chars = Array.from(command);
  let line = 1;
  let column = 0;
  let open: UnclosedQuote | null = null;
  let mode: 'none' | 'single' | 'double' | 'ansi' = 'none';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    column++;
    const escapes = mode === 'none' || mode === 'double' || mode === 'ansi';
    if (ch === '\\' && escapes && i + 1 < chars.length) {
      i++;
      if (chars[i] === '\n') {
        line++;
        column = 0;
      } else column++;
      continue;
    }
    if (ch === '\n') {
      line++;
      column = 0;
      continue;
    }
    if (mode === 'none') {
      if (ch === '$' && chars[i + 1] === "'") {
        open = { quote: "$'", line, column };
        mode = 'ansi';
        i++;
        column++;
      } else if (ch === "'") {
        open = { quote: "'", line, column };
        mode = 'single';
      } else if (ch === '"') {
        open = { quote: '"', line, column };
        mode = 'double';
      }
    } else if ((mode === 'single' || mode === 'ansi') && ch === "'") mode = 'none';
    else if (mode === 'double' && ch === '"') mode = 'none';
  }
  return mode === 'none' ? null : open;
}

/**
 * The sentence for an unclosed quote. Example: `The command has an unclosed " quote at
 * column 31; add the closing " and import again.` (line given only for multi-line commands).
 */
export function unclosedQuoteSentence(q: UnclosedQuote, multiLine: boolean): string {
  const closing = q.quote === "$'" ? "'" : q.quote;
  const where = multiLine ? `line ${q.line}, column ${q.column}` : `column ${q.column}`;
  return `The command has an unclosed ${q.quote} quote at ${where}; add the closing ${closing} and import again.`;
}
