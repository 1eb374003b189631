/**
 * Switching the body mode without losing input or leaving a stale Content-Type: the pure
 * rules behind the request store's `bodyModeChanged` event (what Postman and Insomnia do
 * when the body type changes).
 */
import type { Body, BodyMode, KeyValueRow, MultipartPart } from '../model/draft.ts';
import { DEFAULT_CONTENT_TYPES, mediaTypeOf } from './encode-body.ts';

const DEFAULT_MEDIA_TYPES = new Set(
  Object.values(DEFAULT_CONTENT_TYPES)
    .filter((t): t is string => t !== null)
    .map(mediaTypeOf),
);

/**
 * Header rows after the body mode changed from `from` to `to`. Every ENABLED row named
 * Content-Type (any case) whose media type is the default of `from` (compared without
 * parameters, case-insensitively: `Application/JSON; charset=utf-8` is the JSON default) is
 * a default the user did not customise, so it follows the mode:
 * - `to` is json, text, xml, form-urlencoded or multipart → its value becomes the default of
 *   `to` (`DEFAULT_CONTENT_TYPES`: `multipart/form-data` without boundary, which
 *   `resolveRequest` appends, `text/plain; charset=utf-8` for text);
 * - `to` is `binary` → the row is removed, so the chosen file's own type is sent
 *   (`application/octet-stream` would override an `image/png`);
 * - `to` is `none` → rows are left as they are (resolveRequest leaves a Content-Type out
 *   of a request without a body, with a warning), so switching back finds them.
 * When `from` is `none` there is no previous default, so a row holding ANY mode's default
 * media type counts as not customised (JSON → None → Multipart must not keep `application/json`).
 * A customised row (`application/merge-patch+json`), a disabled row and other rows are
 * kept as they are, same id and place. Pure: `headers` is not mutated; returns `headers`
 * itself when nothing changes. Never throws.
 * Example: `[Content-Type: application/json]`, json → multipart → `[Content-Type: multipart/form-data]`.
 */
export function contentTypeRowsForMode(headers: KeyValueRow[], from: BodyMode, to: BodyMode): KeyValueRow[] {
  if (from === to || to === 'none') return headers;
  const fromDefault = DEFAULT_CONTENT_TYPES[from];
  const isDefault = (value: string): boolean =>
    fromDefault === null
      ? DEFAULT_MEDIA_TYPES.has(mediaTypeOf(value))
      : mediaTypeOf(value) === mediaTypeOf(fromDefault);
  const target = DEFAULT_CONTENT_TYPES[to];
  let changed = false;
  const out: KeyValueRow[] = [];
  for (const row of headers) {
    if (!row.enabled || row.name.trim().toLowerCase() !== 'content-type' || !isDefault(row.value)) {
      out.push(row);
      continue;
    }
    changed = true;
    if (to === 'binary' || target === null) continue;
    out.push(row.value === target ? row : { ...row, value: target });
  }
  return changed ? out : headers;
}

/**
 * What the user typed in body modes other than the current one, kept for the session
 * (not saved): the last body of each mode, and the last text of any text mode.
 */
export interface BodyStash {
  bodies: Partial<Record<BodyMode, Body>>;
  /** Text of the json/text/xml body seen last; `null` = none yet. */
  text: string | null;
}

/** An empty stash (a newly opened request). */
export function emptyBodyStash(): BodyStash {
  return { bodies: {}, text: null };
}

const isTextMode = (mode: BodyMode): mode is 'json' | 'text' | 'xml' =>
  mode === 'json' || mode === 'text' || mode === 'xml';

/** A new enabled multipart part of `kind` with empty name and value. */
export function newMultipartPart(id: string, kind: 'text' | 'file'): MultipartPart {
  return { id, name: '', enabled: true, kind, value: '', contentType: '', file: null };
}

/**
 * The body after switching from `current` to `mode`, and the updated stash. Nothing typed
 * is lost on any path of switches:
 * - json, text and xml share one text: entering one of them gets the current text when
 *   coming from a text mode, else the last text-mode text (JSON → None → Text keeps it);
 * - form-urlencoded, multipart, binary and graphql get back their last body of that mode, else a
 *   fresh one (one empty row/part with an id from `newId`; no file);
 * - the body left is stashed (its text too, for a text mode).
 * Same mode → `current` and `stash` unchanged. Pure; never throws.
 */
export function switchBodyMode(
  current: Body,
  stash: BodyStash,
  mode: BodyMode,
  newId: () => string,
): { body: Body; stash: BodyStash } {
  if (current.mode === mode) return { body: current, stash };
  const next: BodyStash = {
    bodies: { ...stash.bodies, [current.mode]: current },
    text: 'text' in current ? current.text : stash.text,
  };
  if (isTextMode(mode)) return { body: { mode, text: next.text ?? '' }, stash: next };
  const stashed = next.bodies[mode];
  if (stashed) return { body: stashed, stash: next };
  switch (mode) {
    case 'form-urlencoded':
      return { body: { mode, fields: [{ id: newId(), name: '', value: '', enabled: true }] }, stash: next };
    case 'multipart':
      return { body: { mode, parts: [newMultipartPart(newId(), 'text')] }, stash: next };
    case 'binary':
      return { body: { mode, file: null }, stash: next };
    case 'none':
      return { body: { mode: 'none' }, stash: next };
    case 'graphql':
      return { body: { mode, query: '', variables: '', operationName: null }, stash: next };
  }
}
