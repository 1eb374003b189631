import { describe, expect, it } from 'vitest';
import { encodePathSegment, pathVariableNames, substitutePathVariables } from '../../../src/core/url/path-variables.ts';

describe('pathVariableNames', () => {
  it('finds whole ":name" segments of the path, in order, once each', () => {
    expect(pathVariableNames('http://h:8080/users/:id/posts/:post_id/:id')).toEqual(['id', 'post_id']);
  });
  it('ignores the port, colons inside a segment, the query and the fragment', () => {
    expect(pathVariableNames('http://h:8080/v1/items:batchGet/a:b?x=:q#:f')).toEqual([]);
    expect(pathVariableNames('http://h/:')).toEqual([]);
  });
  it('works on a URL that is still a variable', () => {
    expect(pathVariableNames('{{base}}/users/:id')).toEqual(['id']);
  });
});

describe('encodePathSegment', () => {
  it('encodes so the value stays one segment', () => {
    expect(encodePathSegment('a/b?c#d e')).toBe('a%2Fb%3Fc%23d%20e');
    expect(encodePathSegment('Zürich')).toBe('Z%C3%BCrich');
    expect(encodePathSegment("a:b@c!$&'()*+,;=-._~")).toBe("a:b@c!$&'()*+,;=-._~");
    expect(encodePathSegment('100%')).toBe('100%25');
    expect(encodePathSegment('%2F')).toBe('%2F');
  });
});

describe('substitutePathVariables', () => {
  it('puts each encoded value in place of its ":name" segment', () => {
    expect(substitutePathVariables('http://h/users/:id/files/:name?x=:id', { id: '42', name: 'a b/c' })).toEqual({
      url: 'http://h/users/42/files/a%20b%2Fc?x=:id',
      missing: [],
    });
  });
  it('reports variables without a value and leaves them as typed', () => {
    expect(substitutePathVariables('http://h/users/:id/:other', { id: '' })).toEqual({
      url: 'http://h/users/:id/:other',
      missing: ['id', 'other'],
    });
  });
});
