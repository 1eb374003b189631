/**
 * The one adapter from the interop tree to library records (docs/interop.md, model in
 * docs/workspace-model.md): the collection and each folder become records with their scope
 * defaults (headers, auth, variables, scripts), nested and ordered as in the source; requests
 * go into their folder in order.
 *
 * `flattenForSend` (default false): `resolveRequest` applies collection and folder scopes
 * (headers, "Inherit from parent" auth, variables), so requests keep `inherit`. With `true`, the
 * auth and header fields a request inherits are also written into the request itself (and the
 * scope variables into an environment named after the collection), for consumers that do not
 * resolve scopes.
 */
import {
  makeCollection,
  makeFolder,
  type Collection,
  type Folder,
  type SavedRequest,
  type ScopeDefaults,
} from '../library/records.ts';
import type { Auth } from '../model/draft.ts';
import { newId } from '../model/ids.ts';
import type { Environment } from '../model/variables.ts';
import { flattenRequest } from './flatten.ts';
import {
  PATH_SEP,
  type ReportItem,
  type TreeAuth,
  type TreeCollection,
  type TreeDefaults,
  type TreeItem,
} from './tree.ts';

export interface LibraryWrite {
  /** The collection to create, or `null` when importing into an existing one. */
  collection: Collection | null;
  folders: Folder[];
  requests: SavedRequest[];
  environments: Environment[];
  /** Report lines of the adapter (added to the importer's). */
  report: ReportItem[];
}

export interface LibraryOptions {
  makeId?: () => string;
  flattenForSend?: boolean;
}

/** Tree auth → what a scope's `defaults.auth` holds: `null` = not set; a foreign scheme = none (it is reported as not sent). */
function scopeAuth(a: TreeAuth): Auth | null {
  return a === null ? null : a.type === 'foreign' ? { type: 'none' } : a;
}

function scopeDefaults(d: TreeDefaults): ScopeDefaults {
  return { headers: d.headers, auth: scopeAuth(d.auth), variables: d.variables, scripts: d.scripts };
}

/**
 * Turns a tree into records to write.
 * @param into `{ newCollection: name }` or `{ collectionId }` of an existing collection (the
 *   tree's top-level items then go into a folder named after the tree, holding its defaults)
 * @param now ms since the epoch, for `createdAt`/`updatedAt`
 */
export function treeToLibrary(
  tree: TreeCollection,
  into: { newCollection: string } | { collectionId: string },
  now: number,
  { makeId = newId, flattenForSend = false }: LibraryOptions = {},
): LibraryWrite {
  const report: ReportItem[] = [];
  const folders: Folder[] = [];
  const requests: SavedRequest[] = [];
  const merged = new Map<string, string>();
  let collection: Collection | null = null;
  let collectionId: string;
  let topFolder: string | null = null;
  if ('newCollection' in into) {
    collection = {
      ...makeCollection(makeId(), into.newCollection || tree.name, now),
      defaults: scopeDefaults(tree.defaults),
    };
    collectionId = collection.id;
  } else {
    collectionId = into.collectionId;
    const f = {
      ...makeFolder({ id: makeId(), name: tree.name, collectionId, parentId: null, order: now }, now),
      defaults: scopeDefaults(tree.defaults),
    };
    folders.push(f);
    topFolder = f.id;
  }
  let flattened = false;
  const walk = (
    items: readonly TreeItem[],
    parentId: string | null,
    chain: { name: string; defaults: TreeDefaults }[],
  ) => {
    items.forEach((item, order) => {
      const names = chain.map((c) => c.name);
      if (item.kind === 'folder') {
        const id = makeId();
        folders.push({
          ...makeFolder({ id, name: item.name, collectionId, parentId, order }, now),
          defaults: scopeDefaults(item.defaults),
        });
        walk(item.items, id, [...chain, { name: item.name, defaults: item.defaults }]);
        return;
      }
      const path = [...names, item.name].join(PATH_SEP);
      const treeFolders = chain.map((c) => ({
        kind: 'folder' as const,
        name: c.name,
        description: '',
        defaults: c.defaults,
        items: [],
      }));
      const flat = flattenRequest(item, treeFolders, tree.defaults);
      let draft = {
        ...item.draft,
        auth: item.auth === null ? ({ type: 'inherit' } as Auth) : (scopeAuth(item.auth) ?? { type: 'none' }),
      };
      if (flattenForSend) {
        if (item.auth === null || flat.draft.headers.length !== item.draft.headers.length) flattened = true;
        draft = flat.draft;
        for (const [k, v] of Object.entries(flat.variables)) {
          const before = merged.get(k);
          if (before !== undefined && before !== v)
            report.push({
              outcome: 'changed',
              path,
              message: `The variable ${k} has another value here (${v}); the environment keeps ${before}.`,
            });
          else merged.set(k, v);
        }
      }
      // Request scripts are kept on the draft (issue 15 runs them); none = the field stays absent.
      if (item.scripts.preRequest || item.scripts.postResponse) draft = { ...draft, scripts: { ...item.scripts } };
      const lost: string[] = [];
      if (item.examples.length)
        lost.push(`${item.examples.length} saved example${item.examples.length === 1 ? '' : 's'}`);
      if (item.description) lost.push('description');
      if (lost.length)
        report.push({
          outcome: 'not-carried',
          path,
          message: `Not stored: ${lost.join(', ')} (a saved request cannot hold these yet).`,
        });
      requests.push({
        v: 1,
        id: makeId(),
        name: item.name,
        collectionId,
        folderId: parentId,
        order,
        draft,
        createdAt: now,
        updatedAt: now,
      });
    });
  };
  walk(tree.items, topFolder, []);
  if (flattenForSend && flattened)
    report.push({
      outcome: 'changed',
      path: tree.name,
      message:
        'Inherited auth and header fields are also written into each request, so it sends them before Parley resolves folder defaults when sending.',
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
      message: `The collection's and folders' variables are stored with them and also in the environment “${tree.name}”, which sending reads today.`,
    });
  }
  return { collection, folders, requests, environments, report };
}

/** `result` with the adapter's report lines added, so the review shows them before anything is written. */
export function withLibraryReport<T extends { ok: unknown }>(result: T): T {
  const r = result as unknown as { ok: unknown; collection?: TreeCollection; report?: ReportItem[] };
  if (r.ok !== true || !r.collection || !r.report) return result;
  const extra = treeToLibrary(r.collection, { newCollection: r.collection.name }, 0, {
    makeId: () => 'preview',
  }).report;
  return { ...result, report: [...r.report, ...extra] };
}
