/** Ctrl+Enter (Cmd+Enter on macOS) sends from anywhere, including inside the Monaco editor. */
import { useEffect } from 'react';
import { sendClicked } from '../stores/response-store.ts';

export function useSendShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.repeat) return;
      // Capture phase, so Monaco (which binds Ctrl+Enter to "insert line below") never sees it.
      e.preventDefault();
      e.stopPropagation();
      void sendClicked();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
