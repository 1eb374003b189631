/**
 * Local JSON references (`{ "$ref": "#/components/schemas/User" }`, RFC 6901 pointers) of an
 * OpenAPI/Swagger document, resolved on demand. References to other files (`common.yaml#/…`)
 * are resolved from `documents` when the caller supplied them, else reported once each.
 */
import { asObject } from '../rows.ts';

export class RefResolver {
  /** External references that could not be followed, in order of first use. */
  readonly missing: string[] = [];

  constructor(
    private readonly root: unknown,
    private readonly documents: Readonly<Record<string, unknown>> = {},
  ) {}

  /** The value at a JSON pointer (`/components/schemas/User`) of `doc`, or `undefined`. */
  static pointer(doc: unknown, pointer: string): unknown {
    if (pointer === '' || pointer === '/') return doc;
    let cur: unknown = doc;
    for (const raw of pointer.replace(/^\//, '').split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(cur)) cur = cur[Number(key)];
      else cur = asObject(cur)?.[key];
      if (cur === undefined) return undefined;
    }
    return cur;
  }

  /**
   * `value` with its `$ref` chain followed (at most 32 hops; a cycle or a missing target gives
   * `undefined`). Sibling keys of a `$ref` (OpenAPI 3.1 `summary`/`description`) win over the target's.
   */
  deref(value: unknown): unknown {
    let cur = value;
    for (let hops = 0; hops < 32; hops++) {
      const o = asObject(cur);
      if (!o || typeof o.$ref !== 'string') return cur;
      const ref = o.$ref;
      const hash = ref.indexOf('#');
      const file = hash === -1 ? ref : ref.slice(0, hash);
      const pointer = hash === -1 ? '' : ref.slice(hash + 1);
      const doc = file === '' ? this.root : this.documents[file];
      if (doc === undefined) {
        if (!this.missing.includes(ref)) this.missing.push(ref);
        return undefined;
      }
      const target = RefResolver.pointer(doc, pointer);
      const { $ref: _ref, ...siblings } = o;
      const t = asObject(target);
      cur = t && Object.keys(siblings).length ? { ...t, ...siblings, ...(t.$ref ? { $ref: t.$ref } : {}) } : target;
    }
    return undefined;
  }
}
