/**
 * The intermediate tree every importer produces and every exporter reads (docs/interop.md):
 * collection → folders (nested, in order) → requests. Each request is a Parley `RequestDraft`
 * plus what the draft cannot hold yet: inherited auth, auth schemes Parley lacks (kept as
 * data), scripts as text, descriptions and saved examples. Scope defaults have the shape of
 * the folder model's `ScopeDefaults` (docs/workspace-model.md), so one adapter
 * (`to-library.ts`) turns the tree into library records.
 *
 * Pure TypeScript: no zod, no I/O. Importers never throw on bad input; they return
 * `{ ok: false, message }` or a tree plus a report that lists, item by item, what was
 * imported, what was changed and what could not be carried.
 */
import type { Auth, KeyValueRow, RequestDraft } from '../model/draft.ts';

/** An auth scheme Parley has no descriptor for yet (digest, awsv4, oauth2, hawk …): kept as data. */
export interface ForeignAuth {
  type: 'foreign';
  /** The source tool's scheme name, e.g. `digest`, `awsv4`, `oauth2`. */
  scheme: string;
  /** Its fields as name/value text, in the source's order. */
  params: [string, string][];
}

/** Auth at one level: a Parley scheme, a foreign one, or `null` = inherit from the enclosing level. */
export type TreeAuth = Auth | ForeignAuth | null;

/** Pre-request and post-response (test) scripts, JavaScript text as the source tool wrote it. */
export interface Scripts {
  preRequest: string;
  postResponse: string;
}

/** What a collection or folder gives the requests inside (same shape as the folder model's). */
export interface TreeDefaults {
  headers: KeyValueRow[];
  auth: TreeAuth;
  variables: KeyValueRow[];
  scripts: Scripts;
}

/** A saved response (Postman example, HAR response): status code, reason phrase, header fields, content as text. */
export interface SavedExample {
  name: string;
  status: number;
  reasonPhrase: string;
  headers: [string, string][];
  /** The content as text (HAR `content.text`, Postman `body`); base64 when `encoding` says so. */
  body: string;
  encoding?: 'base64';
}

export interface TreeRequest {
  kind: 'request';
  name: string;
  description: string;
  /** The request as Parley sends it; `draft.auth` is only meaningful when `auth` is a Parley scheme. */
  draft: RequestDraft;
  auth: TreeAuth;
  scripts: Scripts;
  examples: SavedExample[];
}

export interface TreeFolder {
  kind: 'folder';
  name: string;
  description: string;
  defaults: TreeDefaults;
  items: TreeItem[];
}

export type TreeItem = TreeFolder | TreeRequest;

/** A named set of variables (Postman environment/globals, Insomnia sub-environment, .http `@name`). */
export interface TreeEnvironment {
  name: string;
  variables: { name: string; value: string; enabled: boolean; secret: boolean }[];
}

export interface TreeCollection {
  name: string;
  description: string;
  defaults: TreeDefaults;
  items: TreeItem[];
  environments: TreeEnvironment[];
}

/** One line of the import report. `path` names the item: `Users › Get user › auth (hawk)`. */
export interface ReportItem {
  outcome: 'imported' | 'changed' | 'not-carried';
  path: string;
  /** A sentence saying what happened and why (empty for a plain `imported`). */
  message: string;
}

export type InteropFormat = 'postman' | 'postman-environment' | 'openapi' | 'har' | 'http' | 'insomnia' | 'bruno';

export type ImportResult =
  | { ok: true; format: InteropFormat; collection: TreeCollection; report: ReportItem[] }
  | { ok: false; message: string };

/** The separator of report paths. */
export const PATH_SEP = ' › ';

/** `joinPath(['Users', 'Get user'], 'auth (hawk)')` → `Users › Get user › auth (hawk)`. */
export function joinPath(parents: readonly string[], ...rest: string[]): string {
  return [...parents, ...rest].filter((s) => s !== '').join(PATH_SEP);
}

/** Defaults that set nothing. */
export function emptyDefaults(): TreeDefaults {
  return { headers: [], auth: null, variables: [], scripts: { preRequest: '', postResponse: '' } };
}

export function emptyScripts(): Scripts {
  return { preRequest: '', postResponse: '' };
}

/** Collects report lines; `imported(path)` etc. append one each. */
export class Report {
  readonly items: ReportItem[] = [];
  imported(path: string, message = ''): void {
    this.items.push({ outcome: 'imported', path, message });
  }
  changed(path: string, message: string): void {
    this.items.push({ outcome: 'changed', path, message });
  }
  notCarried(path: string, message: string): void {
    this.items.push({ outcome: 'not-carried', path, message });
  }
}

/** Every request of the tree in document order, with its folder path. */
export function* walkRequests(
  items: readonly TreeItem[],
  parents: TreeFolder[] = [],
): Generator<{ request: TreeRequest; folders: TreeFolder[] }> {
  for (const item of items) {
    if (item.kind === 'request') yield { request: item, folders: parents };
    else yield* walkRequests(item.items, [...parents, item]);
  }
}

/**
 * The auth a request ends up with after inheritance (Postman's rule: a request or folder
 * without auth takes its parent's; the collection's is the last one; none set = no auth).
 */
export function effectiveAuth(
  request: TreeRequest,
  folders: readonly TreeFolder[],
  collection: TreeDefaults,
): Exclude<TreeAuth, null> {
  if (request.auth) return request.auth;
  for (let i = folders.length - 1; i >= 0; i--) {
    const a = folders[i]!.defaults.auth;
    if (a) return a;
  }
  return collection.auth ?? { type: 'none' };
}
