/** The left sidebar: saved requests and history, export/import, and the library's dialogs. */
import { useState } from 'react';
import { useSaveDialogOpen } from '../../stores/library-store.ts';
import { HistoryList } from './HistoryList.tsx';
import { LibraryFileButtons } from './LibraryFileButtons.tsx';
import { LibraryToast } from './LibraryNotices.tsx';
import { SaveDialog } from './SaveDialog.tsx';
import { SavedList } from './SavedList.tsx';
import { TabDialogs } from './TabDialogs.tsx';

export function LibrarySidebar() {
  const [tab, setTab] = useState<'saved' | 'history'>('saved');
  const saveOpen = useSaveDialogOpen();
  const tabCls = (on: boolean) =>
    `flex-1 border-b-2 py-1.5 text-xs font-medium ${on ? 'border-indigo-600 text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`;
  return (
    <aside aria-label="Library" className="flex w-64 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div role="tablist" aria-label="Library" className="flex px-2">
        <button
          role="tab"
          type="button"
          aria-selected={tab === 'saved'}
          className={tabCls(tab === 'saved')}
          onClick={() => setTab('saved')}
        >
          Saved
        </button>
        <button
          role="tab"
          type="button"
          aria-selected={tab === 'history'}
          className={tabCls(tab === 'history')}
          onClick={() => setTab('history')}
        >
          History
        </button>
      </div>
      {tab === 'saved' ? <SavedList /> : <HistoryList />}
      <LibraryFileButtons />
      {saveOpen && <SaveDialog />}
      <LibraryToast />
      <TabDialogs />
    </aside>
  );
}
