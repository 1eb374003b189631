import { describe, expect, it } from 'vitest';
import { compareBodies, diffJson } from '../../../src/core/json/json-diff.ts';

describe('diffJson', () => {
  it('reports changed, added and removed values with normalized JSONPath paths, in document order', () => {
    const before = { id: 7, user: { name: 'Emma', tags: ['a', 'b', 'c'] }, gone: true, same: [1, { x: null }] };
    const after = { id: 8, user: { name: 'Emma', tags: ['a', 'B'], age: 28 }, same: [1, { x: null }], added: {} };
    expect(diffJson(before, after)).toEqual([
      { kind: 'changed', path: "$['id']", before: 7, after: 8 },
      { kind: 'changed', path: "$['user']['tags'][1]", before: 'b', after: 'B' },
      { kind: 'removed', path: "$['user']['tags'][2]", before: 'c' },
      { kind: 'added', path: "$['user']['age']", after: 28 },
      { kind: 'removed', path: "$['gone']", before: true },
      { kind: 'added', path: "$['added']", after: {} },
    ]);
  });

  it('a change of type is one change at that path', () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { kind: 'changed', path: "$['a']", before: [1], after: { 0: 1 } },
    ]);
    expect(diffJson(null, 0)).toEqual([{ kind: 'changed', path: '$', before: null, after: 0 }]);
    expect(diffJson('1', 1)).toEqual([{ kind: 'changed', path: '$', before: '1', after: 1 }]);
  });

  it('equal documents give no change; key order does not matter', () => {
    expect(diffJson({ a: 1, b: [true, 'x'] }, { b: [true, 'x'], a: 1 })).toEqual([]);
  });

  it('escapes quotes, backslashes and control characters in keys (RFC 9535 §2.7)', () => {
    expect(diffJson({ "it's\\\n": 1 }, {})).toEqual([{ kind: 'removed', path: "$['it\\'s\\\\\\n']", before: 1 }]);
  });

  it('handles deep nesting without recursion', () => {
    let a: unknown = 1;
    let b: unknown = 2;
    for (let i = 0; i < 20000; i++) {
      a = [a];
      b = [b];
    }
    const [change] = diffJson(a, b);
    expect(change?.kind).toBe('changed');
    expect(change?.path).toBe(`$${'[0]'.repeat(20000)}`);
  });
});

describe('compareBodies', () => {
  it('diffs JSON bodies and compares other text for equality', () => {
    expect(compareBodies('{"a":1}', '{ "a": 2 }')).toEqual({
      kind: 'json',
      changes: [{ kind: 'changed', path: "$['a']", before: 1, after: 2 }],
    });
    expect(compareBodies('<a/>', '<a/>')).toEqual({ kind: 'text', equal: true });
    expect(compareBodies('{"a":1}', 'oops')).toEqual({ kind: 'text', equal: false });
  });
});
