import { describe, expect, it } from 'vitest';
import { effectiveTheme, parseThemeChoice, toggledTheme } from '../../../src/core/ui/theme.ts';

describe('theme', () => {
  it('follows the system only for "system"', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });
  it('toggles to the opposite of what is shown', () => {
    expect(toggledTheme('system', true)).toBe('light');
    expect(toggledTheme('system', false)).toBe('dark');
    expect(toggledTheme('dark', false)).toBe('light');
  });
  it('reads unknown stored values as system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('purple')).toBe('system');
    expect(parseThemeChoice(undefined)).toBe('system');
  });
});
