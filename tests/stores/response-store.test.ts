/** sendClicked end to end in Node: no proxy token here, so the direct transport and the real echo live.server. */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../server/helpers.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { draftReplaced } from '../../src/stores/request-store.ts';
import { CANCELLED_DURING_CONTENT } from '../../src/services/transport.ts';
import { FIRST_ROWS_BYTES } from '../../src/core/response/first-rows.ts';
import { getHistoryEntries, historyCleared } from '../../src/stores/history-store.ts';
import {
  blockedMessageDismissed,
  cancelClicked,
  getResponseState,
  sendClicked,
  sendShortcutPressed,
  subscribeToResponseState,
  type ResponseState,
} from '../../src/stores/response-store.ts';

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
    draftReplaced({
      ...blankDraft(),
      method: 'POST',
      url: `${live.server.url}/echo/s`,
      body: { mode: 'text', text: 'Zoë' },
    });
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
    expect(s.failure).toEqual({
      kind: 'cancelled',
      message: 'Request cancelled. No response was received.',
      code: undefined,
      via: 'direct',
      received: null,
    });
  });

  it('keeps a copy of the first 64 KiB of content while it arrives (for the first rows), and drops it at the end', async () => {
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/bytes/200000` });
    const seen: Uint8Array[] = [];
    const stop = subscribeToResponseState((s, before) => {
      if (s.firstContent !== before.firstContent && s.firstContent !== null) seen.push(s.firstContent);
    });
    await sendClicked();
    stop();
    const s = getResponseState();
    expect(s.phase).toBe('done');
    expect(s.firstContent).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    const last = seen[seen.length - 1]!;
    expect(last.length).toBe(FIRST_ROWS_BYTES);
    expect([...last]).toEqual([...s.response!.body!.subarray(0, FIRST_ROWS_BYTES)]);
    // Each update holds more of the same start (byte i = i mod 256).
    for (const bytes of seen) expect(bytes.every((b, i) => b === i % 256)).toBe(true);
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
    // The head declared its length; no content had arrived when Cancel was pressed.
    const declared = Number(receiving.head?.headers.find(([n]) => n === 'content-length')?.[1]);
    expect(declared).toBeGreaterThan(0);
    expect(s.failure).toEqual({
      kind: 'cancelled',
      message: CANCELLED_DURING_CONTENT,
      code: undefined,
      via: 'direct',
      received: { receivedBytes: 0, totalBytes: declared },
    });
    // Progress belongs to a send in flight: none remains once it has ended.
    expect(s.progress).toBeNull();
  });
});

describe('sendShortcutPressed (Ctrl/Cmd+Enter)', () => {
  it('replaces a request in flight with the current one; history records only the one sent', async () => {
    historyCleared();
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/delay/60000?n=1` });
    const first = sendShortcutPressed();
    const countBefore = getResponseState().sendCount;
    expect(getResponseState().phase).toBe('sending');
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/replaced?n=2` });
    const second = sendShortcutPressed();
    await Promise.all([first, second]);
    const s = getResponseState();
    expect([s.phase, s.failure, s.response?.status, s.sendCount]).toEqual(['done', null, 200, countBefore + 1]);
    expect(s.sent?.request.url).toBe(`${live.server.url}/echo/replaced?n=2`);
    const echo = JSON.parse(new TextDecoder().decode(s.response!.body!)) as EchoReply;
    expect(echo.target).toBe('/echo/replaced?n=2');
    expect(getHistoryEntries().map((e) => [e.url, e.status])).toEqual([[`${live.server.url}/echo/replaced?n=2`, 200]]);
  });

  it('keeps the request in flight when the current one cannot be sent', async () => {
    draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/delay/60000?n=3` });
    const first = sendShortcutPressed();
    draftReplaced({ ...blankDraft(), url: '' });
    await sendShortcutPressed();
    const s = getResponseState();
    expect(s.phase).toBe('sending');
    expect(s.blockedBy.map((p) => p.message)).toEqual(['Enter a URL, such as https://api.example.com/users.']);
    cancelClicked();
    await first;
    expect(getResponseState().failure?.kind).toBe('cancelled');
    blockedMessageDismissed();
  });
});
