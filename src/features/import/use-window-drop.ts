/** Drag and drop of a file anywhere on the window starts an import (issue 14). */
import { useEffect } from 'react';
import { fileDropped } from './import-store.ts';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;

/** Listens on the window while mounted: a dropped file opens the Import dialog with it. */
export function useWindowFileDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!hasFiles(e) || !file) return;
      // A drop on a file input or an editor handles itself.
      if (e.defaultPrevented || (e.target instanceof HTMLInputElement && e.target.type === 'file')) return;
      e.preventDefault();
      void fileDropped(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
