/**
 * Ctrl+S (Cmd+S) saves, Ctrl+U (Cmd+U) shares — from anywhere, the editor included; the
 * browser's own "save page" / "view source" are prevented.
 */
import { useEffect } from 'react';
import { saveClicked } from '../../stores/library-store.ts';
import { shareClicked } from '../../stores/library-share.ts';

export function useLibraryShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key !== 's' && key !== 'u') return;
      e.preventDefault();
      e.stopPropagation();
      if (e.repeat) return;
      if (key === 's') saveClicked();
      else shareClicked();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
