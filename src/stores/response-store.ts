/**
 * The last send: phase, the response head as soon as it arrives, content progress, the
 * request exactly as sent, and its response or error. `sendClicked` builds the request once with resolveRequest() and hands that
 * EffectiveRequest to the transport — the same object the Raw request view renders.
 */
import { create } from 'zustand';
import type { ResponseHead, ResponseRecord } from '../core/model/response.ts';
import type { EffectiveRequest, ResolveProblem } from '../core/resolve/types.ts';
import { readProxyToken } from '../services/proxy-token.ts';
import type { SendError, SendProgress, TransportKind } from '../services/transport.ts';
import { resolveCurrent } from './request-derived.ts';
import { dynamicValuesRenewed } from './dynamic-values.ts';
import { getFollowRedirects, getTransportKind, proxyAvailable } from './settings-store.ts';
import { getDraft, getDraftGeneration } from './request-store.ts';
import { throttleProgress } from './response-progress.ts';
import { getActiveTab, sendSlotRegistered, tabSendUpdated } from './tabs-store.ts';
import { newId } from '../core/model/ids.ts';
import type { LiveDecode } from './response-decode.ts';
import type { FirstBytes } from './first-content.ts';
import { hasScriptsOrAssertions, scriptsAfterResponse, scriptsBeforeSend } from './script-store.ts';
import { cookieJarPending, responseCookiesReceived } from './cookies-store.ts';
import { tlsSettingsFor } from './tls-settings-store.ts';
import { tokenRefreshedIfExpired } from './oauth-store.ts';
import { sseStreamStarted, type SseFeed } from './sse-store.ts';
import { isEventStreamType } from '../core/sse/event-list.ts';
import { isWebSocketUrl } from '../core/websocket/handshake.ts';
import { headerValue } from '../core/response/media-type.ts';

export type SendPhase = 'idle' | 'sending' | 'done' | 'failed';

const noRequestProblem: ResolveProblem = {
  severity: 'error',
  field: 'url',
  message: 'The request could not be built.',
};

export interface SendFailure {
  kind: SendError['kind'] | 'unexpected';
  message: string;
  code?: string;
  via: TransportKind;
  /**
   * Content bytes that had arrived when the send ended, counted exactly (not the throttled
   * progress line); `null` when it ended before the response head arrived.
   */
  received: SendProgress | null;
}

export interface ResponseState {
  phase: SendPhase;
  /**
   * Status line and header fields of the current attempt, from the moment they arrive until the
   * whole response is in `response` (then `null`); kept after a failure while the content arrived.
   */
  head: ResponseHead | null;
  progress: SendProgress | null;
  /**
   * The request as sent (a snapshot: the draft may change after sending), and the draft
   * generation it was sent from: when another request has been opened since
   * (`getDraftGeneration()` differs), the response shown is not this request's.
   */
  sent: { request: EffectiveRequest; via: TransportKind; generation: number; id: string } | null;
  /** Set when this response was read back from storage (a reload, a reopened request): when it ended and what was left out. */
  kept?: { at: number; bodyNotKept: string | null };
  /** True when a Send was refused (validation) after the response shown: it answers an earlier request. */
  notSentSince: boolean;
  response: ResponseRecord | null;
  failure: SendFailure | null;
  /** Errors that stopped sending (unresolved variables, invalid URL …). */
  blockedBy: ResolveProblem[];
  /** Number of sends started (in any request tab) when this one started; identifies the attempt (views key on it). */
  sendCount: number;
  /**
   * The first bytes of the content (up to `FIRST_ROWS_BYTES`) while the rest arrives, for the
   * first rows on screen; only when the bytes need no decoding (else `null`), `null` once it ended.
   */
  firstContent: Uint8Array | null;
}

const initialState = (): ResponseState => ({
  phase: 'idle',
  head: null,
  progress: null,
  sent: null,
  response: null,
  failure: null,
  blockedBy: [],
  notSentSince: false,
  sendCount: 0,
  firstContent: null,
});
const useResponseStore = create<ResponseState>()(initialState);

