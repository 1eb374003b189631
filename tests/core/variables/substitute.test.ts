import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../src/core/model/variables.ts';
import { activeVariables, substituteVariables, variableNames } from '../../../src/core/variables/substitute.ts';

describe('substituteVariables', () => {
  it('replaces every {{name}}, spaces around the name allowed', () => {
    expect(substituteVariables('{{base}}/u/{{ id }}?t={{id}}', { base: 'http://h', id: '7' })).toEqual({
      text: 'http://h/u/7?t=7',
      unresolved: [],
      faults: [],
    });
  });
  it('lists unresolved names once, in order, and leaves them in the text', () => {
    expect(substituteVariables('{{a}} {{b}} {{a}} {{c}}', { c: 'C' })).toEqual({
      text: '{{a}} {{b}} {{a}} C',
      unresolved: ['a', 'b'],
      faults: [
        { kind: 'undefined', name: 'a', chain: [] },
        { kind: 'undefined', name: 'b', chain: [] },
      ],
    });
  });
  it('is case-sensitive', () => {
    expect(substituteVariables('{{Token}}', { token: 'x' }).unresolved).toEqual(['Token']);
  });
  it('inserts values literally ($ patterns are not special)', () => {
    expect(substituteVariables('{{a}}', { a: "$& $' $1" }).text).toBe("$& $' $1");
  });
  it('does not see inherited object properties as variables', () => {
    expect(substituteVariables('{{constructor}}', {}).unresolved).toEqual(['constructor']);
  });
  it('leaves text without variables alone', () => {
    expect(substituteVariables('{ "a": {"b": 1} }', {})).toEqual({
      text: '{ "a": {"b": 1} }',
      unresolved: [],
      faults: [],
    });
  });
});

describe('variableNames', () => {
  it('lists used names', () => {
    expect(variableNames('{{a}}/{{ b }}/{{a}}')).toEqual(['a', 'b']);
  });
});

describe('activeVariables', () => {
  const envs: Environment[] = [
    {
      v: 1,
      id: 'dev',
      name: 'Dev',
      variables: [
        { id: '1', name: 'host', value: 'http://127.0.0.1:8080', enabled: true, secret: false },
        { id: '2', name: 'token', value: 'old', enabled: true, secret: true },
        { id: '3', name: 'off', value: 'x', enabled: false, secret: false },
        { id: '4', name: 'token', value: 'new', enabled: true, secret: true },
        { id: '5', name: '  ', value: 'blank', enabled: true, secret: false },
      ],
    },
    {
      v: 1,
      id: 'prod',
      name: 'Prod',
      variables: [{ id: '6', name: 'host', value: 'https://api', enabled: true, secret: false }],
    },
  ];
  it('gives the enabled variables of the active environment, later rows winning', () => {
    expect({ ...activeVariables(envs, 'dev') }).toEqual({ host: 'http://127.0.0.1:8080', token: 'new' });
    expect({ ...activeVariables(envs, 'prod') }).toEqual({ host: 'https://api' });
  });
  it('gives no variables without an active environment', () => {
    expect({ ...activeVariables(envs, null) }).toEqual({});
    expect({ ...activeVariables(envs, 'gone') }).toEqual({});
  });
});
