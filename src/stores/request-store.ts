/**
 * The request being edited: a RequestDraft and nothing derived from it. The URL field
 * text, the effective request and the raw message are computed from the draft with
 * core functions (see request-derived.ts).
 */
import { create } from 'zustand';
import type {
  Auth,
  AuthType,
  Body,
  BodyMode,
  KeyValueRow,
  MultipartPart,
  QueryRow,
  RequestDraft,
  WebSocketSettings,
} from '../core/model/draft.ts';
import { exampleDraft, newHeaderRow, newQueryRow } from '../core/model/defaults.ts';
import { withLastEventId } from '../core/sse/event-list.ts';
import { switchAuthType, type AuthStash } from '../core/auth/switch-scheme.ts';
import {
  contentTypeRowsForMode,
  emptyBodyStash,
  newMultipartPart,
  switchBodyMode,
  type BodyStash,
} from '../core/body/switch-mode.ts';
import { newId } from '../core/model/ids.ts';
import { mergeQueryRows, splitTargetUri } from '../core/url/query.ts';
import { fileChosen } from './request-files.ts';
import { fileRefForPart } from '../core/body/file-type.ts';

interface RequestState {
  draft: RequestDraft;
  /** Bodies of other modes the user filled in (and the last text), so switching mode and back loses nothing. */
  bodyStash: BodyStash;
  /** Fields of other auth types the user filled in, for the session only (never saved or shared). */
  authStash: AuthStash;
  /** Counts whole-draft replacements (another request opened): a response belongs to one generation. */
  generation: number;
}

const origin = typeof location === 'undefined' ? 'http://127.0.0.1:8080' : location.origin;

const useRequestStore = create<RequestState>()(() => ({
  draft: exampleDraft(origin),
  bodyStash: emptyBodyStash(),
  authStash: {},
  generation: 0,
}));

export const useDraft = (): RequestDraft => useRequestStore((s) => s.draft);
export const useMethod = (): string => useRequestStore((s) => s.draft.method);
export const useQueryRows = (): QueryRow[] => useRequestStore((s) => s.draft.query);
export const useHeaderRows = (): KeyValueRow[] => useRequestStore((s) => s.draft.headers);
export const useAuth = (): Auth => useRequestStore((s) => s.draft.auth);
export const useBody = (): Body => useRequestStore((s) => s.draft.body);
export const getDraft = (): RequestDraft => useRequestStore.getState().draft;
/** Changes each time another request is opened (`draftReplaced`), not on edits. */
export const useDraftGeneration = (): number => useRequestStore((s) => s.generation);
export const getDraftGeneration = (): number => useRequestStore.getState().generation;
export const useVerifyTls = (): boolean => useRequestStore((s) => s.draft.verifyTls);
export const useScripts = (): RequestDraft['scripts'] => useRequestStore((s) => s.draft.scripts);
export const useAssertions = (): RequestDraft['assertions'] => useRequestStore((s) => s.draft.assertions);

function setDraft(update: (draft: RequestDraft) => RequestDraft): void {
  useRequestStore.setState((s) => ({ draft: update(s.draft) }));
}

type Row = { id: string };
const patchRow = <T extends Row>(rows: T[], id: string, patch: Partial<T>): T[] =>
  rows.map((r) => (r.id === id ? { ...r, ...patch } : r));
const moveRow = <T extends Row>(rows: T[], id: string, delta: number): T[] => {
  const from = rows.findIndex((r) => r.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= rows.length) return rows;
  const next = rows.slice();
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row!);
  return next;
};
const emptyRow = (): KeyValueRow => ({ id: newId(), name: '', value: '', enabled: true });

/** Replaces the whole draft (a saved request opened, a cURL command imported, a share link). */
export function draftReplaced(draft: RequestDraft): void {
  useRequestStore.setState((s) => ({
    draft,
    bodyStash: emptyBodyStash(),
    authStash: {},
    generation: s.generation + 1,
  }));
}

/** The request's scripts or assertion rows were edited (issue 15; the Scripts and Assertions tabs). */
export function scriptFieldsEdited(patch: Pick<Partial<RequestDraft>, 'scripts' | 'assertions'>): void {
  setDraft((d) => ({ ...d, ...patch }));
}

/** What one request tab holds in this store: its draft and the stashes of other body modes and auth types. */
export type EditorState = Pick<RequestState, 'draft' | 'bodyStash' | 'authStash'>;

export function getEditorState(): EditorState {
  const { draft, bodyStash, authStash } = useRequestStore.getState();
  return { draft, bodyStash, authStash };
}

