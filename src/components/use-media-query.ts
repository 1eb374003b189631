/** Whether a CSS media query matches, as a React value that follows changes (window resizes). */
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = globalThis.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => globalThis.matchMedia?.(query).matches ?? true,
    () => true,
  );
}

/** Tailwind's `md` breakpoint: below it the sidebar is a drawer and the toolbar a "More" menu. */
export const WIDE_QUERY = '(min-width: 768px)';
/** Tailwind's `lg` breakpoint: from it request and response may sit side by side. */
export const SIDE_BY_SIDE_QUERY = '(min-width: 1024px)';
/** From here every toolbar control fits in one row; below, all but the actions go into "More". */
export const FULL_TOOLBAR_QUERY = '(min-width: 1440px)';
