/** The visible setting: send through Parley's proxy or directly from the browser (the request's own options are in its Settings tab). */
import type { TransportKind } from '../../services/transport.ts';
import { proxyAvailable, transportChosen, useTransportKind } from '../../stores/settings-store.ts';

const OPTIONS: { kind: TransportKind; label: string; title: string }[] = [
  {
    kind: 'proxy',
    label: 'Proxy',
    title: 'Through Parley’s server: any method and header, no CORS, every response header as received',
  },
  {
    kind: 'direct',
    label: 'Direct',
    title: 'With the browser’s fetch: subject to CORS and the Fetch standard’s forbidden headers',
  },
];

export function TransportSwitch() {
  return <TransportRadios kind={useTransportKind()} />;
}

function TransportRadios({ kind }: { kind: TransportKind }) {
  const hasProxy = proxyAvailable();
  return (
    <div role="radiogroup" aria-label="Send via" className="flex items-center rounded-md bg-slate-100 p-0.5 text-xs">
      <span className="px-1.5 text-[11px] text-slate-500">Send via</span>
      {OPTIONS.map((o) => {
        const disabled = o.kind === 'proxy' && !hasProxy;
        return (
          <button
            key={o.kind}
            type="button"
            role="radio"
            aria-checked={kind === o.kind}
            disabled={disabled}
            title={disabled ? 'This page was not served by Parley’s server, so its proxy is not available.' : o.title}
            onClick={() => transportChosen(o.kind)}
            className={`rounded px-2 py-0.5 font-medium transition-colors ${
              kind === o.kind
                ? 'bg-white text-slate-900 shadow-sm'
                : 'text-slate-500 hover:text-slate-800 disabled:text-slate-300'
            }`}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
