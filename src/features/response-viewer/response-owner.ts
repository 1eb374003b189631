/** Whether the response on screen answers the request on screen (issue 10 point 6), in words. */
import type { EffectiveRequest } from '../../core/resolve/types.ts';

/**
 * `null` when the response shown belongs to the request on screen; otherwise the label
 * that says whose it is: `Last response of GET http://h/a — …`, with the reason:
 * - `generation` differs from `sent.generation`: another request was opened since;
 * - `notSentSince`: a Send of the request on screen was refused (its problems are listed).
 * `sent === null` (nothing sent yet) → `null`.
 */
export function responseOwnerNote(
  sent: { request: Pick<EffectiveRequest, 'method' | 'url'>; generation: number } | null,
  generation: number,
  notSentSince: boolean,
): string | null {
  if (sent === null) return null;
  const of = `Last response of ${sent.request.method} ${sent.request.url}`;
  if (sent.generation !== generation) return `${of} — another request has been opened since. Send to get its response.`;
  if (notSentSince) return `${of} — the request on screen was not sent: see the problems next to Send.`;
  return null;
}
