import { describe, expect, it } from 'vitest';
import { orderAtEnd, orderBetween, placeAt, renumbered, sortSiblings } from '../../../src/core/library/order.ts';

const item = (id: string, name: string, order: number) => ({ id, name, order });

describe('sibling order', () => {
  it('sorts by order, then name case-insensitively, then id', () => {
    const xs = [item('c', 'beta', 0), item('b', 'Alpha', 0), item('a', 'alpha', 0), item('d', 'zed', -1)];
    expect(sortSiblings(xs).map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('appends after the largest order, 0 in an empty list', () => {
    expect(orderAtEnd([])).toBe(0);
    expect(orderAtEnd([{ order: 0 }, { order: 2.5 }, { order: -4 }])).toBe(3.5);
  });

  it('places between neighbours at the midpoint, one past an end', () => {
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(null, 2)).toBe(1);
    expect(orderBetween(3, null)).toBe(4);
    expect(orderBetween(null, null)).toBe(0);
  });

  it('a move writes only the moved record when a number fits', () => {
    const siblings = [item('a', 'A', 0), item('b', 'B', 1), item('c', 'C', 2)];
    expect(placeAt(siblings, 'x', 0)).toEqual([{ id: 'x', order: -1 }]);
    expect(placeAt(siblings, 'x', 2)).toEqual([{ id: 'x', order: 1.5 }]);
    expect(placeAt(siblings, 'x', 3)).toEqual([{ id: 'x', order: 3 }]);
    expect(placeAt(siblings, 'x', 99)).toEqual([{ id: 'x', order: 3 }]);
  });

  it('renumbers the whole list when the neighbours tie (records that loaded with order 0)', () => {
    const siblings = [item('a', 'A', 0), item('b', 'B', 0), item('c', 'C', 0)];
    expect(placeAt(siblings, 'x', 1)).toEqual([
      { id: 'a', order: 0 },
      { id: 'x', order: 1 },
      { id: 'b', order: 2 },
      { id: 'c', order: 3 },
    ]);
    expect(renumbered(['q', 'r'])).toEqual([
      { id: 'q', order: 0 },
      { id: 'r', order: 1 },
    ]);
  });
});
