import { describe, expect, it } from 'vitest';
import { loadRunsKey, parseSavedRuns, withRun } from '../../../src/core/load/saved-runs.ts';
import type { LoadSnapshot } from '../../../src/core/load/wire.ts';

const run = (id: string) => ({ id }) as LoadSnapshot;

describe('saved load-test runs', () => {
  it('keys by saved id, else method and URL', () => {
    expect(loadRunsKey('r1', 'GET', 'http://x/')).toBe('parley.loadRuns.v1:r1');
    expect(loadRunsKey(null, 'GET', 'http://x/')).toBe('parley.loadRuns.v1:GET http://x/');
  });

  it('newest first, the oldest dropped beyond the limit, same id replaced', () => {
    expect(withRun([run('b'), run('a')], run('c'), 2).map((r) => r.id)).toEqual(['c', 'b']);
    expect(withRun([run('b'), run('a')], run('a')).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('unreadable or other-version records give no runs', () => {
    expect(parseSavedRuns(null)).toEqual([]);
    expect(parseSavedRuns('{')).toEqual([]);
    expect(parseSavedRuns('{"v":2,"runs":[{"id":"a"}]}')).toEqual([]);
    expect(parseSavedRuns('{"v":1,"runs":[{"id":"a"}]}')).toEqual([{ id: 'a' }]);
  });
});
