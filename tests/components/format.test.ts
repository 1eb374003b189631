import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs } from '../../src/components/format.ts';

describe('formatBytes', () => {
  it('is exact below 10 KiB and binary units above', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(10239)).toBe('10,239 B');
    expect(formatBytes(10240)).toBe('10.0 KB');
    expect(formatBytes(17 * 1024 * 1024)).toBe('17.0 MB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
  });
});

describe('formatMs', () => {
  it('always shows whole milliseconds', () => {
    expect(formatMs(0.4)).toBe('0 ms');
    expect(formatMs(1240.6)).toBe('1,241 ms');
  });
});
