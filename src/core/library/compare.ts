/** Whether the editor's draft still equals the saved request it came from ("unsaved changes"). */
import type { RequestDraft } from '../model/draft.ts';

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // A key holding `undefined` is the same as no key (JSON storage drops it).
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!same(ao[k], bo[k])) return false;
  return true;
}

/**
 * Deep equality of two drafts, ignoring key order and keys whose value is `undefined`
 * (a draft read back from storage has neither). Row order and row ids count.
 * @returns true when saving would change nothing
 */
export function sameDraft(a: RequestDraft, b: RequestDraft): boolean {
  return same(a, b);
}
