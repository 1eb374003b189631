import { describe, expect, it } from 'vitest';
import { trapTarget } from '../../../src/core/ui/focus-trap.ts';

describe('trapTarget', () => {
  it('wraps at both ends, brings outside focus in, and leaves the middle to the browser', () => {
    expect(trapTarget(3, 2, false)).toBe(0);
    expect(trapTarget(3, 0, true)).toBe(2);
    expect(trapTarget(3, 1, false)).toBeNull();
    expect(trapTarget(3, 1, true)).toBeNull();
    expect(trapTarget(3, 0, false)).toBeNull();
    expect(trapTarget(3, -1, false)).toBe(0);
    expect(trapTarget(3, -1, true)).toBe(2);
    expect(trapTarget(1, 0, false)).toBe(0);
    expect(trapTarget(0, -1, false)).toBeNull();
  });
});
