/**
 * Where Tab goes inside a focus trap (a modal drawer, WAI-ARIA APG dialog pattern): from the
 * last focusable element Tab wraps to the first, from the first Shift+Tab wraps to the last, and
 * focus outside the trap (index −1) is brought in. `null`: let the browser move focus itself.
 * Indexes are into the trap's focusable elements in document order; `count` is how many there are.
 * @example trapTarget(3, 2, false) → 0; trapTarget(3, 1, false) → null
 */
export function trapTarget(count: number, index: number, shift: boolean): number | null {
  if (count === 0) return null;
  if (index < 0) return shift ? count - 1 : 0;
  if (!shift && index === count - 1) return 0;
  if (shift && index === 0) return count - 1;
  return null;
}
