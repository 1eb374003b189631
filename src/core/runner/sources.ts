/**
 * What the runner and the CLI can run: a Parley library export (a collection's saved
 * requests, in their order) or a Postman Collection v2.0/v2.1 file (folders, requests and
 * their `prerequest` / `test` scripts, collection variables).
 *
 * The Postman reading here is the runner's minimal one; when the full Postman importer
 * (issue "import formats") lands, `fromPostman` should build on it. Unsupported parts become
 * warnings, never a throw.
 */
import { parseDraft, type Auth, type Body, type RequestDraft } from '../model/draft.ts';
import { parseExport, type LibraryContents } from '../library/transfer.ts';
import { sortSiblings } from '../library/order.ts';
import { scopeChain } from '../library/scope.ts';
import { splitTargetUri } from '../url/query.ts';
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
  if (isObject(raw) && isObject(raw.info) && Array.isArray(raw.item)) return fromPostman(raw, newId);
  return { ok: false, message: 'The file is neither a Parley library export nor a Postman collection (v2.0/v2.1).' };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A Postman field as text: strings as they are, numbers and booleans printed, objects as JSON. */
function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return v === undefined || v === null ? '' : (JSON.stringify(v) ?? '');
}

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
 */
export function runnerCollectionFromLibrary(
  library: Pick<LibraryContents, 'collections' | 'folders' | 'requests'>,
  pick?: string,
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
  const visit = (folderId: string | null, path: string[], seen: Set<string>) => {
    // Within a parent: folders first, then requests, each by `order` (as the sidebar shows them).
    for (const f of sortSiblings(Object.values(foldersById).filter((x) => parentOf(x.parentId) === folderId))) {
      if (seen.has(f.id)) continue;
      visit(f.id, [...path, f.name], new Set([...seen, f.id]));
    }
    for (const r of sortSiblings(
      requests.filter((x) => x.collectionId === chosen.id && parentOf(x.folderId) === folderId),
    )) {
      const chain = scopeChain(chosen.id, folderId, collectionsById, foldersById);
      if (r.draft.auth.type === 'inherit')
        warnings.push(
          `${[...path, r.name].join(' / ')}: "Inherit from parent" auth is not applied by the runner yet; sent without auth.`,
        );
      items.push({
        id: r.id,
        name: r.name,
        path,
        draft: r.draft,
        preRequest: [...chain.map((l) => l.defaults.scripts.preRequest), r.draft.scripts?.preRequest ?? ''],
        postResponse: [...chain.map((l) => l.defaults.scripts.postResponse), r.draft.scripts?.postResponse ?? ''],
      });
    }
  };
  visit(null, [], new Set());
  const variables = Object.fromEntries(
    chosen.defaults.variables.filter((v) => v.enabled && v.name.trim() !== '').map((v) => [v.name.trim(), v.value]),
  );
  return { ok: true, collection: { name: chosen.name, items, variables }, warnings };
}

/** The text of the Postman script of `event` in an item's `event` list (`exec` is a string or lines). */
function script(item: Record<string, unknown>, event: 'prerequest' | 'test'): string {
  const events = Array.isArray(item.event) ? item.event : [];
  return events
    .filter((e): e is Record<string, unknown> => isObject(e) && e.listen === event && e.disabled !== true)
    .map((e) => {
      const s = isObject(e.script) ? e.script.exec : undefined;
      return Array.isArray(s) ? s.map(str).join('\n') : str(s);
    })
    .join('\n');
}

const pairs = (v: unknown) => (Array.isArray(v) ? v.filter(isObject) : []);

function postmanAuth(v: unknown, warnings: string[], where: string): Auth | null {
  if (!isObject(v) || typeof v.type !== 'string') return null;
  const field = (name: string): string => {
    const list = v[v.type as string];
    if (Array.isArray(list)) return str(pairs(list).find((p) => p.key === name)?.value);
    return isObject(list) ? str(list[name]) : '';
  };
  switch (v.type) {
    case 'noauth':
      return { type: 'none' };
    case 'bearer':
      return { type: 'bearer', token: field('token') };
    case 'basic':
      return { type: 'basic', username: field('username'), password: field('password') };
    case 'apikey':
      return {
        type: 'apikey',
        key: field('key'),
        value: field('value'),
        in: field('in') === 'query' ? 'query' : 'header',
      };
    default:
      warnings.push(`${where}: auth type "${v.type}" is not supported; sent without auth.`);
      return { type: 'none' };
  }
}

