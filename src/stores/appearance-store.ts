/**
 * How the workspace looks: theme choice, pane sizes, split orientation, sidebar collapsed —
 * persisted in settings storage (`parley.appearance`, versioned). The narrow-screen drawer and
 * the dialogs opened from the keyboard are per-page state, not persisted.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { parseThemeChoice, type ThemeChoice } from '../core/ui/theme.ts';
import { clampPane, SIDEBAR_DEFAULT, SIDEBAR_WIDTH, SPLIT_DEFAULT, SPLIT_PERCENT } from '../core/ui/pane-size.ts';
import { safePersistStorage } from './settings-storage.ts';

export type Orientation = 'side-by-side' | 'stacked';

interface Persisted {
  theme: ThemeChoice;
  /** Sidebar width in CSS pixels (wide screens). */
  sidebarWidth: number;
  /** Request editor's share of the request/response split, in percent. */
  splitPercent: number;
  orientation: Orientation;
  sidebarCollapsed: boolean;
}

interface AppearanceState extends Persisted {
  /** The sidebar drawer on narrow screens. */
  drawerOpen: boolean;
  paletteOpen: boolean;
  shortcutsOpen: boolean;
}

const initial: AppearanceState = {
  theme: 'system',
  sidebarWidth: SIDEBAR_DEFAULT,
  splitPercent: SPLIT_DEFAULT,
  orientation: 'side-by-side',
  sidebarCollapsed: false,
  drawerOpen: false,
  paletteOpen: false,
  shortcutsOpen: false,
};

/** A stored value (any shape, any version) brought to the current shape: each unreadable field falls back to its default, sizes are clamped. */
export function restoreAppearance(persisted: unknown): Persisted {
  const p = (persisted ?? {}) as Partial<Record<keyof Persisted, unknown>>;
  const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
  return {
    theme: parseThemeChoice(p.theme),
    sidebarWidth: clampPane(num(p.sidebarWidth, SIDEBAR_DEFAULT), SIDEBAR_WIDTH),
    splitPercent: clampPane(num(p.splitPercent, SPLIT_DEFAULT), SPLIT_PERCENT),
    orientation: p.orientation === 'stacked' ? 'stacked' : 'side-by-side',
    sidebarCollapsed: p.sidebarCollapsed === true,
  };
}

const useAppearanceStore = create<AppearanceState>()(
  persist(() => initial, {
    name: 'parley.appearance',
    version: 1,
    storage: safePersistStorage<AppearanceState>(),
    partialize: (s) =>
      ({
        theme: s.theme,
        sidebarWidth: s.sidebarWidth,
        splitPercent: s.splitPercent,
        orientation: s.orientation,
        sidebarCollapsed: s.sidebarCollapsed,
      }) as AppearanceState,
    migrate: (persisted) => restoreAppearance(persisted) as AppearanceState,
    merge: (persisted, current) => ({ ...current, ...restoreAppearance(persisted) }),
  }),
);

export const useThemeChoice = (): ThemeChoice => useAppearanceStore((s) => s.theme);
export const useSidebarWidth = (): number => useAppearanceStore((s) => s.sidebarWidth);
export const useSplitPercent = (): number => useAppearanceStore((s) => s.splitPercent);
export const useOrientation = (): Orientation => useAppearanceStore((s) => s.orientation);
export const useSidebarCollapsed = (): boolean => useAppearanceStore((s) => s.sidebarCollapsed);
export const useDrawerOpen = (): boolean => useAppearanceStore((s) => s.drawerOpen);
export const usePaletteOpen = (): boolean => useAppearanceStore((s) => s.paletteOpen);
export const useShortcutsOpen = (): boolean => useAppearanceStore((s) => s.shortcutsOpen);

export const getThemeChoice = (): ThemeChoice => useAppearanceStore.getState().theme;
/** Calls `listener` with the theme choice whenever it changes (for applying it to the page). */
export const themeChoiceSubscribed = (listener: (choice: ThemeChoice) => void): (() => void) =>
  useAppearanceStore.subscribe((s, prev) => s.theme !== prev.theme && listener(s.theme));

export function themeChosen(theme: ThemeChoice): void {
  useAppearanceStore.setState({ theme });
}
export function sidebarResized(width: number): void {
  useAppearanceStore.setState({ sidebarWidth: clampPane(width, SIDEBAR_WIDTH) });
}
export function splitResized(percent: number): void {
  useAppearanceStore.setState({ splitPercent: clampPane(percent, SPLIT_PERCENT) });
}
export function orientationToggled(): void {
  useAppearanceStore.setState((s) => ({ orientation: s.orientation === 'stacked' ? 'side-by-side' : 'stacked' }));
}
export function sidebarCollapseToggled(): void {
  useAppearanceStore.setState((s) => ({ sidebarCollapsed: !s.sidebarCollapsed }));
}
export function drawerToggled(open?: boolean): void {
  useAppearanceStore.setState((s) => ({ drawerOpen: open ?? !s.drawerOpen }));
}
export function paletteToggled(open?: boolean): void {
  useAppearanceStore.setState((s) => ({ paletteOpen: open ?? !s.paletteOpen, shortcutsOpen: false }));
}
export function shortcutsToggled(open?: boolean): void {
  useAppearanceStore.setState((s) => ({ shortcutsOpen: open ?? !s.shortcutsOpen, paletteOpen: false }));
}
