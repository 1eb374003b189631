/**
 * The tab a key press moves to in a tab list (WAI-ARIA APG "Tabs" pattern, horizontal):
 * ArrowRight / ArrowLeft go to the next / previous tab, wrapping at the ends; Home and End go
 * to the first and last. Any other key, or an empty list, gives `undefined`.
 * @example tabAfterKey([{ id: 'a' }, { id: 'b' }], 'b', 'ArrowRight') // { id: 'a' }
 */
export function tabAfterKey<T extends { id: string }>(
  items: readonly T[],
  current: string,
  key: string,
): T | undefined {
  const n = items.length;
  if (n === 0) return undefined;
  const i = Math.max(
    0,
    items.findIndex((x) => x.id === current),
  );
  if (key === 'ArrowRight') return items[(i + 1) % n];
  if (key === 'ArrowLeft') return items[(i - 1 + n) % n];
  if (key === 'Home') return items[0];
  if (key === 'End') return items[n - 1];
  return undefined;
}
