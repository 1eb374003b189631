/**
 * The one adapter from the interop tree to library records (docs/interop.md). Today's library
 * has collections and requests but no folders or scope defaults, so: folders become a name
 * prefix (`Users › Get user`), inherited auth and scope headers are written into each
 * request, and the variables of the collection and its folders become one environment named
 * after the collection. Each of these changes is reported once.
 */
import type { Collection, SavedRequest } from '../library/records.ts';
import { newId } from '../model/ids.ts';
import type { Environment } from '../model/variables.ts';
import { flattenRequest } from './flatten.ts';
import {
  PATH_SEP,
  walkRequests,
  type ReportItem,
  type TreeCollection,
  type TreeFolder,
  type TreeItem,
} from './tree.ts';

function allFolders(items: readonly TreeItem[]): TreeFolder[] {
  return items.flatMap((i) => (i.kind === 'folder' ? [i, ...allFolders(i.items)] : []));
}

export interface LibraryWrite {
  /** The collection to create, or `null` when importing into an existing one. */
  collection: Collection | null;
  requests: SavedRequest[];
  environments: Environment[];
  /** Report lines of the adapter (added to the importer's). */
  report: ReportItem[];
}

/**
 * Turns a tree into records to write.
 * @param into `{ newCollection: name }` or `{ collectionId }` of an existing collection
 * @param now ms since the epoch, for `createdAt`/`updatedAt`
 */
export function treeToLibrary(
  tree: TreeCollection,
  into: { newCollection: string } | { collectionId: string },
  now: number,
  makeId: () => string = newId,
): LibraryWrite {
  const report: ReportItem[] = [];
  const collection: Collection | null =
    'newCollection' in into ? { v: 1, id: makeId(), name: into.newCollection || tree.name, createdAt: now } : null;
  const collectionId = collection ? collection.id : (into as { collectionId: string }).collectionId;
  const requests: SavedRequest[] = [];
  const merged = new Map<string, string>();
  let foldered = false;
  let inherited = false;
  for (const { request, folders } of walkRequests(tree.items)) {
    const flat = flattenRequest(request, folders, tree.defaults);
    for (const [k, v] of Object.entries(flat.variables)) {
      const before = merged.get(k);
      if (before !== undefined && before !== v)
        report.push({
          outcome: 'changed',
          path: [...folders.map((f) => f.name), request.name].join(PATH_SEP),
          message: `The variable ${k} has another value in this folder (${v}); the environment keeps ${before}.`,
        });
      else merged.set(k, v);
    }
    const path = [...folders.map((f) => f.name), request.name].join(PATH_SEP);
    const lost: string[] = [];
    if (request.scripts.preRequest) lost.push('pre-request script');
    if (request.scripts.postResponse) lost.push('test script');
    if (request.examples.length)
      lost.push(`${request.examples.length} saved example${request.examples.length === 1 ? '' : 's'}`);
    if (request.description) lost.push('description');
    if (lost.length)
      report.push({
        outcome: 'not-carried',
        path,
        message: `Not stored: ${lost.join(', ')} (the library cannot hold these yet).`,
      });
    if (folders.length) foldered = true;
    if (request.auth === null && flat.draft.auth.type !== 'none') inherited = true;
    requests.push({ v: 1, id: makeId(), name: path, collectionId, draft: flat.draft, createdAt: now, updatedAt: now });
  }
  const scoped = [tree.defaults, ...allFolders(tree.items).map((f) => f.defaults)];
  if (scoped.some((d) => d.scripts.preRequest || d.scripts.postResponse))
    report.push({
      outcome: 'not-carried',
      path: tree.name,
      message: 'Collection and folder scripts are not stored (the library cannot hold scripts yet).',
    });
  if (foldered)
    report.push({
      outcome: 'changed',
      path: tree.name,
      message: 'Folders became part of each request name (Parley has no folders yet).',
    });
  if (inherited)
    report.push({
      outcome: 'changed',
      path: tree.name,
      message: 'Auth set on the collection or a folder was written into each request that inherits it.',
    });
  const environments: Environment[] = tree.environments.map((e) => ({
    v: 1,
    id: makeId(),
    name: e.name,
    variables: e.variables.map((x) => ({ id: makeId(), ...x })),
  }));
  if (merged.size) {
    environments.unshift({
      v: 1,
      id: makeId(),
      name: tree.name,
      variables: [...merged].map(([name, value]) => ({ id: makeId(), name, value, enabled: true, secret: false })),
    });
    report.push({
      outcome: 'changed',
      path: tree.name,
      message: `The collection's variables became the environment “${tree.name}” (Parley has no collection variables yet).`,
    });
  }
  return { collection, requests, environments, report };
}

/** `result` with the adapter's report lines added, so the review shows them before anything is written. */
export function withLibraryReport<T extends { ok: unknown }>(result: T): T {
  const r = result as unknown as { ok: unknown; collection?: TreeCollection; report?: ReportItem[] };
  if (r.ok !== true || !r.collection || !r.report) return result;
  const extra = treeToLibrary(r.collection, { newCollection: r.collection.name }, 0, () => 'preview').report;
  return { ...result, report: [...r.report, ...extra] };
}
