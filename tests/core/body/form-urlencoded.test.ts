import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formUrlencodeComponent, serializeFormUrlencoded } from '../../../src/core/body/form-urlencoded.ts';

describe('application/x-www-form-urlencoded', () => {
  it('encodes UTF-8 (issue 3: q=테스트)', () => {
    expect(serializeFormUrlencoded([['q', '테스트']])).toBe('q=%ED%85%8C%EC%8A%A4%ED%8A%B8');
  });
  it('writes space as "+" and encodes "+", "%", "&", "=" (values are data)', () => {
    expect(
      serializeFormUrlencoded([
        ['a b', '1+1=2 & 100%'],
        ['x', ''],
      ]),
    ).toBe('a+b=1%2B1%3D2+%26+100%25&x=');
    expect(formUrlencodeComponent("*-._~!'()")).toBe('*-._%7E%21%27%28%29');
  });
  it('matches URLSearchParams (the WHATWG serializer) for any pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }))), (pairs) => {
        expect(serializeFormUrlencoded(pairs)).toBe(new URLSearchParams(pairs).toString());
      }),
    );
  });
});
