/**
 * Taking secrets out of a request draft before it leaves the browser in a share link. The
 * detection itself is the one detector of `core/secrets` (also used by library export); this
 * module adds what is particular to links: files cannot travel in them, and links made before
 * left-out rows were disabled still open with those rows disabled.
 */
import type { RequestDraft } from '../model/draft.ts';
import type { Variable } from '../model/variables.ts';
import { stripDraftSecrets, type OmittedField, type SecretFinding } from '../secrets/detect.ts';

export type { OmittedField, SecretFinding } from '../secrets/detect.ts';
export { isSecretName } from '../secrets/names.ts';

/**
 * Empties every secret value of a draft except those kept (see `core/secrets/detect.ts`).
 * @param draft the request as edited; not modified
 * @param variables variables to share alongside, or `null` to share none
 * @param keep keys of findings the person chose to keep in the link
 * @returns the stripped copies, what was emptied (`omitted`) and every finding with its key.
 *   Never throws.
 */
export function stripSecrets(
  draft: RequestDraft,
  variables: Variable[] | null,
  keep: ReadonlySet<string> = new Set(),
): { draft: RequestDraft; variables: Variable[] | null; omitted: OmittedField[]; findings: SecretFinding[] } {
  return stripDraftSecrets(draft, variables, keep);
}

/**
 * Drops what a link cannot carry: the file behind a multipart file part or a binary body
 * (bytes live outside the draft, in this browser only).
 * @returns a copy without file references, and one {@link OmittedField} per file dropped
 */
export function stripFiles(draft: RequestDraft): { draft: RequestDraft; omitted: OmittedField[] } {
  const omitted: OmittedField[] = [];
  const body = draft.body;
  if (body.mode === 'binary' && body.file) {
    omitted.push({ where: 'body', name: `File ${body.file.fileName || '(binary body)'}` });
    return { draft: { ...draft, body: { mode: 'binary', file: null } }, omitted };
  }
  if (body.mode === 'multipart') {
    const parts = body.parts.map((p) => {
      if (p.kind !== 'file' || !p.file) return p;
      omitted.push({ where: 'body', name: `File ${p.file.fileName || ''} (part ${p.name})`.replace('  ', ' ') });
      return { ...p, file: null };
    });
    return { draft: { ...draft, body: { mode: 'multipart', parts } }, omitted };
  }
  return { draft, omitted };
}

/**
 * Disables the header and query rows a share link left out: rows named in `omitted`
 * (`where` header/query, same name) whose value is empty. For links made before the encoder
 * disabled them itself, so an empty `Cookie: ` or `?sig=` is never sent by accident.
 * @returns a copy of `draft`; rows with a value, or not named in `omitted`, are unchanged
 */
export function disableOmittedRows(draft: RequestDraft, omitted: readonly OmittedField[]): RequestDraft {
  const names = (where: OmittedField['where']) => new Set(omitted.filter((o) => o.where === where).map((o) => o.name));
  const headers = names('header');
  const query = names('query');
  return {
    ...draft,
    headers: draft.headers.map((r) => (r.value === '' && headers.has(r.name) ? { ...r, enabled: false } : r)),
    query: draft.query.map((r) => (r.value === '' && query.has(r.name) ? { ...r, enabled: false } : r)),
  };
}
