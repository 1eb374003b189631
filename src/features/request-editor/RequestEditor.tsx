/** The request form below the request line: Query, Headers, Auth, Body, Scripts, Assertions and Settings tabs. */
import { lazy, Suspense } from 'react';
import { TabList, TabPanel } from '../../components/tabs.tsx';
import { useResolved } from '../../stores/request-derived.ts';
import { useTabView } from '../../stores/tabs-store.ts';
import {
  useAssertions,
  useAuth,
  useBody,
  useHeaderRows,
  useQueryRows,
  useScripts,
  useSendCookies,
  useVerifyTls,
} from '../../stores/request-store.ts';
import { authScheme } from '../../core/auth/schemes.ts';
import { BodyPanel } from './BodyPanel.tsx';

// Body is the tab shown first; the other panels (and the key-value table) are not in the first
// chunk: they load right after the first render (main.tsx prefetches them), before anyone clicks.
const QueryPanel = lazy(() => import('./QueryPanel.tsx').then((m) => ({ default: m.QueryPanel })));
const HeadersPanel = lazy(() => import('./HeadersPanel.tsx').then((m) => ({ default: m.HeadersPanel })));
const AuthPanel = lazy(() => import('./AuthPanel.tsx').then((m) => ({ default: m.AuthPanel })));
const ScriptsPanel = lazy(() => import('./ScriptsPanel.tsx').then((m) => ({ default: m.ScriptsPanel })));
const AssertionsPanel = lazy(() => import('./AssertionsPanel.tsx').then((m) => ({ default: m.AssertionsPanel })));
const RequestSettingsPanel = lazy(() =>
  import('./RequestSettingsPanel.tsx').then((m) => ({ default: m.RequestSettingsPanel })),
);

type TabId = 'query' | 'headers' | 'auth' | 'body' | 'scripts' | 'assertions' | 'settings';
const TABS_LABEL = 'Request';

export function RequestEditor() {
  // Each request tab remembers its own sub-tab.
  const [tab, setTab] = useTabView<TabId>('request', 'body');
  const query = useQueryRows();
  const headers = useHeaderRows();
  const auth = useAuth();
  const body = useBody();
  const resolved = useResolved();
  const scripts = useScripts();
  const assertions = useAssertions() ?? [];
  // Per-request options changed from their defaults (Verify TLS off, Send cookies off).
  const changedSettings = [!useVerifyTls(), !useSendCookies()].filter(Boolean).length;
  const scriptCount = [scripts?.preRequest, scripts?.postResponse].filter((t) => (t ?? '').trim() !== '').length;
  const errorsIn = (field: string) => resolved.problems.some((p) => p.severity === 'error' && p.field === field);
  const mark = (field: string, count?: number) =>
    errorsIn(field) ? <span className="text-red-600">!</span> : count ? String(count) : undefined;

  return (
    <section aria-label="Request" className="flex h-full min-h-0 flex-col bg-white">
      <TabList<TabId>
        label={TABS_LABEL}
        selected={tab}
        onSelect={setTab}
        items={[
          { id: 'query', label: 'Query', badge: mark('query', query.filter((r) => r.enabled).length) },
          { id: 'headers', label: 'Headers', badge: mark('header', headers.filter((r) => r.enabled).length) },
          {
            id: 'auth',
            label: 'Auth',
            badge: errorsIn('auth')
              ? mark('auth')
              : auth.type === 'none'
                ? undefined
                : authScheme(auth.type).label.split(' ')[0],
          },
          {
            id: 'body',
            label: 'Body',
            badge: errorsIn('body')
              ? mark('body')
              : body.mode === 'none'
                ? undefined
                : body.mode.toUpperCase().replace('FORM-URLENCODED', 'FORM'),
          },
          { id: 'scripts', label: 'Scripts', badge: scriptCount > 0 ? String(scriptCount) : undefined },
          {
            id: 'assertions',
            label: 'Assertions',
            badge: assertions.length > 0 ? String(assertions.filter((a) => a.enabled).length) : undefined,
          },
          { id: 'settings', label: 'Settings', badge: changedSettings > 0 ? String(changedSettings) : undefined },
        ]}
      />
      <TabPanel label={TABS_LABEL} id={tab} className="min-h-0 flex-1 overflow-auto">
        <Suspense fallback={<p className="px-3 py-2 text-xs text-slate-400">Loading…</p>}>
          {tab === 'query' && <QueryPanel />}
          {tab === 'headers' && <HeadersPanel />}
          {tab === 'auth' && <AuthPanel />}
          {tab === 'scripts' && <ScriptsPanel />}
          {tab === 'assertions' && <AssertionsPanel />}
          {tab === 'settings' && <RequestSettingsPanel />}
        </Suspense>
        {tab === 'body' && <BodyPanel />}
      </TabPanel>
    </section>
  );
}
