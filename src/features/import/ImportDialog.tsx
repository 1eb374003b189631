/** The Import button and dialog: paste a cURL command, see what was left out, import it into the editor. */
import { Button } from '../../components/ui.tsx';
import { Dialog } from '../../components/dialog.tsx';
import {
  importClicked,
  importCommandEdited,
  importDialogClosed,
  importSubmitted,
  useImportState,
} from './import-store.ts';

export function ImportButton() {
  const state = useImportState();
  return (
    <>
      <Button onClick={importClicked} title="Import a cURL command">
        Import
      </Button>
      {state.open && <ImportDialog />}
    </>
  );
}

function ImportDialog() {
  const { command, busy, warnings, error, imported } = useImportState();
  return (
    <Dialog
      title={imported ? 'cURL command imported' : 'Import a cURL command'}
      onClose={importDialogClosed}
      size="wide"
    >
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
    </Dialog>
  );
}
