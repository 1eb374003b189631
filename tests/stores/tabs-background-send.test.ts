/**
 * Leaving a request tab never cancels its send, and the response lands in the tab it was sent
 * from, never in the one on screen (issue 13: "the response on screen can belong to another
 * request"). Node, direct transport, the real echo server.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../server/helpers.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import * as req from '../../src/stores/request-store.ts';
import * as res from '../../src/stores/response-store.ts';
import * as tabs from '../../src/stores/tabs-store.ts';

const live = useTestServer();
const echoTarget = (s: Readonly<res.ResponseState> | null): string =>
  (JSON.parse(new TextDecoder().decode((s as res.ResponseState).response!.body!)) as EchoReply).target;
const stored = (id: string) => tabs.getTabs().find((t) => t.id === id)?.response as res.ResponseState | null;

describe('a send goes on when its tab is left', () => {
  it('lands in its own tab while another tab is on screen, and shows when the tab returns', async () => {
    req.draftReplaced({ ...blankDraft(), url: `${live.server.url}/echo/delay/300` });
    const a = tabs.getActiveTab().id;
    const completed: string[] = [];
    const stop = res.subscribeToCompletedSends((s) => completed.push(`${s.tabId} ${s.response.status}`));
    const pendingA = res.sendClicked();
    expect(res.getResponseState().phase).toBe('sending');

    tabs.newTabClicked();
    const b = tabs.getActiveTab().id;
    // Tab B shows nothing of A's send, and its own Send is a Send, not A's Cancel.
    expect(res.getResponseState().phase).toBe('idle');
    expect(stored(a)?.phase).toBe('sending');
    req.urlEdited(`${live.server.url}/echo/b`);
    await res.sendClicked();
    expect(echoTarget(res.getResponseState())).toBe('/echo/b');

    await pendingA;
    // A finished in the background: B's view is untouched, A's snapshot holds A's response.
    expect(echoTarget(res.getResponseState())).toBe('/echo/b');
    expect(stored(a)).toMatchObject({ phase: 'done', failure: null, response: { status: 200 } });
    expect(echoTarget(stored(a))).toBe('/echo/delay/300');
    expect(completed).toEqual([`${b} 200`, `${a} 200`]);
    stop();

    tabs.tabSelected(a);
    expect(res.getResponseState().phase).toBe('done');
    expect(echoTarget(res.getResponseState())).toBe('/echo/delay/300');
    // Still A's own response: its raw view is shown (same generation as the draft on screen).
    expect(res.getResponseState().sent?.generation).toBe(req.getDraftGeneration());
    tabs.tabSelected(b);
    expect(echoTarget(res.getResponseState())).toBe('/echo/b');
  });

  it('a tab returned to while its send is in flight shows it in flight; Cancel cancels only that one', async () => {
    const b = tabs.getActiveTab().id;
    req.urlEdited(`${live.server.url}/echo/delay/10000`);
    const pendingB = res.sendClicked();
    tabs.newTabClicked();
    const c = tabs.getActiveTab().id;
    req.urlEdited(`${live.server.url}/echo/delay/200`);
    const pendingC = res.sendClicked();
    tabs.tabSelected(b);
    expect(res.getResponseState().phase).toBe('sending');
    res.cancelClicked();
    await pendingB;
    expect(res.getResponseState()).toMatchObject({ phase: 'failed', failure: { kind: 'cancelled' } });
    await pendingC;
    expect(stored(c)).toMatchObject({ phase: 'done', response: { status: 200 } });
  });

  it('closing a tab cancels its send; reopened, it shows the cancellation', async () => {
    req.urlEdited(`${live.server.url}/echo/delay/10000`);
    const t = tabs.getActiveTab().id;
    const pending = res.sendClicked();
    tabs.tabClosed(t);
    await pending;
    expect(res.getResponseState().sent?.request.url).not.toBe(`${live.server.url}/echo/delay/10000`);
    tabs.closedTabReopened();
    expect(tabs.getActiveTab().id).toBe(t);
    expect(res.getResponseState()).toMatchObject({ phase: 'failed', failure: { kind: 'cancelled' } });
  });
});
