/**
 * Importing a collection, spec or capture (issue 14): read a file, a paste or a URL (through
 * Parley's proxy), detect the format and map it in a worker, show the report, then — only when
 * confirmed — write the records into a new or an existing collection, with Undo.
 * Importers and the library load on first use (dynamic import), not with the first chunk.
 */
import { create } from 'zustand';
import type { ImportResult, ReportItem } from '../../core/interop/tree.ts';

type Reviewed = Extract<ImportResult, { ok: true }>;

interface CollectionImportState {
  /** The paste box's text (kept when reading fails). */
  text: string;
  /** The URL box's text. */
  url: string;
  /** Name of the file read, `''` for a paste or URL. */
  fileName: string;
  busy: boolean;
  error: string | null;
  /** What the last read found, shown for review before anything is written. */
  review: Reviewed | null;
  /** Where to write: `'new'` or an existing collection's id. */
  target: string;
  newName: string;
  /** A Parley library file was given: the library's own import is offered instead. */
  libraryText: string | null;
}

const initial: CollectionImportState = {
  text: '',
  url: '',
  fileName: '',
  busy: false,
  error: null,
  review: null,
  target: 'new',
  newName: '',
  libraryText: null,
};

const useStore = create<CollectionImportState>()(() => ({ ...initial }));

export const useCollectionImport = (): CollectionImportState => useStore((s) => s);

export const importTextEdited = (text: string): void => useStore.setState({ text, error: null });
export const importUrlEdited = (url: string): void => useStore.setState({ url, error: null });
export const importTargetChosen = (target: string): void => useStore.setState({ target });
export const importNameEdited = (newName: string): void => useStore.setState({ newName });
export const importReviewCancelled = (): void => useStore.setState({ review: null, libraryText: null, error: null });
export const collectionImportReset = (): void => useStore.setState({ ...initial });

/** Reads `text` (named `fileName`) and shows what an import would do; writes nothing. */
async function analyse(text: string, fileName: string): Promise<void> {
  useStore.setState({ busy: true, error: null, review: null, libraryText: null, fileName });
  const { importInWorker } = await import('../../services/import-worker.ts');
  const result = await importInWorker(text, { fileName });
  if (result.ok === 'parley-library') {
    useStore.setState({ busy: false, libraryText: result.text });
    return;
  }
  if (!result.ok) {
    useStore.setState({ busy: false, error: `Nothing was imported. ${result.message}` });
    return;
  }
  useStore.setState({ busy: false, review: result, newName: result.collection.name, target: 'new' });
}

/** The paste box's Read button. */
export function importTextSubmitted(): Promise<void> {
  return analyse(useStore.getState().text, '');
}

/** A file was chosen in the picker or dropped on the window. */
export async function importFileChosen(file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    useStore.setState({ error: `Nothing was imported. The file ${file.name} could not be read.` });
    return;
  }
  await analyse(text, file.name);
}

/** Fetches the URL box's address through Parley's proxy (no CORS limits) and reads it. */
export async function importUrlSubmitted(): Promise<void> {
  const url = useStore.getState().url.trim();
  if (!/^https?:\/\//i.test(url)) {
    useStore.setState({ error: 'Enter an http:// or https:// address to import from.' });
    return;
  }
  useStore.setState({ busy: true, error: null });
  try {
    const [{ createProxyTransport }, { readProxyToken }] = await Promise.all([
      import('../../services/transport-proxy.ts'),
      import('../../services/proxy-token.ts'),
    ]);
    const token = readProxyToken();
    if (token === null) throw new Error("Parley's proxy is not available on this page");
    const res = await createProxyTransport(token).send(
      { method: 'GET', url, headers: [{ name: 'Accept-Encoding', value: 'identity', source: 'user' }], body: null },
      { signal: new AbortController().signal, followRedirects: true },
    );
    if (res.status < 200 || res.status > 299)
      throw new Error(`the server answered ${res.status} ${res.reasonPhrase}`.trim());
    const text = new TextDecoder().decode(res.body ?? new Uint8Array());
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    await analyse(text, name);
  } catch (e) {
    useStore.setState({
      busy: false,
      error: `Nothing was imported. ${url} could not be fetched: ${(e as Error).message}.`,
    });
  }
}

/** The counts the review shows: `{ imported, changed, notCarried }` report lines. */
export function reportCounts(items: readonly ReportItem[]): { imported: number; changed: number; notCarried: number } {
  let imported = 0;
  let changed = 0;
  let notCarried = 0;
  for (const i of items) {
    if (i.outcome === 'imported') imported++;
    else if (i.outcome === 'changed') changed++;
    else notCarried++;
  }
  return { imported, changed, notCarried };
}

/**
 * The review's Import button: writes the collection (or into the chosen one), its requests and
 * environments; the toast's Undo removes them all again. Returns false when storage refused.
 */
export async function importConfirmed(): Promise<boolean> {
  const s = useStore.getState();
  if (!s.review) return false;
  const [{ treeToLibrary }, lib, envs] = await Promise.all([
    import('../../core/interop/to-library.ts'),
    import('../../stores/library-store.ts'),
    import('../../stores/environments-store.ts'),
  ]);
  const into =
    s.target === 'new' ? { newCollection: s.newName.trim() || s.review.collection.name } : { collectionId: s.target };
  const write = treeToLibrary(s.review.collection, into, Date.now());
  const written: { kind: 'collection' | 'folder' | 'request'; id: string }[] = [];
  const undoAll = () => {
    for (const w of written.slice().reverse()) {
      lib.libraryStorage.remove(w.kind, w.id);
      lib.otherTabChanged(w.kind, null, w.id);
    }
    for (const id of envIds) envs.environmentRemoved(id);
  };
  const envIds: string[] = [];
  if (write.collection) {
    if (!lib.putRecord('collection', write.collection)) return false;
    written.push({ kind: 'collection', id: write.collection.id });
  }
  for (const f of write.folders) {
    if (!lib.putRecord('folder', f)) {
      undoAll();
      return false;
    }
    written.push({ kind: 'folder', id: f.id });
  }
  for (const r of write.requests) {
    if (!lib.putRecord('request', r)) {
      undoAll();
      return false;
    }
    written.push({ kind: 'request', id: r.id });
  }
  for (const e of write.environments) envIds.push(envs.environmentAdded(e.name, e.variables));
  const where =
    write.collection?.name ?? lib.useLibraryStore.getState().collections[s.target]?.name ?? 'the collection';
  const n = write.requests.length;
  lib.showToast(`Imported ${n} request${n === 1 ? '' : 's'} into “${where}”`, { records: [], run: undoAll });
  useStore.setState({ ...initial });
  return true;
}
