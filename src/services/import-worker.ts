/**
 * Runs `importText` in a Web Worker (src/workers/import.worker.ts) so detection and mapping of
 * a large file happen off the main thread; where Workers are missing (tests), it runs inline
 * through a dynamic import, and the library adapter's report lines are added, so the importers stay out of the first chunk either way.
 */
import type { AnyImportResult, ImportTextOptions } from '../core/interop/import-any.ts';

/** Imports `text`; never rejects (a failure is `{ ok: false, message }`). */
export async function importInWorker(text: string, options: ImportTextOptions): Promise<AnyImportResult> {
  if (typeof Worker === 'undefined') {
    const [{ importText }, { withLibraryReport }] = await Promise.all([
      import('../core/interop/import-any.ts'),
      import('../core/interop/to-library.ts'),
    ]);
    return withLibraryReport(await importText(text, options));
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), {
      type: 'module',
      name: 'parley-import',
    });
    worker.onmessage = (e: MessageEvent<AnyImportResult>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ ok: false, message: `The import failed: ${e.message || 'the import worker stopped'}.` });
    };
    worker.postMessage({ text, options });
  });
}