function postmanBody(v: unknown, newId: () => string, warnings: string[], where: string): Body {
  if (!isObject(v)) return { mode: 'none' };
  const rows = (list: unknown) =>
    pairs(list).map((p) => ({ id: newId(), name: str(p.key), value: str(p.value), enabled: p.disabled !== true }));
  switch (v.mode) {
    case 'raw': {
      const lang = isObject(v.options) && isObject(v.options.raw) ? v.options.raw.language : undefined;
      const text = str(v.raw);
      return lang === 'json' ? { mode: 'json', text } : lang === 'xml' ? { mode: 'xml', text } : { mode: 'text', text };
    }
    case 'urlencoded':
      return { mode: 'form-urlencoded', fields: rows(v.urlencoded) };
    case 'formdata':
      return {
        mode: 'multipart',
        parts: pairs(v.formdata).map((p) => {
          if (p.type === 'file') warnings.push(`${where}: the file part "${str(p.key)}" has no file here; sent empty.`);
          return {
            id: newId(),
            name: str(p.key),
            enabled: p.disabled !== true,
            kind: 'text' as const,
            value: str(p.value),
            contentType: '',
            file: null,
          };
        }),
      };
    default:
      if (v.mode !== undefined)
        warnings.push(`${where}: body mode "${str(v.mode)}" is not supported; sent without a body.`);
      return { mode: 'none' };
  }
}

function postmanDraft(
  request: unknown,
  auth: Auth | null,
  newId: () => string,
  warnings: string[],
  where: string,
): RequestDraft {
  const r = isObject(request) ? request : { url: request };
  const urlText = isObject(r.url) ? str(r.url.raw) : str(r.url);
  const split = splitTargetUri(urlText);
  const own = postmanAuth(r.auth, warnings, where);
  return parseDraft({
    v: 1,
    method: str(r.method) || 'GET',
    url: split.url,
    query: split.query.map((p) => ({
      id: newId(),
      name: p.name,
      value: p.value,
      enabled: true,
      ...(p.noEquals ? { noEquals: true } : {}),
    })),
    fragment: null,
    pathVariables: isObject(r.url)
      ? Object.fromEntries(pairs(r.url.variable).map((p) => [str(p.key), str(p.value)]))
      : {},
    headers: pairs(r.header).map((h) => ({
      id: newId(),
      name: str(h.key),
      value: str(h.value),
      enabled: h.disabled !== true,
    })),
    auth: own ?? auth ?? { type: 'none' },
    body: postmanBody(r.body, newId, warnings, where),
    verifyTls: true,
  });
}

function fromPostman(raw: Record<string, unknown>, newId: () => string): SourceResult {
  const warnings: string[] = [];
  const items: RunnerItem[] = [];
  // Items without an `id` get their position (`1.0` = first request of the second item), so runs compare.
  const walk = (list: unknown[], path: string[], pre: string[], post: string[], auth: Auth | null, at = '') => {
    for (const [index, entry] of list.filter(isObject).entries()) {
      const position = at + String(index);
      const name = str(entry.name) || 'Untitled';
      const where = [...path, name].join(' / ');
      const itemAuth = postmanAuth(entry.auth, warnings, where) ?? auth;
      const p = [...pre, script(entry, 'prerequest')];
      const t = [...post, script(entry, 'test')];
      if (Array.isArray(entry.item)) walk(entry.item, [...path, name], p, t, itemAuth, position + '.');
      else if (entry.request !== undefined)
        items.push({
          id: str(entry.id) || position,
          name,
          path,
          draft: postmanDraft(entry.request, itemAuth, newId, warnings, where),
          preRequest: p,
          postResponse: t,
        });
    }
  };
  const info = raw.info as Record<string, unknown>;
  walk(
    raw.item as unknown[],
    [],
    [script(raw, 'prerequest')],
    [script(raw, 'test')],
    postmanAuth(raw.auth, warnings, 'collection'),
  );
  const variables = Object.fromEntries(pairs(raw.variable).map((v) => [str(v.key), str(v.value)]));
  return { ok: true, collection: { name: str(info.name) || 'Postman collection', items, variables }, warnings };
}
