/** Method, URL and Send: the line a request starts from. */
import { useState } from 'react';
import { urlEdited, useDraft } from '../../stores/request-store.ts';
import { useResolved, useUrlFieldText } from '../../stores/request-derived.ts';
import {
  blockedMessageDismissed,
  sendClicked,
  useBlockingProblems,
  useSendPhase,
} from '../../stores/response-store.ts';
import { MethodPicker } from './MethodPicker.tsx';
import { Notice } from '../../components/ui.tsx';
import { UNRESOLVED_CLASS, usesUnresolved } from './problems.ts';
import { isCurlCommand } from '../../core/curl/is-curl-command.ts';
import { isWebSocketUrl } from '../../core/websocket/handshake.ts';
import { NOT_HTTP_PROBLEM } from '../../core/resolve/resolve-parts.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RequestLine() {
  const text = useUrlFieldText();
  const draft = useDraft();
  const resolved = useResolved();
  const phase = useSendPhase();
  const blocked = useBlockingProblems();
  const sending = phase === 'sending';
  // A blank draft is not a mistake yet: its empty URL is flagged only once the user tried to send
  // or typed and cleared the field. Other URL problems show as they type.
  const [emptyUrlFlagged, setEmptyUrlFlagged] = useState(false);
  if (blocked.length > 0 && !emptyUrlFlagged) setEmptyUrlFlagged(true);
  const hideUrlProblems = text.trim() === '' && !emptyUrlFlagged;
  // A ws:// or wss:// URL is a WebSocket request (the WebSocket panel connects it): its scheme is no problem here.
  const webSocket = isWebSocketUrl(text);
  const urlProblems = resolved.problems.filter(
    (p) =>
      p.field === 'method' ||
      (p.field === 'url' && !hideUrlProblems && !(webSocket && p.message.startsWith(NOT_HTTP_PROBLEM))),
  );
  const unresolved = resolved.unresolvedVariables;
  // After a blocked Send, list what still blocks it (live), instead of the inline line.
  const currentErrors = resolved.problems.filter((p) => p.severity === 'error');
  const showBlocked = blocked.length > 0 && currentErrors.length > 0;

  return (
    <div className="border-b border-slate-200 bg-white px-3 py-3 sm:px-4">
      <form
        // Below `sm` the URL takes the first line whole; Method and Send share the second.
        className="flex flex-wrap items-stretch gap-y-2 sm:flex-nowrap"
        onSubmit={(e) => {
          e.preventDefault();
          setEmptyUrlFlagged(true);
          void sendClicked();
        }}
      >
        <MethodPicker />
        <input
          aria-label="URL"
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder="https://api.example.com/users/:id?page=1"
          value={text}
          onChange={(e) => {
            setEmptyUrlFlagged(e.target.value.trim() === '');
            urlEdited(e.target.value);
          }}
          onPaste={(e) => {
            // A pasted cURL command is imported (DESIGN §5), not typed into the URL.
            const pasted = e.clipboardData.getData('text');
            if (isCurlCommand(pasted)) {
              e.preventDefault();
              // The importer (and its store) loads on the first paste, not with the form.
              void import('../import/import-store.ts').then((m) => m.curlPasted(pasted));
            }
          }}
          aria-invalid={urlProblems.some((p) => p.severity === 'error') || undefined}
          className={`h-9 min-w-0 flex-1 border max-sm:order-first max-sm:basis-full max-sm:rounded-md ${usesUnresolved(text, unresolved) ? UNRESOLVED_CLASS : ''} border-slate-300 bg-white px-3 font-mono text-[13px] text-slate-900 placeholder:font-sans placeholder:text-slate-400 focus:z-10 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/20`}
        />
        <button
          type="submit"
          disabled={webSocket && !sending}
          // Ctrl/Cmd+Enter always sends (replacing a request in flight); only a click cancels.
          title={
            webSocket && !sending
              ? 'A WebSocket URL: Connect in the WebSocket panel opens it'
              : sending
                ? `Cancel the request in flight (${isMac ? '⌘' : 'Ctrl'}+Enter sends the current request instead)`
                : `Send (${isMac ? '⌘' : 'Ctrl'}+Enter)`
          }
          className={`h-9 w-24 rounded-r-md text-[13px] max-sm:flex-1 font-semibold text-white shadow-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${
            sending ? 'bg-slate-600 hover:bg-slate-700' : 'bg-indigo-600 hover:bg-indigo-700 disabled:bg-slate-300'
          }`}
        >
          {sending ? 'Cancel' : 'Send'}
        </button>
      </form>
      {(draft.fragment !== null || (!showBlocked && (unresolved.length > 0 || urlProblems.length > 0))) && (
        <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-[11.5px]">
          {draft.fragment !== null && (
            <span className="text-slate-500">
              <code className="rounded bg-slate-100 px-1">#{draft.fragment}</code> is a fragment: it stays in the
              browser and is not sent (RFC 3986 §3.5).
            </span>
          )}
          {!showBlocked && unresolved.length > 0 && (
            <span className="text-amber-700" role="note" aria-label="Unresolved variables">
              Unresolved variables:{' '}
              {unresolved.map((n) => (
                <code key={n} className="mr-1 rounded bg-amber-100 px-1 text-amber-900">{`{{${n}}}`}</code>
              ))}
              — define them in an environment.
            </span>
          )}
          {!showBlocked &&
            urlProblems.map((p, i) => (
              <span key={i} className={p.severity === 'error' ? 'text-red-700' : 'text-amber-700'}>
                {p.message}
              </span>
            ))}
        </div>
      )}
      {showBlocked && (
        <Notice tone="error" className="mt-2">
          <div className="flex items-start gap-2" role="alert">
            <div className="flex-1">
              <p className="font-semibold">Not sent — fix these first:</p>
              <ul className="mt-0.5 list-disc pl-4">
                {currentErrors.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
            <button
              type="button"
              aria-label="Dismiss"
              className="text-red-400 hover:text-red-700"
              onClick={blockedMessageDismissed}
            >
              ✕
            </button>
          </div>
        </Notice>
      )}
    </div>
  );
}
