/**
 * The secret detector over a collection's or folder's scope defaults (docs/workspace-model.md):
 * its auth, header fields and variables, with the same rules and keys as a request draft
 * (`auth`, `header:<i>`, `variable:<i>`), so every export (library file, Postman, OpenAPI, HAR,
 * `.http`, Bruno, Insomnia) empties the same items and keeps the same ticked ones.
 * Scope variables have no `secret` flag: they are found by name or value.
 */
import type { ScopeDefaults } from '../library/records.ts';
import { AuthSchema } from '../model/draft.ts';
import { blankDraft } from '../model/defaults.ts';
import { stripDraftSecrets, type SecretFinding } from './detect.ts';

/**
 * Empties the secrets of one scope's defaults except those in `keep`.
 * @param defaults the stored defaults; not modified
 * @param keep detector keys (without the record prefix) the person chose to keep
 * @returns the defaults to write (auth `null` stays `null`, scripts unchanged) and every finding,
 *   kept or not, in the detector's order (auth, header fields, variables); never throws
 */
export function stripScopeSecrets(
  defaults: ScopeDefaults,
  keep: ReadonlySet<string> = new Set(),
): { defaults: ScopeDefaults; findings: SecretFinding[] } {
  // AuthSchema reads any stored value (an unreadable one as `none`) and never throws.
  const auth = defaults.auth === null ? null : AuthSchema.parse(defaults.auth);
  const vars = defaults.variables.map((v) => ({ ...v, secret: false }));
  const probe = stripDraftSecrets(
    { ...blankDraft(), headers: defaults.headers, auth: auth ?? { type: 'none' } },
    vars,
    keep,
  );
  if (probe.findings.length === 0) return { defaults, findings: [] };
  const variables = (probe.variables ?? []).map(({ secret: _secret, ...v }) => v);
  return {
    defaults: {
      ...defaults,
      headers: probe.draft.headers,
      auth: auth === null ? null : probe.draft.auth,
      variables,
    },
    findings: probe.findings,
  };
}
