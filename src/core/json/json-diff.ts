/**
 * A JSON-aware, path-based diff of two JSON documents (issue 13: "compare with previous
 * response"). Objects are compared key by key (order ignored, as RFC 8259 §4 makes it
 * insignificant), arrays index by index; each difference is reported once, at the deepest
 * path where the two sides still have the same shape. Paths use JSONPath's normalized form
 * (RFC 9535 §2.7): `$['user']['tags'][0]`.
 *
 * Values come from `JSON.parse`, so numbers are compared as IEEE doubles: two spellings of one
 * double (`1.0` and `1`, or integers past 2^53 that round alike) count as the same.
 */

export type JsonChange =
  | { kind: 'added'; path: string; after: unknown }
  | { kind: 'removed'; path: string; before: unknown }
  | { kind: 'changed'; path: string; before: unknown; after: unknown };

const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

/** One path segment in RFC 9535 normalized form: `[0]`, `['name']` (`'`, `\` and control characters escaped). */
function segment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  let escaped = '';
  for (const ch of key) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || ch === "'") escaped += `\\${ch}`;
    else if (code < 0x20) escaped += SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += ch;
  }
  return `['${escaped}']`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The differences from `before` to `after`, in document order (keys of `before` first, then
 * keys only `after` has). Empty when they are equal. Iterative, so deep documents do not
 * overflow the stack. Example: `diffJson({a: 1, b: [1]}, {a: 2, b: [1, 2]})` →
 * `[{kind: 'changed', path: "$['a']", before: 1, after: 2}, {kind: 'added', path: "$['b'][1]", after: 2}]`.
 */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  type Item = { pair: { path: string; a: unknown; b: unknown } } | { change: JsonChange };
  const out: JsonChange[] = [];
  const stack: Item[] = [{ pair: { path: '$', a: before, b: after } }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('change' in item) {
      out.push(item.change);
      continue;
    }
    const { path, a, b } = item.pair;
    const children: Item[] = [];
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const p = path + segment(i);
        if (i >= b.length) children.push({ change: { kind: 'removed', path: p, before: a[i] } });
        else if (i >= a.length) children.push({ change: { kind: 'added', path: p, after: b[i] } });
        else children.push({ pair: { path: p, a: a[i], b: b[i] } });
      }
    } else if (isObject(a) && isObject(b)) {
      for (const k of Object.keys(a)) {
        const p = path + segment(k);
        if (Object.hasOwn(b, k)) children.push({ pair: { path: p, a: a[k], b: b[k] } });
        else children.push({ change: { kind: 'removed', path: p, before: a[k] } });
      }
      for (const k of Object.keys(b))
        if (!Object.hasOwn(a, k)) children.push({ change: { kind: 'added', path: path + segment(k), after: b[k] } });
    } else if (a !== b) {
      out.push({ kind: 'changed', path, before: a, after: b });
    }
    // Reversed onto the stack, so they come off in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** The outcome of comparing two response bodies. */
export type BodyComparison =
  | { kind: 'json'; changes: JsonChange[] }
  /** At least one side is not JSON: only whether the texts are equal. */
  | { kind: 'text'; equal: boolean };

/**
 * Compares two response bodies given as text: a JSON diff when both parse as JSON (RFC 8259),
 * else plain equality of the texts.
 */
export function compareBodies(before: string, after: string): BodyComparison {
  try {
    return { kind: 'json', changes: diffJson(JSON.parse(before), JSON.parse(after)) };
  } catch {
    return { kind: 'text', equal: before === after };
  }
}
