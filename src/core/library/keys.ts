/**
 * localStorage key layout: one key per record, so two tabs writing different records never
 * overwrite each other's work (a single whole-library key would lose one tab's save).
 *
 *   parley:v1:collection:<id>   parley:v1:folder:<id>   parley:v1:request:<id>   parley:v1:history:<id>
 *   parley:v1:settings          parley:v1:working         parley:recovery:<original key>
 *
 * `v1` is the layout version (how keys are named); each record's own `v` is its schema version.
 */
import type { RecordKind } from './records.ts';

export const KEY_PREFIX = 'parley:v1:';
const RECOVERY_PREFIX = 'parley:recovery:';
export const SETTINGS_KEY = `${KEY_PREFIX}settings`;
export const WORKING_KEY = `${KEY_PREFIX}working`;

const KINDS: readonly RecordKind[] = ['collection', 'folder', 'request', 'history'];

/** The key of a record: `recordKey('request', 'abc')` → `'parley:v1:request:abc'`. */
export function recordKey(kind: RecordKind, id: string): string {
  return `${KEY_PREFIX}${kind}:${id}`;
}

/**
 * Reads a key back into kind and id.
 * @returns `null` for keys that are not library records (settings, working draft, other apps)
 */
export function parseRecordKey(key: string): { kind: RecordKind; id: string } | null {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const rest = key.slice(KEY_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return null;
  const kind = rest.slice(0, colon) as RecordKind;
  const id = rest.slice(colon + 1);
  return KINDS.includes(kind) && id !== '' ? { kind, id } : null;
}

/** The key under which a record that failed to load is kept aside. */
export function recoveryKey(key: string): string {
  return RECOVERY_PREFIX + key;
}