export const useSendPhase = (): SendPhase => useResponseStore((s) => s.phase);
export const useSendProgress = (): SendProgress | null => useResponseStore((s) => s.progress);
/** The head of the response being received (or whose content failed to arrive); `null` otherwise. */
export const useReceivedHead = (): ResponseHead | null => useResponseStore((s) => s.head);
export const useSentRequest = (): ResponseState['sent'] => useResponseStore((s) => s.sent);
export const useLastResponse = (): ResponseRecord | null => useResponseStore((s) => s.response);
export const useSendFailure = (): SendFailure | null => useResponseStore((s) => s.failure);
export const useBlockingProblems = (): ResolveProblem[] => useResponseStore((s) => s.blockedBy);
export const useSendCount = (): number => useResponseStore((s) => s.sendCount);
export const useNotSentSince = (): boolean => useResponseStore((s) => s.notSentSince);
/** Set when the response shown was read back from storage (when it arrived, what was left out). */
export const useKeptFrom = (): ResponseState['kept'] => useResponseStore((s) => s.kept);
export const useFirstContent = (): Uint8Array | null => useResponseStore((s) => s.firstContent);

/** The whole state, for code outside React (tests, history recording). */
export const getResponseState = (): Readonly<ResponseState> => useResponseStore.getState();
/** Calls `listener` after every change (e.g. history records each completed send). Returns the unsubscribe function. */
export const subscribeToResponseState = (
  listener: (state: Readonly<ResponseState>, previous: Readonly<ResponseState>) => void,
): (() => void) => useResponseStore.subscribe(listener);

/** The send in flight of each request tab (by tab id): a tab left goes on receiving its response. */
const inFlight = new Map<string, AbortController>();
let sendsStarted = 0;
const activeInFlight = (): AbortController | undefined => inFlight.get(getActiveTab().id);

/** Generation marks of a tab's stored send: it answers the tab's draft (rebound on return), or an earlier one. */
const OWNED = -1;
const NOT_OWNED = -2;

/** A send that completed (in the active tab or one left), for keeping its response (response-keeping.ts). */
export interface CompletedSend {
  tabId: string;
  sendId: string;
  request: EffectiveRequest;
  response: ResponseRecord;
}
const completedListeners = new Set<(send: CompletedSend) => void>();
/** Calls `listener` once per send that ends with a response, whichever tab is active then. Returns the unsubscribe function. */
export function subscribeToCompletedSends(listener: (send: CompletedSend) => void): () => void {
  completedListeners.add(listener);
  return () => completedListeners.delete(listener);
}

/**
 * Applies a change of send `tabId`'s state: to response-store while that tab is active, else to
 * the snapshot its tab keeps (tabs-store), so a response never lands in another tab's view.
 */
function updateFor(tabId: string, patch: Partial<ResponseState>): void {
  if (getActiveTab().id === tabId) useResponseStore.setState(patch);
  else tabSendUpdated(tabId, (s) => (s ? { ...(s as ResponseState), ...patch } : s));
}

/**
 * Another request tab became active (its draft is already in request-store): puts its last
 * send state in place (`null`: never sent) and returns the state of the tab left, whose draft
 * had generation `leftGeneration`. A send in flight is NOT cancelled: it goes on and its
 * response lands in the tab it was sent from (docs/workspace-tabs.md).
 */
export function responseStateSwapped(next: ResponseState | null, leftGeneration: number): ResponseState {
  const left = useResponseStore.getState();
  const rebound = next?.sent
    ? { ...next, sent: { ...next.sent, generation: next.sent.generation === OWNED ? getDraftGeneration() : NOT_OWNED } }
    : next;
  useResponseStore.setState(rebound ?? initialState(), true);
  const sent = left.sent && { ...left.sent, generation: left.sent.generation === leftGeneration ? OWNED : NOT_OWNED };
  return { ...left, sent };
}
sendSlotRegistered({
  get: () => useResponseStore.getState(),
  swap: (next, leftGeneration) => responseStateSwapped(next as ResponseState | null, leftGeneration),
  // A closed tab's request is cancelled (its tab, reopened, shows it as cancelled).
  closed: (tabId) => inFlight.get(tabId)?.abort(),
});

/** Send, or — while a request is in flight — cancel it (the button reads Cancel then). */
export function sendClicked(): Promise<void> {
  if (activeInFlight()) {
    cancelClicked();
    return Promise.resolve();
  }
  return send(getTransportKind());
}

