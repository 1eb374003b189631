import { createElement, Fragment } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

// Count the real resolver's calls: many views call useResolved() in one render.
const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/core/resolve/resolve-request.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/resolve/resolve-request.ts')>();
  return {
    ...actual,
    resolveRequest: (...args: Parameters<typeof actual.resolveRequest>) => {
      calls.count += 1;
      return actual.resolveRequest(...args);
    },
  };
});

const { useResolved } = await import('../../src/stores/request-derived.ts');

function View({ name }: { name: string }) {
  const resolved = useResolved();
  return createElement('p', null, `${name}: ${resolved.request?.method ?? 'none'} ${resolved.request?.url ?? ''}`);
}

describe('useResolved', () => {
  it('resolves the draft once for all the views of a render, and not again for the same draft', () => {
    const tree = createElement(
      Fragment,
      null,
      createElement(View, { name: 'a' }),
      createElement(View, { name: 'b' }),
      createElement(View, { name: 'c' }),
    );
    const first = renderToString(tree);
    expect(calls.count).toBe(1);
    const second = renderToString(tree);
    expect(calls.count).toBe(1);
    expect(second).toBe(first);
    expect(first.split('<p>').length - 1).toBe(3);
  });
});
