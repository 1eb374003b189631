/**
 * What a script's variable changes do to stored variable rows (globals, a collection's
 * variables; docs/scripts.md "What scripts may change"). The rule:
 * - scripts see the ENABLED rows with a name (`rowsAsScope`); disabled rows are invisible to
 *   them and never changed by them;
 * - `set` of a name updates the enabled row of that name that `{{name}}` reads (the last) in place (id, position kept) or
 *   appends a new enabled row at the end;
 * - `unset`/`clear` removes the enabled rows of that name;
 * - nothing else changes (names not touched by the script keep their rows as they are).
 */
import type { KeyValueRow } from '../model/draft.ts';

/** Enabled rows with a non-blank name, by trimmed name; a later row of a name wins (as `{{name}}` resolves). */
export function rowsAsScope(rows: readonly KeyValueRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.enabled && r.name.trim() !== '') out[r.name.trim()] = r.value;
  return out;
}

/**
 * `rows` after a script turned the scope `before` into `after` (both as `rowsAsScope` gives
 * them). Returns `null` when nothing changed (so nothing needs storing).
 * @param newId id for an appended row
 */
export function rowsAfterScript(
  rows: readonly KeyValueRow[],
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  newId: () => string,
): KeyValueRow[] | null {
  const set = Object.entries(after).filter(([k, v]) => before[k] !== v);
  const unset = Object.keys(before).filter((k) => !Object.hasOwn(after, k));
  if (set.length === 0 && unset.length === 0) return null;
  let next = rows.filter((r) => !(r.enabled && unset.includes(r.name.trim())));
  for (const [name, value] of set) {
    // The row `rowsAsScope` reads is the last enabled one of the name: that one is updated.
    const last = next.findLastIndex((r) => r.enabled && r.name.trim() === name);
    next =
      last >= 0
        ? next.map((r, i) => (i === last ? { ...r, value } : r))
        : [...next, { id: newId(), name, value, enabled: true }];
  }
  return next;
}
