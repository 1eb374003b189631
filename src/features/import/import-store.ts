/**
 * cURL import: the Import dialog's state and the events that import a command into the
 * editor. The parser (curlconverter) loads on the first import only.
 */
import { create } from 'zustand';

interface ImportState {
  open: boolean;
  /** The command in the dialog's text box (kept when an import fails, never lost). */
  command: string;
  busy: boolean;
  /** What the last import left out (unsupported options …). */
  warnings: string[];
  /** Why the last command could not be read, or null. */
  error: string | null;
  /** True after a command was imported (the dialog then shows the warnings only). */
  imported: boolean;
  /** The dialog's tab: a cURL command, or a collection/spec/capture (file, paste, URL). */
  tab: 'curl' | 'collection' | 'export';
}

const useImportStore = create<ImportState>()(() => ({
  open: false,
  command: '',
  busy: false,
  warnings: [],
  error: null,
  imported: false,
  tab: 'curl',
}));

export const useImportState = (): ImportState => useImportStore((s) => s);

export function importClicked(): void {
  useImportStore.setState({ open: true, busy: false, warnings: [], error: null, imported: false, tab: 'curl' });
}

export function importTabChosen(tab: ImportState['tab']): void {
  useImportStore.setState({ tab });
}

/** A file was dropped on the window: open the dialog on the collection tab and read it. */
export async function fileDropped(file: File): Promise<void> {
  useImportStore.setState({ open: true, busy: false, warnings: [], error: null, imported: false, tab: 'collection' });
  const { importFileChosen } = await import('./collection-import-store.ts');
  await importFileChosen(file);
}

export function importDialogClosed(): void {
  useImportStore.setState({ open: false });
}

export function importCommandEdited(command: string): void {
  useImportStore.setState({ command, error: null });
}

/** Imports `command` into the editor. Returns true when the editor now holds the imported request. */
async function runImport(command: string): Promise<boolean> {
  useImportStore.setState({ busy: true, command });
  const { importCurl } = await import('../../core/curl/import-curl.ts');
  const result = await importCurl(command);
  // The library (zod, storage) stays out of the first chunk: RequestLine imports this store.
  const { draftOpened } = await import('../../stores/library-store.ts');
  if (result.error !== null) {
    useImportStore.setState({
      busy: false,
      open: true,
      error: result.error,
      warnings: result.warnings,
      imported: false,
    });
    return false;
  }
  // Into an unused tab (Undo brings back its draft and Follow redirects as before `-L`), else a new tab.
  draftOpened(result.draft, 'Imported the cURL command', result.followRedirects ? { followRedirects: true } : {});
  // Show the dialog after an import only when something was left out.
  useImportStore.setState({
    busy: false,
    error: null,
    warnings: result.warnings,
    imported: true,
    open: result.warnings.length > 0,
  });
  return true;
}

/** The Import dialog's Import button. */
export function importSubmitted(): Promise<boolean> {
  return runImport(useImportStore.getState().command);
}

/**
 * A cURL command was pasted into the URL field (call only when `isCurlCommand(text)`):
 * import it into the editor; warnings or a parse error open the Import dialog.
 */
export function curlPasted(text: string): Promise<boolean> {
  return runImport(text);
}
