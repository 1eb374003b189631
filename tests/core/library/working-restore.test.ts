import { describe, expect, it } from 'vitest';
import { workingRestore } from '../../../src/core/library/working-restore.ts';

describe('workingRestore', () => {
  const first = { url: 'http://127.0.0.1/example' };
  const stored = { draft: { url: 'http://127.0.0.1/stored' } };

  it('restores the stored draft when the editor still holds the draft of the first render', () => {
    expect(workingRestore(stored, first, first)).toBe('restore');
  });

  it('offers it instead when the person edited the form before the library loaded', () => {
    const typed = { ...first, url: 'http://127.0.0.1/typed' };
    expect(workingRestore(stored, typed, first)).toBe('offer');
  });

  it('counts an edit that produced equal content as an edit (a new draft object)', () => {
    expect(workingRestore(stored, { ...first }, first)).toBe('offer');
  });

  it('does nothing when nothing is stored', () => {
    expect(workingRestore(null, first, first)).toBe('none');
    expect(workingRestore(null, { url: 'x' }, first)).toBe('none');
  });
});
