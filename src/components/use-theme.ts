/** The theme in effect, read from `<html class="dark">` (set by src/app/theme.ts), as a React value. */
import { useSyncExternalStore } from 'react';
import type { Theme } from '../core/ui/theme.ts';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
const read = (): Theme => (document.documentElement.classList.contains('dark') ? 'dark' : 'light');

export function useEffectiveTheme(): Theme {
  return useSyncExternalStore(subscribe, read, () => 'light');
}
