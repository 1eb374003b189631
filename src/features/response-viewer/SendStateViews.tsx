/** What the Response region shows while sending and when no response could be obtained. */
import { formatBytes } from '../../components/format.ts';
import { Button, Notice } from '../../components/ui.tsx';
import { readProxyToken } from '../../services/proxy-token.ts';
import { cancelClicked, sendThroughProxyClicked, useSendProgress, type SendFailure } from '../../stores/response-store.ts';

export function SendingView() {
  const progress = useSendProgress();
  const pct = progress?.totalBytes ? Math.min(100, (progress.receivedBytes / progress.totalBytes) * 100) : null;
  return (
    <div className="min-w-0 flex-1" aria-live="polite">
      <div className="flex items-center gap-3 text-xs text-slate-600">
        <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden />
        <span>
          {progress && progress.receivedBytes > 0
            ? `Receiving… ${formatBytes(progress.receivedBytes)}${progress.totalBytes ? ` of ${formatBytes(progress.totalBytes)}` : ''}`
            : 'Waiting for the response…'}
        </span>
        <Button variant="ghost" className="ml-auto !py-0.5" onClick={cancelClicked}>
          Cancel request
        </Button>
      </div>
      {pct !== null && (
        <div className="mt-1 h-1 overflow-hidden rounded bg-slate-100">
          <div className="h-full bg-indigo-500 transition-all" style={{ width: `${pct}%` }} />
        </div>
      )}
    </div>
  );
}

const TITLES: Record<SendFailure['kind'], string> = {
  cancelled: 'Cancelled',
  proxy: 'No response',
  'proxy-unreachable': 'Parley’s server is unreachable',
  'direct-network': 'The browser blocked or could not complete the request',
  'invalid-request': 'Not sent',
  unexpected: 'Something went wrong',
};

export function SendFailureView({ failure }: { failure: SendFailure }) {
  const cancelled = failure.kind === 'cancelled';
  return (
    <div className="px-3 py-2">
      <Notice tone={cancelled ? 'info' : 'error'}>
        <div role="alert" aria-label="Send error">
          <p className="font-semibold">
            {TITLES[failure.kind]}
            {failure.code && !cancelled ? <span className="ml-2 font-mono text-[11px] font-normal opacity-70">{failure.code}</span> : null}
          </p>
          <p className="mt-0.5">{failure.message}</p>
          {(failure.kind === 'direct-network' || failure.kind === 'invalid-request') && readProxyToken() !== null && (
            <Button variant="primary" className="mt-2" onClick={() => void sendThroughProxyClicked()}>
              Send through Parley's proxy
            </Button>
          )}
        </div>
      </Notice>
    </div>
  );
}
