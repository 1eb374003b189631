import { describe, expect, it } from 'vitest';
import { effectiveTransport, getTransportKind, transportChosen } from '../../src/stores/settings-store.ts';

describe('transport setting', () => {
  it('defaults to the proxy when the page has a token, and is direct without one', () => {
    expect(effectiveTransport(null, true)).toBe('proxy');
    expect(effectiveTransport('direct', true)).toBe('direct');
    expect(effectiveTransport('proxy', false)).toBe('direct');
  });
  it('is direct in Node, where no page delivered a proxy token, whatever is chosen', () => {
    transportChosen('proxy');
    expect(getTransportKind()).toBe('direct');
  });
});
