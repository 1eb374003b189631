/** User settings: how requests leave the browser. Small, persisted, versioned. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { TransportKind } from '../services/transport.ts';
import { readProxyToken } from '../services/proxy-token.ts';
import { safePersistStorage } from './settings-storage.ts';

interface SettingsState {
  /** `null` = not chosen: proxy when the page was served by Parley, else direct. */
  transport: TransportKind | null;
  followRedirects: boolean;
}

const initial: SettingsState = { transport: null, followRedirects: false };

const useSettingsStore = create<SettingsState>()(
  persist(() => initial, {
    name: 'parley.settings',
    version: 1,
    storage: safePersistStorage<SettingsState>(),
    migrate: (persisted) => ({ ...initial, ...(persisted as Partial<SettingsState> | undefined) }),
  }),
);

/** Whether this page can use Parley's proxy (it received a proxy token). */
export const proxyAvailable = (): boolean => readProxyToken() !== null;

/** The transport in effect: the chosen one, falling back to direct when no proxy is available. */
export function effectiveTransport(chosen: TransportKind | null, hasProxy: boolean): TransportKind {
  if (!hasProxy) return 'direct';
  return chosen ?? 'proxy';
}

export const useTransportKind = (): TransportKind =>
  useSettingsStore((s) => effectiveTransport(s.transport, proxyAvailable()));
export const useFollowRedirects = (): boolean => useSettingsStore((s) => s.followRedirects);

export const getTransportKind = (): TransportKind =>
  effectiveTransport(useSettingsStore.getState().transport, proxyAvailable());
export const getFollowRedirects = (): boolean => useSettingsStore.getState().followRedirects;

export function transportChosen(transport: TransportKind): void {
  useSettingsStore.setState({ transport });
}

/** Sets "Follow redirects" (a cURL import with `-L` turns it on). */
export function followRedirectsSet(followRedirects: boolean): void {
  useSettingsStore.setState({ followRedirects });
}

export function followRedirectsToggled(): void {
  useSettingsStore.setState((s) => ({ followRedirects: !s.followRedirects }));
}
