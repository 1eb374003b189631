/**
 * Which scripts run around one request, and in which order (issue 15 §1, docs/scripts.md):
 * the collection's, then each folder's from the outermost in, then the request's own — for
 * pre-request AND post-response scripts. This is Postman's order ("collection-level scripts
 * run first, then folder-level scripts, and then request-level scripts; this order applies to
 * both pre-request and post-response scripts", learning.postman.com › Scripts › Run order).
 * Single Send and the runner both use it.
 */
import type { ScopeLayer } from '../library/scope.ts';
import type { RequestDraft } from '../model/draft.ts';

/** One script to run: its JavaScript and the label the Console and errors show (`collection Team`, `request`). */
export interface ScopedScript {
  code: string;
  label: string;
}

/**
 * The non-blank scripts of `event` for `draft` inside `chain` (collection first, then folders
 * outer → inner), outermost first; the request's own last. `[]` when none has code.
 * @example scopedScripts([teamLayer], draft, 'preRequest') → [{ label: 'collection Team', code }, { label: 'request', code }]
 */
export function scopedScripts(
  chain: readonly ScopeLayer[],
  draft: Pick<RequestDraft, 'scripts'>,
  event: 'preRequest' | 'postResponse',
): ScopedScript[] {
  const all: ScopedScript[] = [
    ...chain.map((l) => ({ code: l.defaults.scripts[event], label: `${l.kind} ${l.name}` })),
    { code: draft.scripts?.[event] ?? '', label: 'request' },
  ];
  return all.filter((s) => s.code.trim() !== '');
}
