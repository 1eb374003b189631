/**
 * Bulk edit of header rows as text, one field per line (`Name: value`), as Postman's and
 * Hoppscotch's bulk editors do. A disabled row is the line prefixed with `// `.
 *
 * Round trip: `parseHeaderLines(formatHeaderLines(rows))` gives back every row's name, value and
 * enabled flag exactly, for rows whose name has no `:` and does not start with `//`, and whose
 * name and value have no line break (header field names are tokens and values cannot hold CR/LF,
 * RFC 9110 §5.1, §5.5); rows with a blank name and value are left out.
 */
import type { KeyValueRow } from '../model/draft.ts';

const DISABLED = '// ';

/** Rows → text: `Name: value` per line, `// Name: value` when disabled, joined with `\n`. */
export function formatHeaderLines(rows: readonly KeyValueRow[]): string {
  return rows
    .filter((r) => r.name !== '' || r.value !== '')
    .map((r) => `${r.enabled ? '' : DISABLED}${r.name}: ${r.value}`)
    .join('\n');
}

/**
 * Text → rows. Each non-blank line is split at its first `:`; the name is trimmed; the value is
 * what follows the colon minus ONE space (so a value's own leading spaces survive a round trip).
 * A line without `:` is a name with an empty value. `//` (with or without the space) at the start
 * disables the row. CRLF and LF both end a line.
 * @param ids ids to reuse in order (the previous rows', so the table keeps its keys), then `makeId()`
 */
export function parseHeaderLines(text: string, makeId: () => string, ids: readonly string[] = []): KeyValueRow[] {
  const out: KeyValueRow[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    let line = raw;
    let enabled = true;
    const lead = line.trimStart();
    if (lead.startsWith('//')) {
      enabled = false;
      line = lead.slice(lead.startsWith(DISABLED) ? DISABLED.length : 2);
    }
    const colon = line.indexOf(':');
    const name = (colon < 0 ? line : line.slice(0, colon)).trim();
    const rest = colon < 0 ? '' : line.slice(colon + 1);
    const value = rest.startsWith(' ') ? rest.slice(1) : rest;
    out.push({ id: ids[out.length] ?? makeId(), name, value, enabled });
  }
  return out;
}
