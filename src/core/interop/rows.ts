/** Small shared helpers of the importers: rows with fresh ids, text of unknown JSON values. */
import type { KeyValueRow, QueryRow } from '../model/draft.ts';
import { newId } from '../model/ids.ts';

/** A header/form/variable row with a fresh id. */
export function kvRow(name: string, value: string, enabled = true): KeyValueRow {
  return { id: newId(), name, value, enabled };
}

/** A query row with a fresh id; `noEquals` for a pair written without `=`. */
export function queryRow(name: string, value: string, enabled = true, noEquals = false): QueryRow {
  const row: QueryRow = { id: newId(), name, value, enabled };
  if (noEquals) row.noEquals = true;
  return row;
}

/** A plain object, or `null` for anything else (arrays included). */
export function asObject(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A string as is; a number or boolean as its JSON text; anything else `''`. */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Reads `{{name}}`-style text unchanged; JSON values that are objects become their JSON text. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : asText(v);
}
