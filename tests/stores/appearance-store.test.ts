import { describe, expect, it } from 'vitest';
import { getThemeChoice, restoreAppearance, themeChosen } from '../../src/stores/appearance-store.ts';

describe('appearance settings', () => {
  it('restores what was stored, clamping sizes and dropping unknown values', () => {
    expect(
      restoreAppearance({
        theme: 'dark',
        sidebarWidth: 9000,
        splitPercent: 33,
        orientation: 'stacked',
        sidebarCollapsed: true,
      }),
    ).toEqual({ theme: 'dark', sidebarWidth: 480, splitPercent: 33, orientation: 'stacked', sidebarCollapsed: true });
    expect(restoreAppearance({ theme: 'sepia', sidebarWidth: '300', orientation: 'diagonal' })).toEqual({
      theme: 'system',
      sidebarWidth: 256,
      splitPercent: 50,
      orientation: 'side-by-side',
      sidebarCollapsed: false,
    });
    expect(restoreAppearance(null).theme).toBe('system');
  });
  it('keeps the chosen theme', () => {
    themeChosen('light');
    expect(getThemeChoice()).toBe('light');
    themeChosen('dark');
    expect(getThemeChoice()).toBe('dark');
  });
});
