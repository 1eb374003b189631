import { describe, expect, it } from 'vitest';
import { MAX_VARIABLE_DEPTH, substituteVariables } from '../../../src/core/variables/substitute.ts';
import { makeDynamicValues, type DynamicValues } from '../../../src/core/variables/dynamic.ts';

describe('substituteVariables: nested references', () => {
  it('expands a value that uses another variable (baseUrl = http://{{host}}/)', () => {
    expect(substituteVariables('{{baseUrl}}users', { baseUrl: 'http://{{host}}/', host: '127.0.0.1:8080' })).toEqual({
      text: 'http://127.0.0.1:8080/users',
      unresolved: [],
      faults: [],
    });
  });
  it('expands several levels and the same variable many times', () => {
    const vars = { a: '{{b}}-{{b}}', b: '{{c}}{{c}}', c: 'x' };
    expect(substituteVariables('[{{a}}]', vars).text).toBe('[xx-xx]');
  });
  it('a missing nested name is undefined with the chain that led to it', () => {
    expect(substituteVariables('{{baseUrl}}users', { baseUrl: 'http://{{host}}/' })).toEqual({
      text: 'http://{{host}}/users',
      unresolved: ['host'],
      faults: [{ kind: 'undefined', name: 'host', chain: ['baseUrl'] }],
    });
  });
  it('a cycle is a fault naming the cycle, and stops', () => {
    expect(substituteVariables('{{a}}', { a: '1{{b}}', b: '2{{a}}' })).toEqual({
      text: '12{{a}}',
      unresolved: [],
      faults: [{ kind: 'cycle', name: 'a', chain: ['a', 'b', 'a'] }],
    });
    expect(substituteVariables('{{self}}', { self: '<{{self}}>' }).faults).toEqual([
      { kind: 'cycle', name: 'self', chain: ['self', 'self'] },
    ]);
  });
  it('stops after MAX_VARIABLE_DEPTH levels', () => {
    const vars: Record<string, string> = {};
    for (let i = 0; i <= MAX_VARIABLE_DEPTH; i++) vars[`v${i}`] = `{{v${i + 1}}}`;
    vars[`v${MAX_VARIABLE_DEPTH + 1}`] = 'end';
    const r = substituteVariables('{{v0}}', vars);
    expect(MAX_VARIABLE_DEPTH).toBe(10);
    expect(r.text).toBe('{{v10}}');
    expect(r.faults).toEqual([
      { kind: 'too-deep', name: 'v10', chain: ['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10'] },
    ]);
    // Ten levels are fine.
    delete vars.v10;
    vars.v9 = 'ok';
    expect(substituteVariables('{{v0}}', vars)).toEqual({ text: 'ok', unresolved: [], faults: [] });
  });
  it('a {{name}} built by joining two values is a leftover fault, never silent', () => {
    expect(substituteVariables('{{open}}x}}', { open: '{{' })).toEqual({
      text: '{{x}}',
      unresolved: [],
      faults: [{ kind: 'leftover', name: 'x', chain: [] }],
    });
  });
});

describe('dynamic variables', () => {
  const random = Uint8Array.from([
    0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0xff, 0x67, 0xff, 0xab, 0xcd, 0xef, 0x00, 0x11, 0x22, 0x33, 0x03, 0xe8,
  ]);
  const values: DynamicValues = makeDynamicValues(1796278702123, random);

  it('makeDynamicValues: v4 UUID, Unix seconds, ISO 8601 UTC, 0–1000', () => {
    expect(values).toEqual({
      guid: 'deadbeef-0123-4f67-bfab-cdef00112233',
      timestamp: '1796278702',
      isoTimestamp: '2026-12-03T06:18:22.123Z',
      randomInt: '1000',
    });
    expect(makeDynamicValues(0, new Uint8Array(18))).toEqual({
      guid: '00000000-0000-4000-8000-000000000000',
      timestamp: '0',
      isoTimestamp: '1970-01-01T00:00:00.000Z',
      randomInt: '0',
    });
    expect(makeDynamicValues(0, new Uint8Array(18).fill(255)).randomInt).toBe(String(65535 % 1001));
    expect(() => makeDynamicValues(0, new Uint8Array(16))).toThrow(RangeError);
  });
  it('substitutes the given values, also inside other variables', () => {
    expect(
      substituteVariables(
        '{{$guid}} {{ $timestamp }} {{$isoTimestamp}} {{$randomInt}} {{id}}',
        { id: 'r-{{$randomInt}}' },
        values,
      ),
    ).toEqual({
      text: 'deadbeef-0123-4f67-bfab-cdef00112233 1796278702 2026-12-03T06:18:22.123Z 1000 r-1000',
      unresolved: [],
      faults: [],
    });
  });
  it('an unknown $name, or no values given, is undefined', () => {
    expect(substituteVariables('{{$nope}}', {}, values).unresolved).toEqual(['$nope']);
    expect(substituteVariables('{{$guid}}', {}).unresolved).toEqual(['$guid']);
  });
  it('a user variable named $guid does not override the dynamic one', () => {
    expect(substituteVariables('{{$guid}}', { $guid: 'mine' }, values).text).toBe(values.guid);
  });
});
