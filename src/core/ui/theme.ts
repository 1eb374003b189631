/** The colour theme: what the person chose and what is shown (docs/layout-and-theme.md). */

/** The person's choice, kept in settings; `system` follows the CSS `prefers-color-scheme` media feature. */
export type ThemeChoice = 'light' | 'dark' | 'system';
/** The theme in effect: the `light` / `dark` class on `<html>`. */
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/**
 * The theme in effect for a choice.
 * @param systemPrefersDark whether `(prefers-color-scheme: dark)` matches (Media Queries Level 5).
 * @example effectiveTheme('system', true) // 'dark'
 */
export function effectiveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/**
 * The choice a single "toggle theme" action moves to: the opposite of what is shown, as an
 * explicit choice (so toggling always changes what the person sees).
 * @example toggledTheme('system', true) // 'light'
 */
export function toggledTheme(choice: ThemeChoice, systemPrefersDark: boolean): ThemeChoice {
  return effectiveTheme(choice, systemPrefersDark) === 'dark' ? 'light' : 'dark';
}

/** A stored value read back as a choice: anything unknown is `system` (never throws). */
export function parseThemeChoice(value: unknown): ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';
}
