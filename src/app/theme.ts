/**
 * Applies the theme to `<html>` (class `dark` or `light`, which Tailwind's `dark:` variant and
 * src/app/dark-palette.css key on) before the first render, and again when the choice or the
 * system preference changes. The CSP forbids inline scripts, so there is no script in
 * index.html: a `prefers-color-scheme` rule in index.css paints the page background dark until
 * this runs (docs/layout-and-theme.md).
 */
import { effectiveTheme } from '../core/ui/theme.ts';
import { getThemeChoice, themeChoiceSubscribed } from '../stores/appearance-store.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const systemDark = () => globalThis.matchMedia?.(DARK_QUERY).matches ?? false;

function apply(): void {
  const theme = effectiveTheme(getThemeChoice(), systemDark());
  const root = document.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  root.classList.toggle('light', theme === 'light');
}

let started = false;
/** Sets the theme class now and keeps it up to date. Call once, before rendering. */
export function themeStarted(): void {
  if (started) return;
  started = true;
  apply();
  themeChoiceSubscribed(apply);
  globalThis.matchMedia?.(DARK_QUERY).addEventListener('change', apply);
}
