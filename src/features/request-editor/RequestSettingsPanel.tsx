/**
 * The Settings tab: options of this one request (Postman's per-request settings). Verify TLS and
 * Send cookies are saved with the request (`draft.verifyTls`, `draft.sendCookies`); Follow
 * redirects is this browser's setting for every request (`parley.settings`); TLS settings belong
 * to the target's host. All but Verify TLS's "on" only act through the proxy.
 */
import { Suspense, lazy, useId, useState, type ReactNode } from 'react';
import { followRedirectsToggled, useFollowRedirects, useTransportKind } from '../../stores/settings-store.ts';
import { sendCookiesToggled, useSendCookies, useVerifyTls, verifyTlsToggled } from '../../stores/request-store.ts';
import { useResolved } from '../../stores/request-derived.ts';
import { hasTlsSettings, useTlsSettingsVersion } from '../../stores/tls-settings-store.ts';

const TlsSettingsDialog = lazy(() => import('./TlsSettingsDialog.tsx').then((m) => ({ default: m.TlsSettingsDialog })));

export function RequestSettingsPanel() {
  const proxy = useTransportKind() === 'proxy';
  const follow = useFollowRedirects();
  const verify = useVerifyTls();
  const cookies = useSendCookies();
  return (
    <div className="flex flex-col gap-3 p-3 text-xs">
      {!proxy && (
        <p className="text-slate-500">
          Sending directly from the browser: it follows redirects, verifies certificates and sends its own cookies
          itself. These options act when sending via the proxy.
        </p>
      )}
      <Option
        label="Follow redirects"
        checked={proxy ? follow : true}
        disabled={!proxy}
        onChange={followRedirectsToggled}
        help={
          proxy
            ? 'Off: a 3xx response is shown as received. A setting of this browser, for every request.'
            : 'In direct mode the browser always follows redirects.'
        }
      />
      <Option
        label="Verify TLS certificate"
        checked={proxy ? verify : true}
        disabled={!proxy}
        onChange={verifyTlsToggled}
        warn={proxy && !verify}
        help={
          proxy
            ? verify
              ? 'On: the proxy refuses a certificate it cannot verify, as curl does. Saved with this request.'
              : 'Off (curl -k): the proxy accepts any certificate for this request — a man in the middle could read it.'
            : `Direct mode cannot turn this off: the browser always verifies certificates.${verify ? '' : ' (Off for this request: applies via the proxy.)'}`
        }
      />
      <Option
        label="Send cookies"
        checked={proxy && cookies}
        disabled={!proxy}
        onChange={sendCookiesToggled}
        help={
          proxy
            ? 'Sends the matching cookies of the cookie jar (shown as an auto Cookie header). Saved with this request.'
            : 'In direct mode the browser sends its own cookies; the jar is for the proxy.'
        }
      />
      {proxy && <TlsSettingsButton />}
    </div>
  );
}

function Option(props: {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: () => void;
  help: ReactNode;
  warn?: boolean;
}) {
  const tone = props.disabled ? 'text-slate-400' : props.warn ? 'text-amber-700' : 'text-slate-700';
  const helpId = useId();
  return (
    <div>
      <label className={`flex items-center gap-2 font-medium ${tone}`}>
        <input
          type="checkbox"
          className="h-3.5 w-3.5 accent-indigo-600"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={helpId}
          onChange={props.onChange}
        />
        {props.label}
      </label>
      <p id={helpId} className={`ml-5.5 ${props.warn ? 'text-amber-700' : 'text-slate-500'}`}>
        {props.help}
      </p>
    </div>
  );
}

/** Opens the TLS settings of the request's host (https targets, proxy mode). */
function TlsSettingsButton() {
  const url = useResolved().request?.url ?? null;
  useTlsSettingsVersion();
  const [open, setOpen] = useState(false);
  const parsed = url !== null ? new URL(url) : null;
  if (!parsed || parsed.protocol !== 'https:') {
    return (
      <p className="text-slate-500">TLS settings (custom CA, client certificate) are per host, for https targets.</p>
    );
  }
  const host = parsed.host;
  return (
    <div>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded text-xs text-sky-700 underline decoration-sky-300 underline-offset-2 hover:text-sky-900"
        title="Custom CA, client certificate, minimum TLS version and SNI for this host"
      >
        {hasTlsSettings(host) ? 'TLS settings (set)' : 'TLS settings'}
      </button>
      <span className="ml-1 text-slate-500">for {host}</span>
      {open && (
        <Suspense fallback={null}>
          <TlsSettingsDialog host={host} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
