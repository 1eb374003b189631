/** sendClicked end to end in Node: no proxy token here, so the direct transport and the real echo live.server. */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../server/helpers.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { draftReplaced } from '../../src/stores/request-store.ts';
import { CANCELLED_DURING_CONTENT } from '../../src/services/transport.ts';
import { blockedMessageDismissed, cancelClicked, getResponseState, sendClicked, subscribeToResponseState, type ResponseState } from '../../src/stores/response-store.ts';

/** Resolves with the first state that satisfies `test` (checked now and after every change). */
function stateWhere(test: (s: Readonly<ResponseState>) => boolean): Promise<Readonly<ResponseState>> {
  return new Promise((resolve) => {
    if (test(getResponseState())) return resolve(getResponseState());
    const stop = subscribeToResponseState((s) => {
      if (!test(s)) return;
      stop();
      resolve(s);
    });
  });
}

const live = useTestServer();

describe('sendClicked', () => {
  it('builds the request once, keeps the sent snapshot and records the response', async () => {
    draftReplaced({ ...blankDraft(), method: 'POST', url: `${live.server.url}/echo/s`, body: { mode: 'text', text: 'Zoë' } });
    await sendClicked();
    const s = getResponseState();
    expect(s.phase).toBe('done');
    expect(s.sent?.via).toBe('direct');
    expect(s.sent?.request.url).toBe(`${live.server.url}/echo/s`);
    expect([...(s.sent?.request.body ?? [])]).toEqual([0x5a, 0x6f, 0xc3, 0xab]);
    expect(s.response?.status).toBe(200);
    expect(s.head).toBeNull(); // the complete response holds the head now
    const echo = JSON.parse(new TextDecoder().decode(s.response!.body!)) as EchoReply;
    expect(echo.body.base64).toBe('Wm/Dqw==');
  });

  it('blocks a request with unresolved variables, listing them, and keeps the last response', async () => {
    const before = getResponseState().response;
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/{{nope}}` });
    await sendClicked();
    const s = getResponseState();
    expect(s.response).toBe(before);
    expect(s.blockedBy.map((p) => p.field)).toContain('variable');
    expect(s.blockedBy.some((p) => p.message.includes('nope'))).toBe(true);
    blockedMessageDismissed();
    expect(getResponseState().blockedBy).toEqual([]);
  });

  it('a second click while in flight cancels', async () => {
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/delay/10000` });
    const pending = sendClicked();
    expect(getResponseState().phase).toBe('sending');
    await sendClicked();
    await pending;
    const s = getResponseState();
    expect(s.phase).toBe('failed');
    expect(s.failure).toEqual({ kind: 'cancelled', message: 'Request cancelled. No response was received.', code: undefined, via: 'direct' });
  });

  it('holds the head while the content arrives, and keeps it when the content is cancelled', async () => {
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/delay/60000?head=now` });
    const pending = sendClicked();
    const receiving = await stateWhere((s) => s.head !== null);
    expect([receiving.phase, receiving.head?.status, receiving.head?.reasonPhrase]).toEqual(['sending', 200, 'OK']);
    expect(receiving.head?.headers.find(([n]) => n === 'content-type')?.[1]).toBe('application/json; charset=utf-8');
    cancelClicked();
    await pending;
    const s = getResponseState();
    expect([s.phase, s.response, s.head?.status]).toEqual(['failed', null, 200]);
    expect(s.failure).toEqual({ kind: 'cancelled', message: CANCELLED_DURING_CONTENT, code: undefined, via: 'direct' });
  });
});
