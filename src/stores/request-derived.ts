/**
 * Views of the draft computed with core functions — never stored (DESIGN §1, zustand
 * "never store derived data"). Every view that shows the request goes through here.
 */
import { useMemo } from 'react';
import type { RequestDraft } from '../core/model/draft.ts';
import type { ResolveResult } from '../core/resolve/types.ts';
import { resolveRequest } from '../core/resolve/resolve-request.ts';
import { activeVariables } from '../core/variables/substitute.ts';
import { urlFieldText } from '../core/url/query.ts';
import type { TransportKind } from '../services/transport.ts';
import { getEnvironmentsState, useActiveEnvironmentId, useEnvironments } from './environments-store.ts';
import { getFiles, useFilesVersionNumber } from './request-files.ts';
import { getDraft, useDraft } from './request-store.ts';
import { getTransportKind, useTransportKind } from './settings-store.ts';
import type { Environment } from '../core/model/variables.ts';
import type { DynamicValues } from '../core/variables/dynamic.ts';
import { getDynamicValues, useDynamicValues } from './dynamic-values.ts';
import type { KeyValueRow } from '../core/model/draft.ts';
import type { ScopeLayer } from '../core/library/scope.ts';
import { getGlobals, useGlobals } from './globals-store.ts';
import { getScopeChain, useScopeChain } from './request-scopes.ts';
import { jarCookieFor, useCookiesVersion } from './cookies-store.ts';
import { oauthTokenFor, useOAuthVersion } from './oauth-store.ts';

/** Resolves a draft with its scope chain and globals, the active environment, the dynamic values, the chosen files and the transport. */
export function resolveWith(
  draft: RequestDraft,
  environments: readonly Environment[],
  activeId: string | null,
  transport: TransportKind,
  dynamic: DynamicValues,
  scopes: readonly ScopeLayer[] = [],
  globals: readonly KeyValueRow[] = [],
): ResolveResult {
  return resolveRequest(draft, {
    variables: activeVariables(environments, activeId),
    scopes,
    globals,
    dynamic,
    files: (fileId) => getFiles().get(fileId),
    transport,
    cookieFor: jarCookieFor,
    oauthTokenFor,
    now: Date.now(),
  });
}

/** The current draft (or `draft`: the current one as a pre-request script changed it) resolved now (for sendClicked: the request is built once, here). */
export function resolveCurrent(draft: RequestDraft = getDraft()): ResolveResult {
  const { environments, activeId } = getEnvironmentsState();
  return resolveWith(
    draft,
    environments,
    activeId,
    getTransportKind(),
    getDynamicValues(),
    getScopeChain(),
    getGlobals(),
  );
}

/** The inputs of the last resolve and its result, shared by every view (one entry is enough: there is one draft). */
let lastResolved: {
  draft: RequestDraft;
  environments: readonly Environment[];
  activeId: string | null;
  transport: TransportKind;
  dynamic: DynamicValues;
  filesVersion: number;
  scopes: readonly ScopeLayer[];
  globals: readonly KeyValueRow[];
  cookiesVersion: number;
  oauthVersion: number;
  result: ResolveResult;
} | null = null;

/**
 * The effective request and its problems for the current draft, recomputed on change.
 * Many views call this in one render; the result is cached at module level, not per
 * component, so the draft is resolved once per draft/environment/transport/file change.
 */
export function useResolved(): ResolveResult {
  const draft = useDraft();
  const environments = useEnvironments();
  const activeId = useActiveEnvironmentId();
  const transport = useTransportKind();
  const dynamic = useDynamicValues();
  // filesVersion is a cache key because file bytes live outside the draft.
  const filesVersion = useFilesVersionNumber();
  const scopes = useScopeChain();
  const globals = useGlobals();
  const cookiesVersion = useCookiesVersion();
  const oauthVersion = useOAuthVersion();
  const last = lastResolved;
  if (
    last !== null &&
    last.draft === draft &&
    last.environments === environments &&
    last.activeId === activeId &&
    last.transport === transport &&
    last.dynamic === dynamic &&
    last.filesVersion === filesVersion &&
    last.scopes === scopes &&
    last.globals === globals &&
    last.cookiesVersion === cookiesVersion &&
    last.oauthVersion === oauthVersion
  ) {
    return last.result;
  }
  const result = resolveWith(draft, environments, activeId, transport, dynamic, scopes, globals);
  // A module-level cache on purpose (see above): every view's call in one render shares one result.
  // eslint-disable-next-line react-hooks/globals
  lastResolved = {
    draft,
    environments,
    activeId,
    transport,
    dynamic,
    filesVersion,
    scopes,
    globals,
    cookiesVersion,
    oauthVersion,
    result,
  };
  return result;
}

/** The text the URL field shows: target URI + enabled query rows + fragment. */
export function useUrlFieldText(): string {
  const draft = useDraft();
  return useMemo(() => urlFieldText(draft), [draft]);
}
