/** The WebSocket view of a `ws://` / `wss://` request: connection bar and timeline, message log, composer. */
import { Button, Notice, inputClass } from '../../components/ui.tsx';
import { useDraft, useWebSocketSettings, websocketSettingsEdited } from '../../stores/request-store.ts';
import { Composer } from './Composer.tsx';
import { MessageLog } from './MessageLog.tsx';
import {
  closeClicked,
  connectClicked,
  plannedRoute,
  useWsHandshake,
  useWsProblem,
  useWsProtocol,
  useWsStatus,
  useWsVia,
} from './websocket-store.ts';

const statusText = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Open',
  closing: 'Closing…',
  closed: 'Closed',
};

export function WebSocketPanel() {
  useDraft(); // the planned route depends on the draft: re-render on edits
  const settings = useWebSocketSettings();
  const status = useWsStatus();
  const via = useWsVia();
  const protocol = useWsProtocol();
  const handshake = useWsHandshake();
  const problem = useWsProblem();
  const route = plannedRoute();
  const busy = status === 'connecting' || status === 'open' || status === 'closing';
  return (
    <section aria-label="WebSocket" className="flex h-full min-h-0 flex-col gap-3 overflow-auto bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label="Subprotocols"
          placeholder="Subprotocols (comma-separated)"
          className={`${inputClass} !w-64`}
          value={settings?.subprotocols ?? ''}
          onChange={(e) => websocketSettingsEdited({ subprotocols: e.target.value })}
        />
        {busy ? (
          <Button onClick={() => closeClicked(1000, '')} disabled={status !== 'open'}>
            Disconnect
          </Button>
        ) : (
          <Button variant="primary" onClick={connectClicked}>
            Connect
          </Button>
        )}
        <span role="status" aria-label="Connection status" className="text-xs font-semibold text-slate-700">
          {statusText[status]}
          {status === 'open' ? `, subprotocol ${protocol || 'none'}` : ''}
        </span>
        <span className="ml-auto rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-500">
          {`via ${(busy ? via : route.via) === 'proxy' ? 'proxy' : 'browser (direct)'}`}
        </span>
      </div>
      {route.note && <p className="text-xs text-amber-800">{route.note}</p>}
      {route.error && <Notice tone="error">{route.error}</Notice>}
      {problem && (
        <Notice tone="warning">
          <span role="alert" aria-label="WebSocket problem">
            {problem}
          </span>
        </Notice>
      )}
      {handshake && (
        <details className="text-xs text-slate-600">
          <summary>{`Handshake answer: ${handshake.status} ${handshake.reasonPhrase}, ${handshake.headers.length} header fields`}</summary>
          <pre aria-label="Handshake header fields" className="mt-1 font-mono text-[12px]">
            {handshake.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}
          </pre>
        </details>
      )}
      <Composer />
      <MessageLog />
    </section>
  );
}
