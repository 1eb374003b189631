/** Ctrl+Enter (Cmd+Enter on macOS) sends from anywhere, including inside the Monaco editor. */
import { useEffect } from 'react';
import { sendShortcutPressed } from '../stores/response-store.ts';

export function useSendShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.repeat) return;
      // Capture phase, so Monaco (which binds Ctrl+Enter to "insert line below") never sees it.
      e.preventDefault();
      e.stopPropagation();
      // Always Send (replacing a request in flight); only the button toggles to Cancel.
      void sendShortcutPressed();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
