/**
 * The secret detector over a whole library, for the export file: every saved request's draft and
 * every history entry's draft and URL as sent, each finding keyed by its record so the person can
 * keep one deliberately (as in the Share dialog). Default: everything found is emptied.
 */
import type { Collection, Folder } from '../library/records.ts';
import type { LibraryContents } from '../library/transfer.ts';
import { stripDraftSecrets, stripUrlSecrets, type SecretFinding } from './detect.ts';
import { stripScopeSecrets } from './scope.ts';

/**
 * A finding in one record: `key` is `collection:<id>/<key>`, `folder:<id>/<key>` (scope defaults:
 * auth, header fields, variables), `request:<id>/<draft key>`, `history:<id>/<draft key>` or
 * `history:<id>/url/<url key>`.
 */
export interface LibraryFinding extends SecretFinding {
  /**
   * The record, as the library list names it: `Collection <name>`, `Folder <name>`, the request's
   * name, or `History: GET https://…` (URL stripped).
   */
  record: string;
}

function scoped(prefix: string, keep: ReadonlySet<string>): Set<string> {
  const inner = new Set<string>();
  for (const k of keep) if (k.startsWith(prefix)) inner.add(k.slice(prefix.length));
  return inner;
}

/**
 * Empties the secrets of every record except those in `keep`.
 * @param library everything to export; not modified
 * @param keep keys of {@link LibraryFinding}s to keep as they are
 * @returns the library to write and every finding, kept or not, in record order (collections,
 *   folders, requests, then history, as given); never throws
 */
export function stripLibrarySecrets(
  library: LibraryContents,
  keep: ReadonlySet<string> = new Set(),
): { library: LibraryContents; findings: LibraryFinding[] } {
  const findings: LibraryFinding[] = [];
  const scope = <T extends Collection | Folder>(r: T, kind: 'collection' | 'folder', label: string): T => {
    const prefix = `${kind}:${r.id}/`;
    const stripped = stripScopeSecrets(r.defaults, scoped(prefix, keep));
    for (const f of stripped.findings) findings.push({ ...f, key: prefix + f.key, record: `${label} ${r.name}` });
    return stripped.findings.length ? { ...r, defaults: stripped.defaults } : r;
  };
  const collections = library.collections.map((c) => scope(c, 'collection', 'Collection'));
  const folders = library.folders.map((f) => scope(f, 'folder', 'Folder'));
  const requests = library.requests.map((r) => {
    const prefix = `request:${r.id}/`;
    const stripped = stripDraftSecrets(r.draft, null, scoped(prefix, keep));
    for (const f of stripped.findings) findings.push({ ...f, key: prefix + f.key, record: r.name });
    return { ...r, draft: stripped.draft };
  });
  const history = library.history.map((e) => {
    const prefix = `history:${e.id}/`;
    const url = stripUrlSecrets(e.url, scoped(`${prefix}url/`, keep));
    const stripped = stripDraftSecrets(e.draft, null, scoped(prefix, keep));
    const record = `History: ${e.method} ${stripUrlSecrets(e.url).url}`;
    for (const f of url.findings)
      findings.push({ ...f, name: `URL as sent: ${f.name}`, key: `${prefix}url/${f.key}`, record });
    for (const f of stripped.findings) findings.push({ ...f, key: prefix + f.key, record });
    return { ...e, url: url.url, draft: stripped.draft };
  });
  return { library: { ...library, collections, folders, requests, history }, findings };
}
