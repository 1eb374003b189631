import { describe, expect, it } from 'vitest';
import { libraryNeededBeforeRender } from '../../src/app/startup.ts';

/** An in-memory Storage with the given keys (values are irrelevant here). */
function storage(entries: Record<string, string>) {
  const keys = Object.keys(entries);
  return { length: keys.length, key: (i: number) => keys[i] ?? null, getItem: (k: string) => entries[k] ?? null };
}
const throwing = {
  get length(): number {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  key: () => null,
  getItem: (): string | null => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

describe('libraryNeededBeforeRender', () => {
  it('renders at once on a first visit: nothing stored, no share link', () => {
    expect(libraryNeededBeforeRender(storage({}), storage({}), '')).toBe(false);
    // Other apps' keys and Parley's small zustand settings do not need the library.
    expect(libraryNeededBeforeRender(storage({ other: '1', 'parley.settings': '{}' }), storage({}), '#top')).toBe(
      false,
    );
  });
  it('waits for the library when there is something to restore or a share link to open', () => {
    expect(libraryNeededBeforeRender(storage({ 'parley:v1:request:abc': '{}' }), storage({}), '')).toBe(true);
    expect(libraryNeededBeforeRender(storage({ 'parley:v1:working': '{}' }), null, '')).toBe(true);
    expect(libraryNeededBeforeRender(storage({}), storage({ 'parley:v1:working': '{}' }), '')).toBe(true);
    expect(libraryNeededBeforeRender(null, null, '#r=1.abc')).toBe(true);
    expect(libraryNeededBeforeRender(null, null, 'r=1.abc')).toBe(true);
  });
  it('treats storage that throws (cookies blocked) as empty', () => {
    expect(libraryNeededBeforeRender(throwing, throwing, '')).toBe(false);
    expect(libraryNeededBeforeRender(null, null, '')).toBe(false);
  });
});
