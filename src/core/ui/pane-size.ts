/**
 * Sizes of the resizable panes (the sidebar width and the request/response split), as plain
 * numbers so the UI only renders them. Keyboard steps follow the WAI-ARIA APG "Window Splitter"
 * pattern: arrows move by a small step, PageUp/PageDown by a large one, Home/End go to the limits.
 */

export interface PaneRange {
  /** Smallest and largest value, in the pane's unit (CSS pixels for the sidebar, percent for the split). */
  min: number;
  max: number;
  /** Arrow-key step and PageUp/PageDown step, same unit. */
  step: number;
  page: number;
}

/** Sidebar width in CSS pixels. */
export const SIDEBAR_WIDTH: PaneRange = { min: 180, max: 480, step: 16, page: 64 };
export const SIDEBAR_DEFAULT = 256;
/** Share of the request editor in the request/response split, in percent of the space. */
export const SPLIT_PERCENT: PaneRange = { min: 20, max: 80, step: 2, page: 10 };
export const SPLIT_DEFAULT = 50;

/** `value` limited to `[range.min, range.max]`, rounded to a whole unit; NaN gives the minimum. */
export function clampPane(value: number, range: PaneRange): number {
  if (Number.isNaN(value)) return range.min;
  return Math.round(Math.min(range.max, Math.max(range.min, value)));
}

/**
 * The new value after a key press on a splitter, or `null` when the key does not move it.
 * `ArrowLeft`/`ArrowUp` shrink the first pane, `ArrowRight`/`ArrowDown` grow it (whichever
 * axis the splitter has, both pairs work, as in VS Code's sash).
 * @example paneAfterKey('ArrowRight', 256, SIDEBAR_WIDTH) // 272
 */
export function paneAfterKey(key: string, value: number, range: PaneRange): number | null {
  const moves: Record<string, number> = {
    ArrowLeft: -range.step,
    ArrowUp: -range.step,
    ArrowRight: range.step,
    ArrowDown: range.step,
    PageUp: -range.page,
    PageDown: range.page,
    Home: -Infinity,
    End: Infinity,
  };
  const delta = moves[key];
  if (delta === undefined) return null;
  return clampPane(value + delta, range);
}

/**
 * The split percent for a pointer position: `offset` CSS pixels from the start of a container
 * `length` pixels long (along the split axis), clamped to the range.
 * @example splitFromPointer(300, 1000) // 30
 */
export function splitFromPointer(offset: number, length: number, range: PaneRange = SPLIT_PERCENT): number {
  if (length <= 0) return clampPane(SPLIT_DEFAULT, range);
  return clampPane((offset / length) * 100, range);
}
