/** The visible setting: send through Parley's proxy or directly from the browser. */
import { Suspense, lazy, useState } from 'react';
import type { TransportKind } from '../../services/transport.ts';
import {
  followRedirectsToggled,
  proxyAvailable,
  transportChosen,
  useFollowRedirects,
  useTransportKind,
} from '../../stores/settings-store.ts';
import { sendCookiesToggled, useSendCookies, useVerifyTls, verifyTlsToggled } from '../../stores/request-store.ts';
import { useResolved } from '../../stores/request-derived.ts';
import { hasTlsSettings, useTlsSettingsVersion } from '../../stores/tls-settings-store.ts';

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
  const kind = useTransportKind();
  const follow = useFollowRedirects();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
      <TransportRadios kind={kind} />
      <label
        className={`flex items-center gap-1.5 text-xs ${kind === 'proxy' ? 'text-slate-600' : 'text-slate-400'}`}
        title={
          kind === 'proxy'
            ? 'Off: a 3xx response is shown as received.'
            : 'In direct mode the browser always follows redirects.'
        }
      >
        <input
          type="checkbox"
          className="h-3.5 w-3.5 accent-indigo-600"
          checked={kind === 'proxy' ? follow : true}
          disabled={kind !== 'proxy'}
          onChange={followRedirectsToggled}
        />
        Follow redirects
      </label>
      <VerifyTlsSwitch proxy={kind === 'proxy'} />
      <SendCookiesSwitch proxy={kind === 'proxy'} />
      {kind === 'proxy' && <TlsSettingsButton />}
    </div>
  );
}

/** Per request (saved with it): whether the proxy checks the target's certificate. */
function VerifyTlsSwitch({ proxy }: { proxy: boolean }) {
  const verify = useVerifyTls();
  return (
    <label
      className={`flex items-center gap-1.5 text-xs ${proxy ? (verify ? 'text-slate-600' : 'text-amber-700') : 'text-slate-400'}`}
      title={
        proxy
          ? verify
            ? 'On: the proxy refuses a certificate it cannot verify, as curl does.'
            : 'Off (curl -k): the proxy accepts any certificate for this request — a man in the middle could read it.'
          : 'Direct mode cannot turn this off: the browser always verifies certificates.'
      }
    >
      <input
        type="checkbox"
        className="h-3.5 w-3.5 accent-indigo-600"
        checked={proxy ? verify : true}
        disabled={!proxy}
        onChange={verifyTlsToggled}
      />
      Verify TLS certificate
      {!proxy && !verify && <span>(Direct mode cannot turn it off)</span>}
    </label>
  );
}

const TlsSettingsDialog = lazy(() => import('./TlsSettingsDialog.tsx').then((m) => ({ default: m.TlsSettingsDialog })));

/** Opens the TLS settings of the request's host (https targets, proxy mode). */
function TlsSettingsButton() {
  const url = useResolved().request?.url ?? null;
  useTlsSettingsVersion();
  const [open, setOpen] = useState(false);
  const parsed = url !== null ? new URL(url) : null;
  if (!parsed || parsed.protocol !== 'https:') return null;
  const host = parsed.host;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded text-xs text-sky-700 underline decoration-sky-300 underline-offset-2 hover:text-sky-900"
        title="Custom CA, client certificate, minimum TLS version and SNI for this host"
      >
        {hasTlsSettings(host) ? 'TLS settings (set)' : 'TLS settings'}
      </button>
      {open && (
        <Suspense fallback={null}>
          <TlsSettingsDialog host={host} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/** Per request (saved with it): whether the cookie jar's cookies go with it (proxy mode). */
function SendCookiesSwitch({ proxy }: { proxy: boolean }) {
  const send = useSendCookies();
  return (
    <label
      className={`flex items-center gap-1.5 text-xs ${proxy ? 'text-slate-600' : 'text-slate-400'}`}
      title={
        proxy
          ? 'Send the matching cookies of the cookie jar (shown as an auto Cookie header). Off: this request goes without them.'
          : 'In direct mode the browser sends its own cookies; the jar is for the proxy.'
      }
    >
      <input
        type="checkbox"
        className="h-3.5 w-3.5 accent-indigo-600"
        checked={proxy && send}
        disabled={!proxy}
        onChange={sendCookiesToggled}
      />
      Send cookies
    </label>
  );
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
