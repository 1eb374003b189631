/** What the Response region shows while sending and when no response could be obtained. */
import { formatBytes } from '../../components/format.ts';
import { Button, Notice } from '../../components/ui.tsx';
import { proxyAvailable } from '../../stores/settings-store.ts';
import { failureTitle } from './failure-text.ts';
import {
  cancelClicked,
  sendThroughProxyClicked,
  useSendPhase,
  useSendProgress,
  type SendFailure,
} from '../../stores/response-store.ts';

/** Before the response head arrives: nothing to show but the wait, and a way out. */
export function WaitingView() {
  return (
    <div className="flex min-w-0 flex-1 items-center gap-3 text-xs text-slate-600" aria-live="polite">
      <Spinner />
      <span>Waiting for the response…</span>
      <CancelButton />
    </div>
  );
}

/** After the head, while the content arrives: bytes so far of the declared Content-Length. */
export function ContentProgressView() {
  const progress = useSendProgress();
  const received = progress?.receivedBytes ?? 0;
  const total = progress?.totalBytes ?? null;
  const pct = total ? Math.min(100, (received / total) * 100) : null;
  return (
    <div className="p-3">
      <div className="flex items-center gap-3 text-[13px] text-slate-600">
        <Spinner />
        <span role="status" aria-label="Content progress">
          {`Receiving ${formatBytes(received)}${total !== null ? ` of ${formatBytes(total)}` : ''}`}
        </span>
        <CancelButton />
      </div>
      {pct !== null && (
        <div className="mt-2 h-1 overflow-hidden rounded bg-slate-100">
          <div className="h-full bg-indigo-500 transition-all" style={{ width: `${pct}%` }} />
        </div>
      )}
    </div>
  );
}

/** The same progress, compact, next to the status (visible whichever response tab is open). */
export function StatusBarProgress() {
  const progress = useSendProgress();
  const phase = useSendPhase();
  // Progress describes a send in flight; once it has ended, the alert says what arrived.
  if (!progress || phase !== 'sending') return null;
  return (
    <span className="text-slate-500">
      {`Receiving ${formatBytes(progress.receivedBytes)}${progress.totalBytes !== null ? ` of ${formatBytes(progress.totalBytes)}` : ''}…`}
    </span>
  );
}

function Spinner() {
  return (
    <span
      className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent"
      aria-hidden
    />
  );
}

function CancelButton() {
  return (
    <Button variant="ghost" className="ml-auto !py-0.5" onClick={cancelClicked}>
      Cancel request
    </Button>
  );
}

export function SendFailureView({ failure }: { failure: SendFailure }) {
  const cancelled = failure.kind === 'cancelled';
  return (
    <div className="px-3 py-2">
      <Notice tone={cancelled ? 'info' : 'error'}>
        <div role="alert" aria-label="Send error">
          <p className="font-semibold">
            {failureTitle(failure)}
            {failure.code && !cancelled ? (
              <span className="ml-2 font-mono text-[11px] font-normal opacity-70">{failure.code}</span>
            ) : null}
          </p>
          <p className="mt-0.5">{failure.message}</p>
          {(failure.kind === 'direct-network' || failure.kind === 'invalid-request') && proxyAvailable() && (
            <Button variant="primary" className="mt-2" onClick={() => void sendThroughProxyClicked()}>
              Retry through Parley's proxy
            </Button>
          )}
        </div>
      </Notice>
    </div>
  );
}
