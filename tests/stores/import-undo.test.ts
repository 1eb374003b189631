/** Issue 10 point 10 follow-up: Undo after a cURL import brings back everything the import changed. */
import { beforeEach, describe, expect, it } from 'vitest';
import { curlPasted } from '../../src/features/import/import-store.ts';
import { undoClicked, useLibraryStore } from '../../src/stores/library-store.ts';
import { draftReplaced, getDraft } from '../../src/stores/request-store.ts';
import { followRedirectsSet, getFollowRedirects } from '../../src/stores/settings-store.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import { newTabClicked } from '../../src/stores/tabs-store.ts';

const before = { ...blankDraft(), method: 'PUT', url: 'http://before.test/kept' };

beforeEach(() => {
  // An import fills an unused tab (one it filled is used: the next import gets a new tab, issue 13).
  newTabClicked();
  draftReplaced(structuredClone(before));
});

const urlAndMethod = () => [getDraft().method, getDraft().url];

describe('Undo after a cURL import', () => {
  it('turns Follow redirects off again when -L turned it on', async () => {
    followRedirectsSet(false);
    expect(await curlPasted("curl -L -X POST 'http://import.test/after'")).toBe(true);
    expect([...urlAndMethod(), getFollowRedirects()]).toEqual(['POST', 'http://import.test/after', true]);
    expect(useLibraryStore.getState().toast?.text).toBe('Imported the cURL command');
    undoClicked();
    expect([...urlAndMethod(), getFollowRedirects()]).toEqual(['PUT', 'http://before.test/kept', false]);
    expect(useLibraryStore.getState().toast).toBeNull();
  });

  it('leaves Follow redirects on when it was already on before an import with -L', async () => {
    followRedirectsSet(true);
    expect(await curlPasted("curl --location 'http://import.test/after'")).toBe(true);
    expect(getFollowRedirects()).toBe(true);
    undoClicked();
    expect([...urlAndMethod(), getFollowRedirects()]).toEqual(['PUT', 'http://before.test/kept', true]);
  });

  it('does not touch Follow redirects for an import without -L, nor on its Undo', async () => {
    followRedirectsSet(true);
    expect(await curlPasted("curl 'http://import.test/after'")).toBe(true);
    expect([...urlAndMethod(), getFollowRedirects()]).toEqual(['GET', 'http://import.test/after', true]);
    followRedirectsSet(false);
    undoClicked();
    // The user's own change after the import is not an import change: Undo keeps it.
    expect([...urlAndMethod(), getFollowRedirects()]).toEqual(['PUT', 'http://before.test/kept', false]);
  });
});