/**
 * Ctrl/Cmd+Enter always means Send: a request in flight is cancelled and replaced by the current
 * one (unlike the button, whose second click cancels). If the current request cannot be built,
 * the one in flight continues and the problems are listed.
 */
export function sendShortcutPressed(): Promise<void> {
  return send(getTransportKind());
}

/** Retry the last attempt through the proxy (offered after a direct-mode network error). */
export function sendThroughProxyClicked(): Promise<void> {
  if (activeInFlight() || !proxyAvailable()) return Promise.resolve();
  return send('proxy');
}

/** Cancels the active tab's send in flight (other tabs' sends go on). */
export function cancelClicked(): void {
  activeInFlight()?.abort();
}

type SendParts = typeof import('./send-parts.ts');
function transportFor(parts: SendParts, kind: TransportKind) {
  const token = readProxyToken();
  return kind === 'proxy' && token !== null ? parts.createProxyTransport(token) : parts.createDirectTransport();
}

async function send(kind: TransportKind): Promise<void> {
  // A ws:// or wss:// URL is a WebSocket request: the WebSocket panel's Connect opens it, Send does nothing.
  if (isWebSocketUrl(getDraft().url)) return;
  // The request tab this send belongs to: its state changes go there even once another tab is active.
  const tabId = getActiveTab().id;
  // A stored cookie jar still loading (just after start): its cookies belong in this request.
  const jar = cookieJarPending();
  if (jar) await jar;
  // {{$guid}}, {{$timestamp}}…: new values for this send, shown by every view until the next one.
  dynamicValuesRenewed();
  // An expired OAuth 2.0 token with a refresh token is refreshed first (RFC 6749 §6).
  const oauth2 = resolveCurrent().oauth2;
  if (oauth2) await tokenRefreshedIfExpired(oauth2);
  // A pre-request script may change the request: its changes are applied to the draft before it is resolved.
  const scripted = hasScriptsOrAssertions(getDraft())
    ? await scriptsBeforeSend(getDraft(), transportFor(await import('./send-parts.ts'), kind))
    : null;
  // Another tab became active while the pre-request steps ran: its draft is not this request.
  if (getActiveTab().id !== tabId) return;
  if (scripted && 'error' in scripted) {
    useResponseStore.setState((s) => ({
      blockedBy: [{ ...noRequestProblem, message: scripted.error }],
      notSentSince: s.sent !== null,
    }));
    return;
  }
  const resolved = resolveCurrent(scripted?.draft);
  const errors = resolved.problems.filter((p) => p.severity === 'error');
  if (!resolved.request || errors.length > 0) {
    // The previous response stays visible, labelled as the last response of an earlier request
    // (`notSentSince`); the reasons show next to the Send button.
    useResponseStore.setState((s) => ({
      blockedBy: errors.length > 0 ? errors : [noRequestProblem],
      notSentSince: s.sent !== null,
    }));
    return;
  }
  const request = resolved.request;
  // Replacing a request in flight: the old attempt ends as cancelled, unseen (guards below) and unrecorded.
  inFlight.get(tabId)?.abort();
  // History keeps the draft as it was when sent (the user may edit while it is in flight).
  const sentDraft = getDraft();
  // History (with the library's storage and its schemas) is not part of the first load: it is
  // imported when the first send ends. Losing one entry because that chunk cannot load is logged.
  const recordSend = async (status: number | null, timeMs: number | null, sizeBytes: number | null) => {
    try {
      const { sendRecorded } = await import('./history-store.ts');
      sendRecorded({
        id: sendId,
        draft: sentDraft,
        method: request.method,
        url: request.url,
        status,
        timeMs,
        sizeBytes,
      });
    } catch (error) {
      console.warn('Parley could not record this send in history:', error);
    }
  };
  const controller = new AbortController();
  inFlight.set(tabId, controller);
  const sendId = newId();
  // False once a newer send of the same tab replaced this one.
  const current = () => inFlight.get(tabId) === controller;
  // Exact count for the failure message; the progress line itself is throttled.
  let received: SendProgress | null = null;
  const progressLine = throttleProgress((progress) => {
    if (current()) updateFor(tabId, { progress });
  });
  useResponseStore.setState(() => ({
    phase: 'sending',
    kept: undefined,
    head: null,
    progress: null,
    sent: { request, via: kind, generation: getDraftGeneration(), id: sendId },
    failure: null,
    blockedBy: [],
    notSentSince: false,
    // Counted across request tabs, so two tabs' sends never share a key.
    sendCount: ++sendsStarted,
    firstContent: null,
  }));
  // Content codings are undone while the content arrives (off the main thread), see response-decode.ts.
  const live: { decode: LiveDecode | null; first: FirstBytes | null; sse: SseFeed | null } = {
    decode: null,
    first: null,
    sse: null,
  };
  let parts: SendParts | null = null;
  try {
    parts = await import('./send-parts.ts');
    const { liveDecodeStarted, firstBytesFor } = parts;
    const response = await transportFor(parts, kind).send(request, {
      signal: controller.signal,
      followRedirects: getFollowRedirects(),
      verifyTls: sentDraft.verifyTls,
      tls: kind === 'proxy' ? tlsSettingsFor(new URL(request.url).host) : undefined,
      onHead: (head) => {
        received = { receivedBytes: 0, totalBytes: null };
        if (current()) updateFor(tabId, { head });
        live.decode?.abandoned();
        live.decode = current() ? liveDecodeStarted(kind, head) : null;
        live.first = current() ? firstBytesFor(kind, head, live.decode !== null) : null;
        // text/event-stream: the live event list (sse-store) parses the content as it arrives.
        live.sse?.end();
        live.sse =
          current() && isEventStreamType(headerValue(head.headers, 'content-type'))
            ? sseStreamStarted(useResponseStore.getState().sendCount)
            : null;
      },
      onContentChunk: (chunk) => {
        live.decode?.chunk(chunk);
        live.sse?.chunk(chunk);
        if (live.first?.add(chunk) && current()) updateFor(tabId, { firstContent: live.first.bytes() });
      },
      onProgress: (progress) => {
        received = progress;
        progressLine.report(progress);
      },
    });
    progressLine.stop();
    if (!current()) return live.decode?.abandoned();
    live.decode?.finished(response);
    updateFor(tabId, { phase: 'done', response, head: null, failure: null, progress: null, firstContent: null });
    for (const listener of completedListeners) listener({ tabId, sendId, request, response });
    if (scripted) void scriptsAfterResponse(scripted.draft, request, response, transportFor(parts, kind));
    if (response.via === 'proxy') responseCookiesReceived(response.url || request.url, response.headers);
    await recordSend(response.status, response.totalMs, response.sizeBytes);
  } catch (error) {
    progressLine.stop();
    live.decode?.abandoned();
    // A request replaced by a newer one (Ctrl+Enter) ends silently: the newer one owns the view.
    if (!current()) return;
    const failure: SendFailure =
      parts === null
        ? {
            kind: 'unexpected',
            message: `Parley could not load the code that sends requests (offline?). Reload to try again. (${String(error)})`,
            via: kind,
            received,
          }
        : error instanceof parts.SendError
          ? { kind: error.kind, message: error.message, code: error.code, via: kind, received }
          : { kind: 'unexpected', message: `Something went wrong in Parley: ${String(error)}`, via: kind, received };
    // Progress belongs to a send in flight; what arrived is now in `failure.received`.
    updateFor(tabId, { phase: 'failed', failure, response: null, progress: null, firstContent: null });
    if (failure.kind !== 'cancelled') await recordSend(null, null, null);
  } finally {
    progressLine.stop();
    live.sse?.end();
    if (inFlight.get(tabId) === controller) inFlight.delete(tabId);
  }
}

/** A kept response read back for the active tab: shown only while nothing was sent in it. */
export function keptResponseShown(state: Pick<ResponseState, 'response' | 'kept'>): void {
  if (useResponseStore.getState().phase === 'idle') useResponseStore.setState({ ...state, phase: 'done' });
}

/** Hides the list of problems that blocked the last send. */
export function blockedMessageDismissed(): void {
  useResponseStore.setState({ blockedBy: [] });
}
