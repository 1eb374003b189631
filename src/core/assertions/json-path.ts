/**
 * A JSONPath subset (RFC 9535 syntax) for assertions and "set variable from": `$`, `.name`,
 * `['name']` / `["name"]`, `[0]`, `[-1]` (from the end), `[*]` / `.*` (every member) and
 * `..name` (descendants). Filters (`?()`) and slices are not supported: they are reported.
 */

export type JsonPathResult = { ok: true; values: unknown[] } | { ok: false; message: string };

type Step =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wild' }
  | { kind: 'desc'; name: string | null };

function parse(path: string): Step[] | string {
  const p = path.trim();
  if (!p.startsWith('$')) return `A JSONPath starts with $ (e.g. $.data.id), got "${path}".`;
  const steps: Step[] = [];
  let i = 1;
  const nameAt = (from: number) => /^[A-Za-z_$][\w$-]*/.exec(p.slice(from))?.[0] ?? null;
  while (i < p.length) {
    if (p.startsWith('..', i)) {
      i += 2;
      if (p[i] === '*') {
        steps.push({ kind: 'desc', name: null });
        i++;
        continue;
      }
      const n = nameAt(i);
      if (n === null) return `Expected a member name after .. at character ${i + 1} of "${path}".`;
      steps.push({ kind: 'desc', name: n });
      i += n.length;
    } else if (p[i] === '.') {
      i++;
      if (p[i] === '*') {
        steps.push({ kind: 'wild' });
        i++;
        continue;
      }
      const n = nameAt(i);
      if (n === null) return `Expected a member name after . at character ${i + 1} of "${path}".`;
      steps.push({ kind: 'name', name: n });
      i += n.length;
    } else if (p[i] === '[') {
      const close = p.indexOf(']', i);
      if (close === -1) return `Missing ] in "${path}".`;
      const inner = p.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === '*') steps.push({ kind: 'wild' });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^'[^']*'$|^"[^"]*"$/.test(inner)) steps.push({ kind: 'name', name: inner.slice(1, -1) });
      else return `Unsupported JSONPath selector [${inner}] in "${path}" (filters and slices are not supported).`;
    } else return `Unexpected "${p[i]}" at character ${i + 1} of "${path}".`;
  }
  return steps;
}

const members = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : typeof v === 'object' && v !== null ? Object.values(v) : [];

function descendants(v: unknown, out: unknown[]): void {
  for (const m of members(v)) {
    out.push(m);
    descendants(m, out);
  }
}

function child(v: unknown, name: string): unknown[] {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, name)
    ? [(v as Record<string, unknown>)[name]]
    : [];
}

/**
 * The values `path` selects in `document` (parsed JSON), in document order.
 * Never throws: a path outside the subset gives `{ ok: false, message }`.
 * Example: `queryJsonPath({a:[{id:1},{id:2}]}, '$.a[*].id')` → `{ ok: true, values: [1, 2] }`.
 */
export function queryJsonPath(document: unknown, path: string): JsonPathResult {
  const steps = parse(path);
  if (typeof steps === 'string') return { ok: false, message: steps };
  let current: unknown[] = [document];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (s.kind === 'name') next.push(...child(v, s.name));
      else if (s.kind === 'wild') next.push(...members(v));
      else if (s.kind === 'index') {
        if (Array.isArray(v)) {
          const i = s.index < 0 ? v.length + s.index : s.index;
          if (i >= 0 && i < v.length) next.push(v[i]);
        }
      } else {
        const all: unknown[] = [v];
        descendants(v, all);
        for (const d of all) next.push(...(s.name === null ? members(d) : child(d, s.name)));
      }
    }
    current = next;
  }
  return { ok: true, values: current };
}
