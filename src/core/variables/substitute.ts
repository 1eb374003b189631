/**
 * `{{name}}` variables (Postman / Hoppscotch syntax). Substitution is one pass: a value
 * that itself contains `{{x}}` is inserted literally, never expanded again (no loops).
 */
import type { Environment } from '../model/variables.ts';

/** `{{ name }}`: a name is any run of characters other than braces; spaces around it are ignored. */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Replaces every `{{name}}` in `text` with `vars[name]` (exact, case-sensitive names).
 * Returns `{ text, unresolved }`: `unresolved` lists, once each and in order, the names
 * used but not defined in `vars`; their `{{name}}` is left in `text` so the caller can
 * show it — the caller must not send it (resolveRequest reports an error).
 * `{{}}` (empty name) is reported as unresolved `''`. Never throws.
 * Example: `substituteVariables('{{host}}/a', { host: 'http://h' })` → `{ text: 'http://h/a', unresolved: [] }`.
 */
export function substituteVariables(
  text: string,
  vars: Record<string, string>,
): { text: string; unresolved: string[] } {
  if (!text.includes('{{')) return { text, unresolved: [] };
  const unresolved: string[] = [];
  const out = text.replace(VARIABLE, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(vars, name)) return vars[name] as string;
    if (!unresolved.includes(name)) unresolved.push(name);
    return whole;
  });
  return { text: out, unresolved };
}

/**
 * Names of the `{{variables}}` used in `text`, once each, in order (for highlighting).
 * Never throws.
 */
export function variableNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    const name = m[1] as string;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The variables in force: the enabled variables with a non-empty name of the environment
 * whose id is `activeId`, as `{ name: value }`. When a name is defined twice, the later
 * row wins (as in a table read top to bottom). No active environment (`null`, or an id
 * not found) → `{}`. Never throws.
 */
export function activeVariables(
  environments: readonly Environment[],
  activeId: string | null | undefined,
): Record<string, string> {
  const vars: Record<string, string> = Object.create(null) as Record<string, string>;
  const env = environments.find((e) => e.id === activeId);
  if (!env) return vars;
  for (const v of env.variables) {
    if (v.enabled && v.name.trim() !== '') vars[v.name.trim()] = v.value;
  }
  return vars;
}
