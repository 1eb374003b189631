/**
 * The two questions request tabs ask: closing a tab with unsaved changes (Save / Discard /
 * Cancel), and saving a request another browser tab changed meanwhile (Reload / Keep mine /
 * Save as copy). Part of the library chunk: saving needs the library.
 */
import { Button } from '../../components/ui.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { conflictCancelled, saveClicked, useSaveConflict, useSavedRequests } from '../../stores/library-store.ts';
import {
  conflictKeepMineClicked,
  conflictReloadClicked,
  conflictSaveCopyClicked,
} from '../../stores/library-conflict.ts';
import {
  closeAfterSaveRequested,
  closeCancelled,
  getActiveTab,
  tabClosed,
  tabSelected,
  tabTitle,
  useClosingTab,
  useTabs,
} from '../../stores/tabs-store.ts';
import { getDraft } from '../../stores/request-store.ts';

function CloseTabDialog({ id }: { id: string }) {
  const tab = useTabs().find((t) => t.id === id);
  const saved = useSavedRequests();
  if (!tab) return null;
  const title = tabTitle(tab, getActiveTab().id === id ? getDraft() : tab.editor.draft, saved);
  const save = () => {
    tabSelected(id);
    closeAfterSaveRequested(id);
    saveClicked();
  };
  return (
    <Dialog title="Close tab with unsaved changes?" onClose={closeCancelled}>
      <p className="mb-4 text-xs text-slate-600">
        “{title}” has changes that are not saved. Closing it without saving loses them (Ctrl+Shift+T reopens it while
        this page stays open).
      </p>
      <div className="flex justify-end gap-2">
        <Button onClick={closeCancelled}>Cancel</Button>
        <Button onClick={() => tabClosed(id)}>Discard</Button>
        <Button variant="primary" onClick={save}>
          Save
        </Button>
      </div>
    </Dialog>
  );
}

function SaveConflictDialog({ originId }: { originId: string }) {
  const name = useSavedRequests()[originId]?.name ?? 'This request';
  return (
    <Dialog title="Changed in another tab" onClose={conflictCancelled}>
      <p className="mb-4 text-xs text-slate-600">
        “{name}” was saved in another tab after this tab opened it. Reload shows that version (Undo brings yours back),
        Keep mine saves yours over it, Save as copy keeps both.
      </p>
      <div className="flex justify-end gap-2">
        <Button onClick={conflictCancelled}>Cancel</Button>
        <Button onClick={conflictReloadClicked}>Reload</Button>
        <Button onClick={conflictSaveCopyClicked}>Save as copy</Button>
        <Button variant="primary" onClick={conflictKeepMineClicked}>
          Keep mine
        </Button>
      </div>
    </Dialog>
  );
}

export function TabDialogs() {
  const closing = useClosingTab();
  const conflict = useSaveConflict();
  return (
    <>
      {closing && <CloseTabDialog id={closing} />}
      {conflict && <SaveConflictDialog originId={conflict.originId} />}
    </>
  );
}
