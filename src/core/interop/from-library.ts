/**
 * Library records → the interop tree, for export: a collection's folders (nested, in sibling
 * order, `compareSiblings`) and requests, with the scope defaults of each level. A request whose
 * auth is `inherit` gets the tree's `null` (inherit); secrets are stripped here when asked, with
 * the same detector and keys as share links and the library export (`core/secrets`).
 */
import type { Collection, Folder, SavedRequest, ScopeDefaults } from '../library/records.ts';
import { compareSiblings } from '../library/order.ts';
import { AuthSchema } from '../model/draft.ts';
import { stripDraftSecrets, type SecretFinding } from '../secrets/detect.ts';
import { stripScopeSecrets } from '../secrets/scope.ts';
import { emptyScripts, type TreeAuth, type TreeCollection, type TreeDefaults, type TreeItem } from './tree.ts';

/** A finding of the export: `key` is `request:<id>/…`, `folder:<id>/…` or `collection:<id>/…` + the detector's key. */
export interface ExportFinding extends SecretFinding {
  /** The request's name. */
  record: string;
}

function scoped(prefix: string, keep: ReadonlySet<string>): Set<string> {
  return new Set([...keep].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
}

/** A scope's defaults as tree defaults, its auth, header fields and variables run through the secret detector. */
function treeDefaults(
  d: ScopeDefaults,
  prefix: string,
  record: string,
  keep: ReadonlySet<string>,
  findings: ExportFinding[],
): TreeDefaults {
  const stripped = stripScopeSecrets(d, scoped(prefix, keep));
  for (const f of stripped.findings) findings.push({ ...f, key: prefix + f.key, record });
  const s = stripped.defaults;
  const parsed = s.auth === null ? null : AuthSchema.parse(s.auth);
  const auth: TreeAuth = parsed === null || parsed.type === 'inherit' ? null : parsed;
  return { headers: s.headers, auth, variables: s.variables, scripts: s.scripts };
}

/**
 * Builds the tree of one collection.
 * @param keep keys of findings to keep (the person chose to include them); every other secret
 *   found in a request's draft is emptied
 * @returns the tree and every finding (kept or not), in request order; never throws
 */
export function libraryToTree(
  collection: Collection,
  folders: readonly Folder[],
  requests: readonly SavedRequest[],
  keep: ReadonlySet<string> = new Set(),
): { tree: TreeCollection; findings: ExportFinding[] } {
  const findings: ExportFinding[] = [];
  const mine = folders.filter((f) => f.collectionId === collection.id);
  const known = new Set(mine.map((f) => f.id));
  const build = (parentId: string | null): TreeItem[] => {
    const subfolders = mine
      .filter((f) => (f.parentId !== null && known.has(f.parentId) ? f.parentId : null) === parentId)
      .sort(compareSiblings)
      .map((f): TreeItem => ({
        kind: 'folder',
        name: f.name,
        description: '',
        defaults: treeDefaults(f.defaults, `folder:${f.id}/`, `Folder ${f.name}`, keep, findings),
        items: build(f.id),
      }));
    const reqs = requests
      .filter(
        (r) =>
          r.collectionId === collection.id &&
          (r.folderId !== null && known.has(r.folderId) ? r.folderId : null) === parentId,
      )
      .sort(compareSiblings)
      .map((r): TreeItem => {
        const prefix = `request:${r.id}/`;
        const stripped = stripDraftSecrets(r.draft, null, scoped(prefix, keep));
        for (const f of stripped.findings) findings.push({ ...f, key: prefix + f.key, record: r.name });
        const d = stripped.draft;
        return {
          kind: 'request',
          name: r.name,
          description: '',
          draft: d,
          auth: d.auth.type === 'inherit' ? null : d.auth,
          scripts: emptyScripts(),
          examples: [],
        };
      });
    return [...subfolders, ...reqs];
  };
  const defaults = treeDefaults(
    collection.defaults,
    `collection:${collection.id}/`,
    `Collection ${collection.name}`,
    keep,
    findings,
  );
  const tree: TreeCollection = {
    name: collection.name,
    description: '',
    defaults,
    items: build(null),
    environments: [],
  };
  return { tree, findings };
}
