import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch } from '../../../src/core/ui/fuzzy.ts';

describe('fuzzyMatch', () => {
  it('matches characters in order, case-insensitively, and reports where', () => {
    expect(fuzzyMatch('nr', 'New request')?.indices).toEqual([0, 4]);
    expect(fuzzyMatch('REQ', 'New request')?.indices).toEqual([4, 5, 6]);
  });
  it('returns null when a character is missing or out of order', () => {
    expect(fuzzyMatch('xz', 'New request')).toBeNull();
    expect(fuzzyMatch('rn', 'New r')).toBeNull();
  });
  it('falls back to any in-order match when preferring a word start would fail', () => {
    expect(fuzzyMatch('ra', 'bra r')?.indices).toEqual([1, 2]);
  });
  it('ignores whitespace in the query; an empty query matches with score 0', () => {
    expect(fuzzyMatch('n r', 'New request')?.indices).toEqual([0, 4]);
    expect(fuzzyMatch('  ', 'anything')).toEqual({ score: 0, indices: [] });
  });
  it('scores word starts and contiguous runs above scattered letters', () => {
    const starts = fuzzyMatch('tt', 'Toggle theme')!.score;
    const scattered = fuzzyMatch('tt', 'Attach')!.score;
    expect(starts).toBeGreaterThan(scattered);
  });
});

describe('fuzzyFilter', () => {
  const items = ['Save', 'Share', 'Code', 'Import', 'Toggle theme', 'New request'];
  it('keeps only matches, best first', () => {
    expect(fuzzyFilter(items, 'sh', (s) => s)).toEqual(['Share']);
    // No 'e' starts a word: equal scores, so shorter texts first, then input order.
    expect(fuzzyFilter(items, 'e', (s) => s)).toEqual(['Save', 'Code', 'Share', 'New request', 'Toggle theme']);
    expect(fuzzyFilter(['Attach', 'Toggle theme'], 'th', (s) => s)).toEqual(['Toggle theme', 'Attach']);
  });
  it('keeps the input order for an empty query', () => {
    expect(fuzzyFilter(items, '', (s) => s)).toEqual(items);
  });
});
