/**
 * Variables from an environment file given to the runner (`--env`, `--globals`): a Postman
 * environment/globals export (`{ "values": [{ "key", "value", "enabled" }] }`), a Parley
 * environment (`{ "variables": [{ "name", "value", "enabled" }] }`) or a plain JSON object
 * of names to values. Disabled entries are left out; values become text.
 */
export type EnvironmentFileResult = { ok: true; variables: Record<string, string> } | { ok: false; message: string };

const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

/** Parses an environment file's text. Never throws. */
export function parseEnvironmentFile(source: string): EnvironmentFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: `The environment file is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: 'The environment file must be a JSON object.' };
  const o = raw as Record<string, unknown>;
  const rows = Array.isArray(o.values) ? o.values : Array.isArray(o.variables) ? o.variables : null;
  const variables: Record<string, string> = {};
  if (rows === null) {
    for (const [k, v] of Object.entries(o)) variables[k] = text(v);
    return { ok: true, variables };
  }
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const name = text(r.key ?? r.name).trim();
    if (name !== '' && r.enabled !== false) variables[name] = text(r.value);
  }
  return { ok: true, variables };
}
