/**
 * Postman environment and globals files (`{ name, values: [{ key, value, enabled, type }],
 * _postman_variable_scope }`) ↔ the tree's environments. `type: "secret"` marks a secret.
 */
import { asArray, asObject, asText, valueText } from '../rows.ts';
import { Report, joinPath, type ImportResult, type TreeEnvironment } from '../tree.ts';

/** True when `data` looks like a Postman environment or globals export. */
export function isPostmanEnvironment(data: unknown): boolean {
  const o = asObject(data);
  return (
    !!o && Array.isArray(o.values) && (typeof o._postman_variable_scope === 'string' || typeof o.name === 'string')
  );
}

/**
 * Reads an environment or globals file into a collection holding only that environment.
 * Never throws; `{ ok: false }` when it is not one.
 */
export function importPostmanEnvironment(data: unknown): ImportResult {
  if (!isPostmanEnvironment(data))
    return { ok: false, message: 'This JSON is not a Postman environment or globals file.' };
  const o = asObject(data)!;
  const scope = asText(o._postman_variable_scope);
  const name = asText(o.name) || (scope === 'globals' ? 'Globals' : 'Environment');
  const report = new Report();
  const env: TreeEnvironment = {
    name,
    variables: asArray(o.values).flatMap((v) => {
      const r = asObject(v);
      if (!r || asText(r.key) === '') return [];
      return [
        { name: asText(r.key), value: valueText(r.value), enabled: r.enabled !== false, secret: r.type === 'secret' },
      ];
    }),
  };
  report.imported(
    joinPath([name]),
    `Environment with ${env.variables.length} variable${env.variables.length === 1 ? '' : 's'}.`,
  );
  return {
    ok: true,
    format: 'postman-environment',
    collection: {
      name,
      description: '',
      defaults: { headers: [], auth: null, variables: [], scripts: { preRequest: '', postResponse: '' } },
      items: [],
      environments: [env],
    },
    report: report.items,
  };
}

/** One environment → Postman environment JSON text (what Postman's "Export" writes). */
export function exportPostmanEnvironment(env: TreeEnvironment): string {
  return JSON.stringify(
    {
      name: env.name,
      values: env.variables.map((v) => ({
        key: v.name,
        value: v.value,
        type: v.secret ? 'secret' : 'default',
        enabled: v.enabled,
      })),
      _postman_variable_scope: 'environment',
    },
    null,
    2,
  );
}
