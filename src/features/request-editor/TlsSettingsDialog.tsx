/**
 * TLS settings of one host (issue 16 point 6), for the proxy: custom CA, client certificate
 * (PEM cert + key, or a PKCS#12 file) with passphrase, minimum version, SNI override. Stored in
 * this browser only (tls-settings-store), never in links or exports.
 */
import { useId, useState } from 'react';
import type { ProxyTlsOptions } from '../../core/wire/proxy.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Button, inputClass, selectClass } from '../../components/ui.tsx';
import { tlsSettingsFor, tlsSettingsSaved } from '../../stores/tls-settings-store.ts';

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function TlsSettingsDialog({ host, onClose }: { host: string; onClose: () => void }) {
  const [s, setS] = useState<ProxyTlsOptions>(() => tlsSettingsFor(host));
  const id = useId();
  const set = (k: keyof ProxyTlsOptions) => (e: { target: { value: string } }) => setS({ ...s, [k]: e.target.value });
  const pem = (k: 'ca' | 'cert' | 'key', label: string, placeholder: string) => (
    <>
      <label htmlFor={`${id}-${k}`} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <textarea
        id={`${id}-${k}`}
        className={`${inputClass} h-16 font-mono text-[11px]`}
        value={s[k] ?? ''}
        placeholder={placeholder}
        spellCheck={false}
        onChange={set(k)}
      />
    </>
  );
  return (
    <Dialog title={`TLS settings for ${host}`} onClose={onClose} size="wide">
      <div className="grid grid-cols-[9rem_1fr] items-center gap-x-3 gap-y-2">
        {pem('ca', 'Custom CA (PEM)', '-----BEGIN CERTIFICATE-----')}
        {pem('cert', 'Client certificate (PEM)', '-----BEGIN CERTIFICATE-----')}
        {pem('key', 'Client key (PEM)', '-----BEGIN PRIVATE KEY-----')}
        <label htmlFor={`${id}-pfx`} className="text-xs font-medium text-slate-600">
          Client PKCS#12 file
        </label>
        <div className="flex items-center gap-2 text-xs">
          <input
            id={`${id}-pfx`}
            type="file"
            accept=".p12,.pfx,application/x-pkcs12"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file)
                void file
                  .arrayBuffer()
                  .then((b) => setS((prev) => ({ ...prev, pfx: bytesToBase64(new Uint8Array(b)) })));
            }}
          />
          {s.pfx && (
            <Button onClick={() => setS({ ...s, pfx: '' })} aria-label="Remove the PKCS#12 file">
              Remove ({Math.round((s.pfx.length * 3) / 4)} bytes)
            </Button>
          )}
        </div>
        <label htmlFor={`${id}-pass`} className="text-xs font-medium text-slate-600">
          Passphrase
        </label>
        <input
          id={`${id}-pass`}
          type="password"
          className={inputClass}
          value={s.passphrase ?? ''}
          onChange={set('passphrase')}
        />
        <label htmlFor={`${id}-min`} className="text-xs font-medium text-slate-600">
          Minimum TLS version
        </label>
        <select
          id={`${id}-min`}
          className={`${selectClass} justify-self-start`}
          value={s.minVersion ?? ''}
          onChange={set('minVersion')}
        >
          <option value="">Default (TLSv1.2)</option>
          <option value="TLSv1.2">TLSv1.2</option>
          <option value="TLSv1.3">TLSv1.3</option>
        </select>
        <label htmlFor={`${id}-sni`} className="text-xs font-medium text-slate-600">
          SNI server name
        </label>
        <input
          id={`${id}-sni`}
          className={`${inputClass} font-mono`}
          value={s.servername ?? ''}
          placeholder="default: the target's host"
          onChange={set('servername')}
        />
      </div>
      <p className="mt-2 text-[11px] text-slate-500">
        Used by the proxy for every request to {host}. Kept in this browser only: never in a share link or an export.
      </p>
      <div className="mt-3 flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="primary"
          onClick={() => {
            tlsSettingsSaved(host, s);
            onClose();
          }}
        >
          Save TLS settings
        </Button>
      </div>
    </Dialog>
  );
}
