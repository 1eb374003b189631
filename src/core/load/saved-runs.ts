/**
 * Load-test results kept with the request: the last `KEPT_LOAD_RUNS` finished runs per request,
 * stored as one versioned record per request (`{ v: 1, runs }`), newest first.
 */
import type { LoadSnapshot } from './wire.ts';

export const KEPT_LOAD_RUNS = 5;

export interface SavedLoadRuns {
  v: 1;
  runs: LoadSnapshot[];
}

/**
 * Storage key of a request's runs: the saved request's id when it has one, else its method and
 * target URI (an unsaved request keeps its runs while it keeps its URL).
 * @example loadRunsKey(null, 'GET', 'http://127.0.0.1:8080/echo') === 'parley.loadRuns.v1:GET http://127.0.0.1:8080/echo'
 */
export function loadRunsKey(savedId: string | null, method: string, url: string): string {
  return `parley.loadRuns.v1:${savedId ?? `${method} ${url}`}`;
}

/** The runs with `run` first, the oldest dropped beyond `keep`; a run with the same id is replaced. */
export function withRun(runs: readonly LoadSnapshot[], run: LoadSnapshot, keep = KEPT_LOAD_RUNS): LoadSnapshot[] {
  return [run, ...runs.filter((r) => r.id !== run.id)].slice(0, keep);
}

/** Reads a stored record; anything unreadable or of another version gives no runs (never throws). */
export function parseSavedRuns(text: string | null): LoadSnapshot[] {
  if (text === null) return [];
  try {
    const value = JSON.parse(text) as Partial<SavedLoadRuns> | null;
    return value?.v === 1 && Array.isArray(value.runs) ? value.runs : [];
  } catch {
    return [];
  }
}
