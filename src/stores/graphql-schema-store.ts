/**
 * The GraphQL schema of each request tab, in memory only (docs/graphql.md): fetched with the
 * introspection query through the same resolve + transport path as Send, so the request's
 * header fields, auth, variables and transport (proxy or direct) apply. Imported only by the
 * lazy GraphQL body editor chunk (it pulls in `graphql`).
 */
import { create } from 'zustand';
import type { GraphQLSchema } from 'graphql';
import { introspectionBody, schemaFromText, schemaTypeCount } from '../core/graphql/schema-source.ts';
import { readProxyToken } from '../services/proxy-token.ts';
import { resolveCurrent } from './request-derived.ts';
import { getDraft } from './request-store.ts';
import { getFollowRedirects, getTransportKind } from './settings-store.ts';
import { getActiveTab } from './tabs-store.ts';

/** One tab's schema state: `loading`, a schema with its type count, or an error sentence. */
export type SchemaState =
  | { phase: 'loading' }
  | { phase: 'ready'; schema: GraphQLSchema; typeCount: number }
  | { phase: 'error'; message: string };

const useSchemaStore = create<{ byTab: Record<string, SchemaState> }>(() => ({ byTab: {} }));

/** The schema state of tab `tabId`, `undefined` before any fetch. */
export const useTabSchema = (tabId: string): SchemaState | undefined => useSchemaStore((s) => s.byTab[tabId]);

function setFor(tabId: string, state: SchemaState): void {
  useSchemaStore.setState((s) => ({ byTab: { ...s.byTab, [tabId]: state } }));
}

/**
 * "Fetch schema": the current draft with its body replaced by the introspection query, resolved
 * and sent like Send; the response content (UTF-8) becomes the tab's schema, or an error naming
 * the status code, the blocking problems, the transport failure or the schema reading error.
 */
export async function fetchSchemaClicked(): Promise<void> {
  const tabId = getActiveTab().id;
  setFor(tabId, { phase: 'loading' });
  const resolved = resolveCurrent({ ...getDraft(), body: introspectionBody() });
  const errors = resolved.problems.filter((p) => p.severity === 'error');
  if (!resolved.request || errors.length > 0) {
    const reason = errors.map((p) => p.message).join('; ') || 'the request could not be built';
    setFor(tabId, { phase: 'error', message: `Schema not fetched: ${reason}` });
    return;
  }
  try {
    const parts = await import('./send-parts.ts');
    const kind = getTransportKind();
    const token = readProxyToken();
    const transport =
      kind === 'proxy' && token !== null ? parts.createProxyTransport(token) : parts.createDirectTransport();
    const response = await transport.send(resolved.request, {
      signal: new AbortController().signal,
      followRedirects: getFollowRedirects(),
      verifyTls: getDraft().verifyTls,
    });
    const text = response.body ? new TextDecoder().decode(response.body) : '';
    const built = schemaFromText(text);
    if ('schema' in built) {
      setFor(tabId, { phase: 'ready', schema: built.schema, typeCount: schemaTypeCount(built.schema) });
    } else {
      const status = response.status >= 200 && response.status < 300 ? '' : ` (status code ${response.status})`;
      setFor(tabId, { phase: 'error', message: built.error + status });
    }
  } catch (error) {
    setFor(tabId, {
      phase: 'error',
      message: `Schema not fetched: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
