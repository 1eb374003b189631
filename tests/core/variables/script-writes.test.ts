import { describe, expect, test } from 'vitest';
import { rowsAfterScript, rowsAsScope } from '../../../src/core/variables/script-writes.ts';
import type { KeyValueRow } from '../../../src/core/model/draft.ts';

const row = (id: string, name: string, value: string, enabled = true): KeyValueRow => ({ id, name, value, enabled });
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('script writes to stored variable rows', () => {
  const rows = [row('a', 'host', 'h1'), row('b', ' token ', 't1'), row('c', 'token', 'off', false), row('d', '', 'x')];

  test('scripts see enabled, named rows only (names trimmed)', () => {
    expect(rowsAsScope(rows)).toEqual({ host: 'h1', token: 't1' });
  });

  test('set updates the row in place, a new name is appended, unset removes; disabled rows stay untouched', () => {
    const before = rowsAsScope(rows);
    const after = { token: 't2', user: 'emma' };
    expect(rowsAfterScript(rows, before, after, ids())).toEqual([
      row('b', ' token ', 't2'),
      row('c', 'token', 'off', false),
      row('d', '', 'x'),
      row('new-1', 'user', 'emma'),
    ]);
  });

  test('two enabled rows of one name: the last (the one {{name}} reads) is updated', () => {
    const dup = [row('a', 'n', '1'), row('b', 'n', '2')];
    expect(rowsAfterScript(dup, rowsAsScope(dup), { n: '3' }, ids())).toEqual([row('a', 'n', '1'), row('b', 'n', '3')]);
  });

  test('no change → null (nothing to store)', () => {
    expect(rowsAfterScript(rows, rowsAsScope(rows), { host: 'h1', token: 't1' }, ids())).toBeNull();
  });
});
