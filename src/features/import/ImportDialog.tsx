/**
 * The Import button and dialog: paste a cURL command, see what was left out, import it into the
 * editor; or (second tab) import a collection, spec or capture. A file dropped on the window
 * opens the second tab with it.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Button } from '../../components/ui.tsx';
import { Dialog } from '../../components/dialog.tsx';
import {
  importClicked,
  importCommandEdited,
  importDialogClosed,
  importSubmitted,
  importTabChosen,
  useImportState,
} from './import-store.ts';
import { useWindowFileDrop } from './use-window-drop.ts';

// The collection tab pulls in the library store: loaded when the tab opens, not with the first chunk.
const CollectionImport = lazy(() => import('./CollectionImport.tsx').then((m) => ({ default: m.CollectionImport })));
const CollectionExport = lazy(() => import('./CollectionExport.tsx').then((m) => ({ default: m.CollectionExport })));

export function ImportButton() {
  const state = useImportState();
  useWindowFileDrop();
  return (
    <>
      <Button onClick={importClicked} title="Import a cURL command, a collection, an OpenAPI spec or a HAR capture">
        Import
      </Button>
      {state.open && <ImportDialog />}
    </>
  );
}

function Tabs({ children }: { children: ReactNode }) {
  const { tab, imported } = useImportState();
  if (imported) return <>{children}</>;
  const tabButton = (id: 'curl' | 'collection' | 'export', label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      className={`rounded-t-md px-3 py-1 text-xs ${tab === id ? 'border-b-2 border-indigo-600 font-semibold text-slate-900' : 'text-slate-600'}`}
      onClick={() => importTabChosen(id)}
    >
      {label}
    </button>
  );
  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="What to import" className="flex gap-1 border-b border-slate-200">
        {tabButton('curl', 'cURL command')}
        {tabButton('collection', 'Collection or spec')}
        {tabButton('export', 'Export a collection')}
      </div>
      <div role="tabpanel">{children}</div>
    </div>
  );
}

function ImportDialog() {
  const { tab, imported } = useImportState();
  const collection = tab === 'collection' && !imported;
  const exporting = tab === 'export' && !imported;
  return (
    <Dialog
      title={
        exporting
          ? 'Export a collection'
          : collection
            ? 'Import a collection, spec or capture'
            : imported
              ? 'cURL command imported'
              : 'Import a cURL command'
      }
      onClose={importDialogClosed}
      size="wide"
    >
      <Tabs>
        {collection || exporting ? (
          <Suspense fallback={<p className="text-xs text-slate-600">Loading…</p>}>
            {exporting ? <CollectionExport /> : <CollectionImport onDone={importDialogClosed} />}
          </Suspense>
        ) : (
          <CurlImport />
        )}
      </Tabs>
    </Dialog>
  );
}

function CurlImport() {
  const { command, busy, warnings, error, imported } = useImportState();
  return (
    <>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void importSubmitted();
        }}
      >
        {!imported && (
          <label className="flex flex-col gap-1 text-xs text-slate-600">
            {/* Named without "curl": tests and assistive tech look up the URL field by the name "URL". */}
            Command to import (curl …)
            <textarea
              aria-label="Command to import"
              className="h-40 w-full resize-y rounded-md border border-slate-300 p-2 font-mono text-[12px] text-slate-900 focus:border-indigo-500 focus:outline-none"
              spellCheck={false}
              placeholder="curl https://api.example.com/users -H 'Accept: application/json'"
              value={command}
              onChange={(e) => importCommandEdited(e.target.value)}
            />
          </label>
        )}
        {error && (
          <p role="alert" className="rounded-md bg-red-50 p-2 text-xs text-red-800">
            {error}
          </p>
        )}
        {warnings.length > 0 && (
          <div role="status" aria-label="Import warnings" className="rounded-md bg-amber-50 p-2 text-xs text-amber-900">
            <p className="font-semibold">{imported ? 'Imported. Not carried over:' : 'Warnings:'}</p>
            <ul className="mt-1 list-disc pl-4">
              {warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={importDialogClosed}>{imported ? 'Close' : 'Cancel'}</Button>
          {!imported && (
            <Button type="submit" variant="primary" disabled={busy || command.trim() === ''}>
              {busy ? 'Importing…' : 'Import'}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
