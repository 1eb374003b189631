/** Issue 10 point 6: the response on screen always belongs to the request on screen. */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../server/helpers.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import { draftReplaced, getDraftGeneration, urlEdited } from '../../src/stores/request-store.ts';
import { getResponseState, sendClicked } from '../../src/stores/response-store.ts';
import { responseOwnerNote } from '../../src/features/response-viewer/response-owner.ts';

const live = useTestServer();

describe('responseOwnerNote', () => {
  const sent = { request: { method: 'GET', url: 'http://h.test/a' }, generation: 3 };
  it('says nothing while the response answers the request on screen', () => {
    expect(responseOwnerNote(null, 0, false)).toBeNull();
    expect(responseOwnerNote(sent, 3, false)).toBeNull();
  });
  it('labels the response of another request, or of a request whose Send was refused', () => {
    expect(responseOwnerNote(sent, 4, false)).toBe(
      'Last response of GET http://h.test/a — another request has been opened since. Send to get its response.',
    );
    expect(responseOwnerNote(sent, 3, true)).toBe(
      'Last response of GET http://h.test/a — the request on screen was not sent: see the problems next to Send.',
    );
  });
});

describe('response store: owner of the response', () => {
  it('opening another request changes the generation; edits do not', async () => {
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/first` });
    await sendClicked();
    const s = getResponseState();
    expect([s.phase, s.sent?.generation, s.notSentSince]).toEqual(['done', getDraftGeneration(), false]);
    urlEdited(`${live.server.url}/echo/edited`);
    expect(responseOwnerNote(s.sent, getDraftGeneration(), s.notSentSince)).toBeNull();
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/second` });
    expect(responseOwnerNote(getResponseState().sent, getDraftGeneration(), false)).toBe(
      `Last response of GET ${live.server.url}/echo/first — another request has been opened since. Send to get its response.`,
    );
  });

  it('a refused Send marks the response shown as an earlier request’s; the next Send clears it', async () => {
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/ok` });
    await sendClicked();
    urlEdited('{{nope}}/x');
    await sendClicked();
    expect(getResponseState().notSentSince).toBe(true);
    expect(getResponseState().response?.status).toBe(200);
    urlEdited(`${live.server.url}/echo/ok2`);
    await sendClicked();
    expect([getResponseState().notSentSince, getResponseState().sent?.request.url]).toEqual([
      false,
      `${live.server.url}/echo/ok2`,
    ]);
  });
});
