/** Shared helpers of the interop tests: fixtures, id-free comparison, resolving a tree request. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { flattenRequest } from '../../../src/core/interop/flatten.ts';
import { walkRequests, type ImportResult, type TreeCollection } from '../../../src/core/interop/tree.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const fixture = (name: string): string => readFileSync(join(DIR, name), 'utf8');
export const fixtureJson = (name: string): unknown => JSON.parse(fixture(name));

/** A deep copy with every `id` property removed (row ids are fresh on each import). */
export function withoutIds<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'id' ? undefined : v))) as T;
}

export function okTree(r: ImportResult): TreeCollection {
  if (!r.ok) throw new Error(r.message);
  return r.collection;
}

/** The request named `name` (path joined with ` › `), resolved with its scopes as Send would. */
export function sent(tree: TreeCollection, name: string, extra: Record<string, string> = {}) {
  for (const { request, folders } of walkRequests(tree.items)) {
    const path = [...folders.map((f) => f.name), request.name].join(' › ');
    if (path !== name) continue;
    const flat = flattenRequest(request, folders, tree.defaults);
    const r = resolveRequest(flat.draft, { variables: { ...flat.variables, ...extra }, boundary: 'BOUNDARY' });
    if (!r.request) throw new Error(JSON.stringify(r.problems));
    return {
      method: r.request.method,
      url: r.request.url,
      headers: r.request.headers.map((h) => [h.name, h.value]),
      body: r.request.body === null ? null : new TextDecoder().decode(r.request.body),
    };
  }
  throw new Error(`no request ${name}`);
}

/** Every request path of the tree, in order. */
export function paths(tree: TreeCollection): string[] {
  return [...walkRequests(tree.items)].map(({ request, folders }) =>
    [...folders.map((f) => f.name), request.name].join(' › '),
  );
}
