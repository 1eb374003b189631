import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../../src/core/ui/tab-keys.ts';

const tabs = [{ id: 'query' }, { id: 'headers' }, { id: 'auth' }, { id: 'body' }];

describe('tabAfterKey', () => {
  it('moves with the arrows and wraps at the ends', () => {
    expect(tabAfterKey(tabs, 'query', 'ArrowRight')?.id).toBe('headers');
    expect(tabAfterKey(tabs, 'body', 'ArrowRight')?.id).toBe('query');
    expect(tabAfterKey(tabs, 'query', 'ArrowLeft')?.id).toBe('body');
  });
  it('goes to the first and last with Home and End', () => {
    expect(tabAfterKey(tabs, 'auth', 'Home')?.id).toBe('query');
    expect(tabAfterKey(tabs, 'headers', 'End')?.id).toBe('body');
  });
  it('ignores other keys and empty lists', () => {
    expect(tabAfterKey(tabs, 'auth', 'ArrowDown')).toBeUndefined();
    expect(tabAfterKey([], 'auth', 'Home')).toBeUndefined();
  });
});
