/** Saved load-test runs in localStorage, one key per request (`src/core/load/saved-runs.ts`). */
import type { LoadSnapshot } from '../core/load/wire.ts';
import { parseSavedRuns, withRun, type SavedLoadRuns } from '../core/load/saved-runs.ts';

/** The runs stored under `key`, newest first; none when storage is unavailable. */
export function readLoadRuns(key: string): LoadSnapshot[] {
  try {
    return parseSavedRuns(localStorage.getItem(key));
  } catch {
    return [];
  }
}

/**
 * Adds `run` to the runs under `key`; returns the new list. A full or unavailable storage keeps
 * the run in the returned list only (shown, not saved) and says so in `error`.
 */
export function saveLoadRun(key: string, run: LoadSnapshot): { runs: LoadSnapshot[]; error?: string } {
  const runs = withRun(readLoadRuns(key), run);
  const record: SavedLoadRuns = { v: 1, runs };
  try {
    localStorage.setItem(key, JSON.stringify(record));
    return { runs };
  } catch {
    return { runs, error: 'The run could not be saved: the browser storage is full or unavailable.' };
  }
}
