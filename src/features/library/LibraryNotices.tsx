/**
 * Messages of the library: records set aside at start (dismissible banner), errors such as a
 * full quota, and the toast with Undo after a delete or after the editor was replaced.
 */
import { useEffect } from 'react';
import { Button, Notice } from '../../components/ui.tsx';
import {
  noticeDismissed,
  setAsideDismissed,
  toastDismissed,
  undoClicked,
  useLibraryNotice,
  useLibraryToast,
  useNewerKeys,
  usePersistent,
  useSaveDialogOpen,
  useSetAside,
} from '../../stores/library-store.ts';
import { WorkingDraftOffer } from './WorkingDraftOffer.tsx';

const TOAST_MS = 8000;

export function LibraryBanners() {
  const setAside = useSetAside();
  const newer = useNewerKeys();
  const notice = useLibraryNotice();
  const persistent = usePersistent();
  const dialogOpen = useSaveDialogOpen();
  return (
    <div className="flex flex-col gap-1 empty:hidden">
      <WorkingDraftOffer />
      {!persistent && (
        <Notice tone="warning" className="rounded-none">
          Browser storage is not available here (private mode?): saved requests and history last only until this tab
          closes.
        </Notice>
      )}
      {(setAside.length > 0 || newer.length > 0) && (
        <div role="alert" aria-label="Stored data set aside">
          <Notice tone="warning" className="rounded-none">
            <div className="flex items-start gap-2">
              <div className="flex-1">
                {setAside.length > 0 && (
                  <>
                    <p className="font-semibold">
                      Some stored data could not be read and was set aside; everything else loaded.
                    </p>
                    <ul className="list-disc pl-5">
                      {setAside.map((s) => (
                        <li key={s.key}>
                          <code>{s.key}</code> — {s.problem};{' '}
                          {s.movedTo ? (
                            <>
                              kept under <code>{s.movedTo}</code>
                            </>
                          ) : (
                            'left in place (storage full)'
                          )}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {newer.length > 0 && (
                  <p>
                    {newer.length} record(s) were saved by a newer Parley and are not shown; they are left untouched.
                  </p>
                )}
              </div>
              <Button variant="ghost" onClick={setAsideDismissed}>
                Dismiss
              </Button>
            </div>
          </Notice>
        </div>
      )}
      {notice && !(dialogOpen && notice.tone === 'error') && (
        <div role={notice.tone === 'error' ? 'alert' : 'status'} aria-label="Library message">
          <Notice tone={notice.tone} className="flex items-start gap-2 rounded-none">
            <span className="flex-1">{notice.text}</span>
            <Button variant="ghost" onClick={noticeDismissed}>
              Dismiss
            </Button>
          </Notice>
        </div>
      )}
    </div>
  );
}

export function LibraryToast() {
  const toast = useLibraryToast();
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(toastDismissed, TOAST_MS);
    return () => clearTimeout(t);
  }, [toast]);
  if (!toast) return null;
  return (
    <div
      role="status"
      aria-label="Notification"
      className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-md bg-slate-900 px-4 py-2 text-xs text-white shadow-lg"
    >
      <span>{toast.text}</span>
      {toast.undo && (
        <button type="button" className="font-semibold text-indigo-300 hover:text-indigo-200" onClick={undoClicked}>
          Undo
        </button>
      )}
      <button
        type="button"
        aria-label="Close notification"
        className="text-slate-400 hover:text-white"
        onClick={toastDismissed}
      >
        ✕
      </button>
    </div>
  );
}
