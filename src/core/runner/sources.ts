/**
 * What the runner and the CLI can run: a Parley library export (a collection's saved
 * requests, in their order) or a Postman Collection v2.0/v2.1 file, read by the importer
 * (src/core/interop/postman) as Import reads it. Unsupported parts become warnings, never a throw.
 */
import { parseExport, type LibraryContents } from '../library/transfer.ts';
import { sortSiblings } from '../library/order.ts';
import { scopeChain } from '../library/scope.ts';
import { importPostman } from '../interop/postman/import-postman.ts';
import { treeToLibrary } from '../interop/to-library.ts';
import type { RunnerCollection, RunnerItem } from './types.ts';

export type SourceResult =
  { ok: true; collection: RunnerCollection; warnings: string[] } | { ok: false; message: string };

/**
 * Reads `text` (a file's content) as a Parley library export or a Postman collection.
 * `pick` chooses a collection of a library by name or id (default: the first that has
 * requests). Never throws.
 */
export function readRunnerSource(text: string, now: number, newId: () => string, pick?: string): SourceResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `The collection file is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (isObject(raw) && raw.format === 'parley-library') return fromLibrary(text, now, newId, pick);
  if (isObject(raw) && isObject(raw.info) && Array.isArray(raw.item)) return fromPostman(raw, now);
  return { ok: false, message: 'The file is neither a Parley library export nor a Postman collection (v2.0/v2.1).' };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function fromLibrary(text: string, now: number, newId: () => string, pick?: string): SourceResult {
  const parsed = parseExport(text, now, newId);
  if (!parsed.ok) return parsed;
  const r = runnerCollectionFromLibrary(parsed.library, pick);
  if (r.ok && parsed.skipped > 0)
    r.warnings.push(`${parsed.skipped} records of the library could not be read and were skipped.`);
  return r;
}

/**
 * The runnable form of one collection of `library` (the app's Runner uses it on the stored
 * library; the CLI on an export file): requests in tree order (in each parent, folders first,
 * then requests, by `order`), with the collection's and folders' scripts outermost first and
 * the collection's variables. `pick` is a collection id or name (default: the first with requests).
 * `documentOrder`: folders and requests of a parent interleaved by `order` (a Postman file's
 * item order, which Newman runs) instead of folders first.
 */
export function runnerCollectionFromLibrary(
  library: Pick<LibraryContents, 'collections' | 'folders' | 'requests'>,
  pick?: string,
  documentOrder = false,
): SourceResult {
  const { collections, folders, requests } = library;
  const chosen =
    pick !== undefined
      ? collections.find((c) => c.id === pick || c.name === pick)
      : collections.find((c) => requests.some((r) => r.collectionId === c.id));
  if (!chosen)
    return {
      ok: false,
      message:
        pick !== undefined
          ? `No collection named "${pick}" in the library (it has: ${collections.map((c) => c.name).join(', ')}).`
          : 'The library has no saved requests to run.',
    };
  const collectionsById = Object.fromEntries(collections.map((c) => [c.id, c]));
  const foldersById = Object.fromEntries(folders.filter((f) => f.collectionId === chosen.id).map((f) => [f.id, f]));
  // A folder or request whose folder is gone shows at the top level (docs/workspace-model.md).
  const parentOf = (id: string | null) => (id !== null && foldersById[id] ? id : null);
  const items: RunnerItem[] = [];
  const warnings: string[] = [];
  const request = (r: (typeof requests)[number], folderId: string | null, path: string[]) => {
    const chain = scopeChain(chosen.id, folderId, collectionsById, foldersById);
    items.push({
      id: r.id,
      name: r.name,
      path,
      draft: r.draft,
      preRequest: [...chain.map((l) => l.defaults.scripts.preRequest), r.draft.scripts?.preRequest ?? ''],
      postResponse: [...chain.map((l) => l.defaults.scripts.postResponse), r.draft.scripts?.postResponse ?? ''],
      scopes: chain,
    });
  };
  const visit = (folderId: string | null, path: string[], seen: Set<string>) => {
    // Within a parent: folders first, then requests, each by `order` (as the sidebar shows them),
    // or all by `order` (documentOrder).
    const subfolders = sortSiblings(Object.values(foldersById).filter((x) => parentOf(x.parentId) === folderId))
      .filter((f) => !seen.has(f.id))
      .map((f) => ({ ...f, folder: true as const }));
    const own = sortSiblings(
      requests.filter((x) => x.collectionId === chosen.id && parentOf(x.folderId) === folderId),
    ).map((r) => ({ ...r, folder: false as const }));
    const all = documentOrder ? sortSiblings([...subfolders, ...own]) : [...subfolders, ...own];
    for (const x of all) {
      if (x.folder) visit(x.id, [...path, x.name], new Set([...seen, x.id]));
      else request(x, folderId, path);
    }
  };
  visit(null, [], new Set());
  const variables = Object.fromEntries(
    chosen.defaults.variables.filter((v) => v.enabled && v.name.trim() !== '').map((v) => [v.name.trim(), v.value]),
  );
  return { ok: true, collection: { name: chosen.name, items, variables }, warnings };
}

/**
 * A Postman collection through the importer (`importPostman`, then the library adapter
 * `treeToLibrary`): one reader for Import, the Runner and the CLI. Requests keep "Inherit from
 * parent" and the runner applies the collection's and folders' scopes as Send does. Record ids
 * are counted (`pm-1`, `pm-2` …) so that two reads of one file run with the same ids (the CLI
 * and the app compare results). What the importer could not carry becomes a warning.
 */
function fromPostman(raw: Record<string, unknown>, now: number): SourceResult {
  const imported = importPostman(raw);
  if (!imported.ok) return imported;
  let n = 0;
  const written = treeToLibrary(
    imported.collection,
    { newCollection: imported.collection.name || 'Postman collection' },
    now,
    { makeId: () => `pm-${++n}` },
  );
  if (!written.collection) return { ok: false, message: 'The Postman collection could not be read.' };
  const r = runnerCollectionFromLibrary(
    {
      collections: [written.collection],
      folders: written.folders,
      requests: written.requests,
    },
    undefined,
    true,
  );
  if (!r.ok)
    return r.message === 'The library has no saved requests to run.'
      ? { ok: false, message: 'The Postman collection has no requests to run.' }
      : r;
  const warnings = [...imported.report, ...written.report]
    .filter((i) => i.outcome !== 'imported')
    .map((i) => `${i.path}: ${i.message}`);
  r.warnings.push(...warnings);
  return r;
}
