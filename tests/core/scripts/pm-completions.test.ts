import { expect, test } from 'vitest';
import { pmCompletions } from '../../../src/core/scripts/pm-completions.ts';

test('completions follow the object before the dot', () => {
  expect(pmCompletions('const t = pm.environment.se')?.typed).toBe('se');
  expect(pmCompletions('pm.environment.')?.members.map((m) => m.label)).toEqual([
    'get',
    'set',
    'unset',
    'has',
    'clear',
    'toObject',
    'replaceIn',
  ]);
  expect(pmCompletions('pm.response.')?.members.map((m) => m.label)).toEqual([
    'code',
    'status',
    'headers',
    'responseTime',
    'responseSize',
    'json',
    'text',
    'to',
  ]);
  expect(pmCompletions('pm.iterationData.')?.members.map((m) => m.label)).toEqual([
    'get',
    'has',
    'toObject',
    'replaceIn',
  ]);
  expect(pmCompletions('foo.')).toBeNull();
  expect(pmCompletions('pm.nope.')).toBeNull();
});
