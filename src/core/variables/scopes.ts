/**
 * Variable scopes (docs/workspace-model.md): where each `{{name}}` gets its value. Later scopes
 * win: globals < collection < folders (outer → inner) < environment < request — Postman's
 * order, with Parley's request scope (values set for one send) on top.
 */
import type { KeyValueRow } from '../model/draft.ts';
import type { ScopeLayer } from '../library/scope.ts';
import { isSecretName } from '../secrets/names.ts';

/** The scope a value came from: `globals`, `collection Team`, `folder Users`, `environment Staging`, `request`. */
export interface ScopedVariable {
  name: string;
  value: string;
  /** Label of the winning scope. */
  scope: string;
  /** True when the name looks like a secret (core/secrets): show the value masked. */
  secret: boolean;
  /** Labels of the scopes whose value for this name lost, innermost first. */
  overrides: string[];
}

/** The inputs of {@link variableScopes}, each optional. Rows: enabled ones with a non-blank name count. */
export interface VariableScopeInput {
  globals?: readonly KeyValueRow[];
  scopes?: readonly ScopeLayer[];
  /** The active environment's variables by name (`activeVariables()`) and its name. */
  environment?: { name: string; values: Readonly<Record<string, string>> } | null;
  /** Values for this one send (set by a pre-request script), by name. */
  request?: Readonly<Record<string, string>>;
}

/**
 * Every variable in force with its value and the scope it comes from, sorted by name. Within one
 * table the later row wins (read top to bottom). Pure; never throws.
 * @example globals `host=a`, folder Users `host=b` → `[{ name: 'host', value: 'b', scope: 'folder Users', overrides: ['globals'] }]`
 */
export function variableScopes(input: VariableScopeInput): ScopedVariable[] {
  const layers: { label: string; values: [string, string][] }[] = [];
  const rows = (rs: readonly KeyValueRow[]): [string, string][] =>
    rs.filter((r) => r.enabled && r.name.trim() !== '').map((r) => [r.name.trim(), r.value]);
  layers.push({ label: 'globals', values: rows(input.globals ?? []) });
  for (const s of input.scopes ?? []) layers.push({ label: `${s.kind} ${s.name}`, values: rows(s.defaults.variables) });
  if (input.environment)
    layers.push({ label: `environment ${input.environment.name}`, values: Object.entries(input.environment.values) });
  if (input.request) layers.push({ label: 'request', values: Object.entries(input.request) });
  const byName = new Map<string, ScopedVariable>();
  for (const layer of layers) {
    for (const [name, value] of layer.values) {
      const before = byName.get(name);
      const overrides = before
        ? before.scope === layer.label
          ? before.overrides
          : [before.scope, ...before.overrides]
        : [];
      byName.set(name, { name, value, scope: layer.label, secret: isSecretName(name), overrides });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** {@link variableScopes} as the `{ name: value }` map `resolveRequest` substitutes from. */
export function scopedValues(vars: readonly ScopedVariable[]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const v of vars) out[v.name] = v.value;
  return out;
}
