/** sendClicked end to end in Node: no proxy token here, so the direct transport and the real echo server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { draftReplaced } from '../../src/stores/request-store.ts';
import { blockedMessageDismissed, getResponseState, sendClicked } from '../../src/stores/response-store.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, distDir: null });
});
afterAll(async () => {
  await server?.close();
});

describe('sendClicked', () => {
  it('builds the request once, keeps the sent snapshot and records the response', async () => {
    draftReplaced({ ...blankDraft(), method: 'POST', url: `${server.url}/echo/s`, body: { mode: 'text', text: 'Zoë' } });
    await sendClicked();
    const s = getResponseState();
    expect(s.phase).toBe('done');
    expect(s.sent?.via).toBe('direct');
    expect(s.sent?.request.url).toBe(`${server.url}/echo/s`);
    expect([...(s.sent?.request.body ?? [])]).toEqual([0x5a, 0x6f, 0xc3, 0xab]);
    expect(s.response?.status).toBe(200);
    const echo = JSON.parse(new TextDecoder().decode(s.response!.body!)) as EchoReply;
    expect(echo.body.base64).toBe('Wm/Dqw==');
  });

  it('blocks a request with unresolved variables, listing them, and keeps the last response', async () => {
    const before = getResponseState().response;
    draftReplaced({ ...blankDraft(), url: `${server.url}/echo/{{nope}}` });
    await sendClicked();
    const s = getResponseState();
    expect(s.response).toBe(before);
    expect(s.blockedBy.map((p) => p.field)).toContain('variable');
    expect(s.blockedBy.some((p) => p.message.includes('nope'))).toBe(true);
    blockedMessageDismissed();
    expect(getResponseState().blockedBy).toEqual([]);
  });

  it('a second click while in flight cancels', async () => {
    draftReplaced({ ...blankDraft(), url: `${server.url}/echo/delay/10000` });
    const pending = sendClicked();
    expect(getResponseState().phase).toBe('sending');
    await sendClicked();
    await pending;
    const s = getResponseState();
    expect(s.phase).toBe('failed');
    expect(s.failure).toEqual({ kind: 'cancelled', message: 'Request cancelled. No response was received.', code: undefined, via: 'direct' });
  });
});
