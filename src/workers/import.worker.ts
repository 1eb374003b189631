/**
 * Runs an import (format detection, parsing, mapping: `importText`) off the main thread, so a
 * large spec (5,000 operations) never freezes the page. One message in, one reply out.
 */
import { importText, type AnyImportResult, type ImportTextOptions } from '../core/interop/import-any.ts';
import { withLibraryReport } from '../core/interop/to-library.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ text: string; options: ImportTextOptions }>) => void) | null;
  postMessage(message: AnyImportResult): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  void importText(e.data.text, e.data.options)
    .then(withLibraryReport)
    .catch((err: unknown): AnyImportResult => ({ ok: false, message: `The import failed: ${(err as Error).message}` }))
    .then((result) => scope.postMessage(result));
};
