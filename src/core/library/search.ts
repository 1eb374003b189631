/** Filtering saved requests and history by what a person types in the search box. */
import type { Body } from '../model/draft.ts';
import { urlFieldText } from '../url/query.ts';
import type { HistoryEntry, SavedRequest } from './records.ts';

/**
 * Whether a saved request matches a search. Every whitespace-separated term must occur,
 * case-insensitively, in the request's name, its method, its URL field text (query included)
 * or its body (the text; form and multipart fields as `name=value`).
 * @param request a saved request
 * @param search the text typed; empty or blank matches everything
 * @example a request named "Create user", POST https://x.test/users matches "post users"
 */
export function matchesSearch(request: SavedRequest, search: string): boolean {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const d = request.draft;
  const hay = `${request.name}\n${d.method}\n${urlFieldText(d)}\n${bodyText(d.body)}`.toLowerCase();
  return terms.every((t) => hay.includes(t));
}

function bodyText(body: Body): string {
  if ('text' in body) return body.text;
  if (body.mode === 'form-urlencoded') return body.fields.map((f) => `${f.name}=${f.value}`).join('\n');
  if (body.mode === 'multipart') return body.parts.map((p) => `${p.name}=${p.value}`).join('\n');
  return '';
}

/** Same rule as {@link matchesSearch} for a history entry: method and URL as sent. */
export function matchesHistorySearch(entry: HistoryEntry, search: string): boolean {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${entry.method}\n${entry.url}`.toLowerCase();
  return terms.every((t) => hay.includes(t));
}

/** Saved requests ordered by name (locale-aware, case-insensitive), then id for stability. */
export function sortByName<T extends { name: string; id: string }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  );
}
