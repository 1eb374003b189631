/**
 * TLS settings per host (issue 16 point 6): custom CA, client certificate and key (PEM or
 * PKCS#12 + passphrase), minimum version, SNI override. Kept in this browser only
 * (localStorage `parley.tls.<host>`, one key per host), never in a draft, a link or an export.
 */
import { create } from 'zustand';
import type { ProxyTlsOptions } from '../core/wire/proxy.ts';

const PREFIX = 'parley.tls.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(host: string): ProxyTlsOptions {
  try {
    const text = storage()?.getItem(PREFIX + host) ?? null;
    const v: unknown = text !== null ? JSON.parse(text) : {};
    return typeof v === 'object' && v !== null ? v : {};
  } catch {
    return {};
  }
}

const useTlsStore = create<{ version: number }>()(() => ({ version: 0 }));

/** Changes when any host's settings change. */
export const useTlsSettingsVersion = (): number => useTlsStore((s) => s.version);

/** The settings for `host` (`name:port` as in the target URI's authority); `{}` when none. */
export function tlsSettingsFor(host: string): ProxyTlsOptions {
  return read(host.toLowerCase());
}

/** Whether `host` has any setting (the TLS button then says so). */
export function hasTlsSettings(host: string): boolean {
  return Object.values(tlsSettingsFor(host)).some((v) => v !== undefined && v !== '');
}

/** Saves (or, when every field is empty, removes) the settings of `host`. */
export function tlsSettingsSaved(host: string, settings: ProxyTlsOptions): void {
  const kept = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined && v !== ''));
  try {
    if (Object.keys(kept).length === 0) storage()?.removeItem(PREFIX + host.toLowerCase());
    else storage()?.setItem(PREFIX + host.toLowerCase(), JSON.stringify(kept));
  } catch (error) {
    console.warn('Parley could not store the TLS settings:', error);
  }
  useTlsStore.setState((s) => ({ version: s.version + 1 }));
}
