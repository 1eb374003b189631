/** Toolbar part of the library: the current request's name with an unsaved-changes dot, Save and Share. */
import { Button } from '../../components/ui.tsx';
import { saveClicked } from '../../stores/library-store.ts';
import { shareClicked } from '../../stores/library-share.ts';
import { useEditorOrigin } from './use-unsaved.ts';
import { useLibraryShortcuts } from './use-library-shortcuts.ts';

export function LibraryActions() {
  useLibraryShortcuts();
  const { name, unsaved } = useEditorOrigin();
  return (
    <>
      <span
        className="mr-1 flex max-w-56 items-center gap-1.5 truncate text-xs text-slate-600"
        aria-label="Current request"
        role="status"
      >
        <span className="truncate">{name ?? 'New request'}</span>
        {unsaved && (
          <span
            className="h-2 w-2 shrink-0 rounded-full bg-amber-500"
            title="Unsaved changes"
            aria-label="Unsaved changes"
            role="img"
          />
        )}
      </span>
      <Button onClick={saveClicked} title="Save (Ctrl+S)">
        Save
      </Button>
      <Button onClick={shareClicked} title="Share as a link (Ctrl+U)">
        Share
      </Button>
    </>
  );
}