/** Another request tab became active: its editor state replaces this one (a new generation, like `draftReplaced`). */
export function editorStateSwapped(next: EditorState): void {
  useRequestStore.setState((s) => ({ ...next, generation: s.generation + 1 }));
}

/**
 * Calls `listener(edited)` after every draft change: `edited` is true for an edit in place,
 * false when another request replaced the draft (a new generation). Returns the unsubscribe function.
 */
export const subscribeToDraft = (listener: (edited: boolean) => void): (() => void) =>
  useRequestStore.subscribe((s, p) => {
    if (s.draft !== p.draft) listener(s.generation === p.generation);
  });

/** The request's "Verify TLS certificate" switch (curl's default on; `curl -k` off). */
export function verifyTlsToggled(): void {
  setDraft((d) => ({ ...d, verifyTls: !d.verifyTls }));
}

/** The request's "Send cookies" switch (the cookie jar, proxy mode): off stores `sendCookies: false`. */
export function sendCookiesToggled(): void {
  setDraft(({ sendCookies, ...d }) => (sendCookies === false ? d : { ...d, sendCookies: false }));
}
export const useSendCookies = (): boolean => useRequestStore((s) => s.draft.sendCookies !== false);

export function methodChanged(method: string): void {
  setDraft((d) => ({ ...d, method }));
}

/** The URL field was edited: re-split it into target URI, query rows and fragment. */
export function urlEdited(text: string): void {
  setDraft((d) => {
    const split = splitTargetUri(text);
    return {
      ...d,
      url: split.url,
      fragment: split.fragment,
      query: mergeQueryRows(d.query, split.query, newId),
    };
  });
}

export function queryRowAdded(): void {
  setDraft((d) => ({ ...d, query: [...d.query, newQueryRow()] }));
}
export function queryRowEdited(id: string, patch: { name?: string; value?: string }): void {
  // A typed value means the row now has `=`; `noEquals` only describes `?flag` as typed in the URL.
  setDraft((d) => ({
    ...d,
    query: d.query.map((r) => (r.id === id ? withoutNoEquals({ ...r, ...patch }) : r)),
  }));
}
/** `noEquals` only describes `?flag` as typed; once the row has a name and value it no longer applies. */
function withoutNoEquals(row: QueryRow): QueryRow {
  if (row.noEquals !== true || row.value === '') return row;
  const { noEquals: _dropped, ...rest } = row;
  return rest;
}
export function queryRowToggled(id: string, enabled: boolean): void {
  setDraft((d) => ({ ...d, query: patchRow(d.query, id, { enabled }) }));
}
export function queryRowRemoved(id: string): void {
  setDraft((d) => ({ ...d, query: d.query.filter((r) => r.id !== id) }));
}
export function queryRowMoved(id: string, delta: number): void {
  setDraft((d) => ({ ...d, query: moveRow(d.query, id, delta) }));
}

export function pathVariableEdited(name: string, value: string): void {
  setDraft((d) => ({ ...d, pathVariables: { ...d.pathVariables, [name]: value } }));
}

export function headerAdded(name = '', value = ''): void {
  setDraft((d) => ({ ...d, headers: [...d.headers, newHeaderRow(name, value)] }));
}
export function headerEdited(id: string, patch: { name?: string; value?: string }): void {
  setDraft((d) => ({ ...d, headers: patchRow(d.headers, id, patch) }));
}
export function headerToggled(id: string, enabled: boolean): void {
  setDraft((d) => ({ ...d, headers: patchRow(d.headers, id, { enabled }) }));
}
export function headerRemoved(id: string): void {
  setDraft((d) => ({ ...d, headers: d.headers.filter((r) => r.id !== id) }));
}
/** Bulk edit: the header rows replaced as a whole (parsed from the `Name: value` text). */
export function headersReplaced(rows: KeyValueRow[]): void {
  setDraft((d) => ({ ...d, headers: rows }));
}
export function headerMoved(id: string, delta: number): void {
  setDraft((d) => ({ ...d, headers: moveRow(d.headers, id, delta) }));
}

/** The Auth type picker changed: the fields of the type left are kept for the session and come back with it. */
export function authTypeChanged(type: AuthType): void {
  useRequestStore.setState((s) => {
    if (s.draft.auth.type === type) return s;
    const { auth, stash } = switchAuthType(s.draft.auth, s.authStash, type);
    return { draft: { ...s.draft, auth }, authStash: stash };
  });
}

/** Edits one field of the current auth scheme (`token`, `username`, `password`, `key`, `value`, `in`). */
export function authFieldEdited(field: string, value: string): void {
  setDraft((d) => (d.auth.type === 'none' ? d : { ...d, auth: { ...d.auth, [field]: value } }));
}

