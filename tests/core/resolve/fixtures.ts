/** Builders for resolve tests: a blank draft with the parts a test sets. */
import type { KeyValueRow, QueryRow, RequestDraft } from '../../../src/core/model/draft.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import { splitTargetUri } from '../../../src/core/url/query.ts';

/** A draft as if `urlText` had been typed in the URL field. */
export function draftFromUrl(urlText: string, rest: Partial<RequestDraft> = {}): RequestDraft {
  const split = splitTargetUri(urlText);
  const query: QueryRow[] = split.query.map((p, i) => ({ id: `q${i}`, enabled: true, ...p }));
  return { ...blankDraft(), url: split.url, query, fragment: split.fragment, ...rest };
}

export function headerRows(...pairs: [string, string, boolean?][]): KeyValueRow[] {
  return pairs.map(([name, value, enabled], i) => ({ id: `h${i}`, name, value, enabled: enabled ?? true }));
}

export const utf8 = (b: Uint8Array | null | undefined): string | null => (b ? new TextDecoder().decode(b) : null);
