/**
 * Keyboard shortcuts of the whole page (capture phase, so Monaco never swallows them) and the
 * dialogs they open, loaded on first use: Ctrl+K the command palette, `?` the shortcut sheet
 * (not while typing in a field), Ctrl+L the URL field, Escape cancels a request in flight.
 */
import { lazy, Suspense, useEffect } from 'react';
import { cancelClicked, getResponseState } from '../stores/response-store.ts';
import { paletteToggled, shortcutsToggled, usePaletteOpen, useShortcutsOpen } from '../stores/appearance-store.ts';
import { focusUrl } from './focus-url.ts';

const CommandPalette = lazy(() => import('./CommandPalette.tsx').then((m) => ({ default: m.CommandPalette })));
const ShortcutSheet = lazy(() => import('./ShortcutSheet.tsx').then((m) => ({ default: m.ShortcutSheet })));

/** Whether keys typed now go into text (an input, textarea, select, Monaco or other editable). */
export function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type);
  return target.closest('.monaco-editor') !== null;
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

export function KeyboardLayer() {
  const palette = usePaletteOpen();
  const shortcuts = useShortcutsOpen();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'k') {
        e.preventDefault();
        e.stopPropagation();
        if (!e.repeat) paletteToggled();
      } else if (mod && key === 'l') {
        e.preventDefault();
        e.stopPropagation();
        focusUrl();
      } else if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(e.target) && !dialogOpen()) {
        e.preventDefault();
        shortcutsToggled(true);
      } else if (e.key === 'Escape' && !dialogOpen() && getResponseState().phase === 'sending') {
        cancelClicked();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
  return (
    <Suspense fallback={null}>
      {palette && <CommandPalette />}
      {shortcuts && <ShortcutSheet />}
    </Suspense>
  );
}
