/**
 * Sibling order in the workspace tree (docs/workspace-model.md). Every collection, folder and
 * saved request has a fractional `order`; siblings show ascending by `order`, ties by name
 * (locale-aware, case-insensitive) then id. Records written before `order` existed load with
 * 0, so they tie and keep the by-name order they had. A move writes only the moved record: it
 * gets a number between its new neighbours.
 */

interface Ordered {
  id: string;
  name: string;
  order: number;
}

/** Compares two siblings: `order` ascending, then name (case-insensitive), then id. */
export function compareSiblings(a: Ordered, b: Ordered): number {
  return (
    a.order - b.order ||
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** `items` sorted by {@link compareSiblings} (a new array). */
export function sortSiblings<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareSiblings);
}

/**
 * The `order` for a record appended after all of `siblings`: one more than the largest, or 0
 * when there are none. `orderAtEnd([{order: 0}, {order: 2.5}])` → `3.5`.
 */
export function orderAtEnd(siblings: readonly { order: number }[]): number {
  if (siblings.length === 0) return 0;
  return Math.max(...siblings.map((s) => s.order)) + 1;
}

/**
 * The `order` for a record placed between two neighbours (`null` = no neighbour on that side).
 * Midpoint when both exist, one less / one more at the ends, 0 in an empty list. When the two
 * are equal (records that tied at 0) the result equals them too, so callers renumber the list
 * with {@link renumbered} in that case.
 */
export function orderBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 0;
  if (before === null) return (after as number) - 1;
  if (after === null) return before + 1;
  return (before + after) / 2;
}

/**
 * Places `movedId` at `index` among `siblings` (which must not contain it, already sorted) and
 * returns the writes: usually only the moved record's new order; when neighbours tie (so no
 * number fits between them) every sibling is renumbered 0, 1, 2, … in the new sequence.
 * @returns `[id, order]` pairs to write
 */
export function placeAt(siblings: readonly Ordered[], movedId: string, index: number): { id: string; order: number }[] {
  const i = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[i - 1]?.order ?? null;
  const after = siblings[i]?.order ?? null;
  const order = orderBetween(before, after);
  const fits = (before === null || order > before) && (after === null || order < after);
  if (fits) return [{ id: movedId, order }];
  return renumbered([...siblings.slice(0, i).map((s) => s.id), movedId, ...siblings.slice(i).map((s) => s.id)]);
}

/** `ids` numbered 0, 1, 2, … in the given sequence. */
export function renumbered(ids: readonly string[]): { id: string; order: number }[] {
  return ids.map((id, order) => ({ id, order }));
}