/**
 * The Body type picker changed: what was typed in any mode is kept (see `switchBodyMode`)
 * and a default Content-Type row follows the mode (see `contentTypeRowsForMode`).
 */
export function bodyModeChanged(mode: BodyMode): void {
  useRequestStore.setState((s) => {
    const current = s.draft.body;
    if (current.mode === mode) return s;
    const { body, stash } = switchBodyMode(current, s.bodyStash, mode, newId);
    const headers = contentTypeRowsForMode(s.draft.headers, current.mode, mode);
    return { draft: { ...s.draft, body, headers }, bodyStash: stash };
  });
}

export function bodyTextEdited(text: string): void {
  setDraft((d) => {
    const b = d.body;
    if (b.mode !== 'json' && b.mode !== 'text' && b.mode !== 'xml') return d;
    return { ...d, body: { ...b, text } };
  });
}

/** The query, variables or chosen operation of a GraphQL body changed (issue 17, docs/graphql.md). */
export function graphqlBodyEdited(
  patch: Partial<{ query: string; variables: string; operationName: string | null }>,
): void {
  setDraft((d) => (d.body.mode === 'graphql' ? { ...d, body: { ...d.body, ...patch } } : d));
}

function setFormFields(update: (fields: KeyValueRow[]) => KeyValueRow[]): void {
  setDraft((d) =>
    d.body.mode === 'form-urlencoded' ? { ...d, body: { ...d.body, fields: update(d.body.fields) } } : d,
  );
}
export const formFieldAdded = (): void => setFormFields((f) => [...f, emptyRow()]);
export const formFieldEdited = (id: string, patch: { name?: string; value?: string }): void =>
  setFormFields((f) => patchRow(f, id, patch));
export const formFieldToggled = (id: string, enabled: boolean): void =>
  setFormFields((f) => patchRow(f, id, { enabled }));
export const formFieldRemoved = (id: string): void => setFormFields((f) => f.filter((r) => r.id !== id));

const newPart = (kind: 'text' | 'file'): MultipartPart => newMultipartPart(newId(), kind);
function setParts(update: (parts: MultipartPart[]) => MultipartPart[]): void {
  setDraft((d) => (d.body.mode === 'multipart' ? { ...d, body: { ...d.body, parts: update(d.body.parts) } } : d));
}
export const multipartPartAdded = (kind: 'text' | 'file'): void => setParts((p) => [...p, newPart(kind)]);
export const multipartPartEdited = (
  id: string,
  patch: Partial<Pick<MultipartPart, 'name' | 'value' | 'contentType' | 'kind'>>,
): void => setParts((p) => patchRow<MultipartPart>(p, id, patch));
export const multipartPartToggled = (id: string, enabled: boolean): void =>
  setParts((p) => patchRow(p, id, { enabled }));
export const multipartPartRemoved = (id: string): void => setParts((p) => p.filter((r) => r.id !== id));
/** The type of a file part was typed: it is the type GIVEN, kept when another file is chosen (`fileRefForPart`). */
export const multipartFileContentTypeEdited = (id: string, contentType: string): void =>
  setParts((p) =>
    p.map((r) => (r.id === id ? { ...r, contentType, file: r.file ? { ...r.file, contentType } : null } : r)),
  );

export async function multipartFileChosen(id: string, file: File): Promise<void> {
  const ref = await fileChosen(file);
  setParts((p) => p.map((r) => (r.id === id ? { ...r, file: fileRefForPart(r, ref, file.type) } : r)));
}

export async function binaryFileChosen(file: File): Promise<void> {
  const ref = await fileChosen(file);
  setDraft((d) => (d.body.mode === 'binary' ? { ...d, body: { mode: 'binary', file: ref } } : d));
}

/** The WebSocket settings of the request were edited (subprotocols, saved message drafts; docs/websocket-sse.md). */
export function websocketSettingsEdited(patch: Partial<WebSocketSettings>): void {
  setDraft((d) => ({ ...d, websocket: { subprotocols: '', messages: [], ...d.websocket, ...patch } }));
}
export const useWebSocketSettings = (): WebSocketSettings | undefined => useRequestStore((s) => s.draft.websocket);

/** Reconnect of an event stream: the `Last-Event-ID` header row set to `id` (added when missing), so the draft shows what is sent. */
export function lastEventIdHeaderSet(id: string): void {
  setDraft((d) => ({ ...d, headers: withLastEventId(d.headers, id, newHeaderRow) }));
}
