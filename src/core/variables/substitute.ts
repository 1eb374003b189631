/**
 * `{{name}}` variables (Postman / Hoppscotch syntax). A variable's value may itself use
 * `{{other}}` (`baseUrl = http://{{host}}/`): references are expanded recursively, at most
 * `MAX_VARIABLE_DEPTH` levels deep; a cycle (`a → b → a`) is reported, never looped on.
 * `{{$guid}}`, `{{$timestamp}}`, `{{$isoTimestamp}}` and `{{$randomInt}}` are dynamic
 * variables whose values the caller passes in (see dynamic.ts), so substitution stays pure.
 */
import type { Environment } from '../model/variables.ts';
import type { DynamicValues } from './dynamic.ts';
import { dynamicValue } from './dynamic.ts';

/** `{{ name }}`: a name is any run of characters other than braces; spaces around it are ignored. */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** How many levels of variables inside variables are expanded (a value's `{{x}}` is level 2). */
export const MAX_VARIABLE_DEPTH = 10;

/** What stopped a `{{name}}` from being replaced. `chain` is the path of names from the text to it. */
export type VariableFault =
  /** `name` is not defined; `chain` lists the variables whose values led to it (`['baseUrl']`), `[]` when typed directly. */
  | { kind: 'undefined'; name: string; chain: string[] }
  /** `chain` is the cycle, first name repeated at the end: `['a', 'b', 'a']`. */
  | { kind: 'cycle'; name: string; chain: string[] }
  /** More than MAX_VARIABLE_DEPTH levels: `chain` is the path down to where expansion stopped. */
  | { kind: 'too-deep'; name: string; chain: string[] }
  /** `{{name}}` still in the text after substitution although no reference produced it as a fault (e.g. built by joining two values). */
  | { kind: 'leftover'; name: string; chain: string[] };

/**
 * Replaces every `{{name}}` in `text` with the value of `vars[name]` (exact, case-sensitive
 * names), itself expanded recursively; `{{$guid}}`-style names take their value from
 * `dynamic` (when given; otherwise they are undefined like any other name).
 *
 * Returns `{ text, unresolved, faults }`:
 * - `text`: the substituted text; a `{{name}}` that could not be replaced is left as typed
 *   so the caller can show it — the caller must not send it (resolveRequest reports errors).
 * - `unresolved`: the names used but not defined, once each, in order (also through
 *   other variables' values; `{{}}` is the name `''`).
 * - `faults`: every fault with the chain that led to it (see `VariableFault`), once each;
 *   after expansion the output is scanned again, so no `{{name}}` is ever left without a fault.
 *
 * Never throws. Example: `substituteVariables('{{base}}a', { base: 'http://{{host}}/', host: 'h' })`
 * → `{ text: 'http://h/a', unresolved: [], faults: [] }`.
 */
export function substituteVariables(
  text: string,
  vars: Record<string, string>,
  dynamic?: DynamicValues,
): { text: string; unresolved: string[]; faults: VariableFault[] } {
  if (!text.includes('{{')) return { text, unresolved: [], faults: [] };
  const faults: VariableFault[] = [];
  const seen = new Set<string>();
  const fault = (f: VariableFault) => {
    const key = `${f.kind}\u0000${f.name}\u0000${f.chain.join('\u0000')}`;
    if (!seen.has(key)) {
      seen.add(key);
      faults.push(f);
    }
  };
  // Fully expanded values of names that expanded without a fault (a value used twice is expanded once).
  const done = new Map<string, string>();

  const expand = (input: string, chain: string[]): { out: string; clean: boolean } => {
    let clean = true;
    const out = input.replace(VARIABLE, (whole, name: string) => {
      const dyn = dynamic !== undefined ? dynamicValue(dynamic, name) : undefined;
      if (dyn !== undefined) return dyn;
      if (!Object.prototype.hasOwnProperty.call(vars, name)) {
        fault({ kind: 'undefined', name, chain });
        clean = false;
        return whole;
      }
      const cached = done.get(name);
      if (cached !== undefined) return cached;
      if (chain.includes(name)) {
        fault({ kind: 'cycle', name, chain: [...chain.slice(chain.indexOf(name)), name] });
        clean = false;
        return whole;
      }
      if (chain.length >= MAX_VARIABLE_DEPTH) {
        fault({ kind: 'too-deep', name, chain: [...chain, name] });
        clean = false;
        return whole;
      }
      const inner = expand(vars[name] as string, [...chain, name]);
      if (inner.clean) done.set(name, inner.out);
      else clean = false;
      return inner.out;
    });
    return { out, clean };
  };

  const { out } = expand(text, []);
  const reported = new Set(faults.map((f) => f.name));
  for (const name of variableNames(out)) {
    if (!reported.has(name)) fault({ kind: 'leftover', name, chain: [] });
  }
  const unresolved: string[] = [];
  for (const f of faults) if (f.kind === 'undefined' && !unresolved.includes(f.name)) unresolved.push(f.name);
  return { text: out, unresolved, faults };
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
