/** Display formatting shared by views (not protocol logic). */

/** `1234` → `"1,234 B"`, `20480` → `"20 KB"` (1 KB = 1024 bytes); exact bytes below 10 KB. */
export function formatBytes(bytes: number): string {
  if (bytes < 10 * 1024) return `${bytes.toLocaleString('en-US')} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 100 ? 1 : 0)} ${units[unit]}`;
}

/** Milliseconds for display, always in ms: `12 ms`, `1,240 ms`. */
export function formatMs(ms: number): string {
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** A moment (ms since the epoch) as local time: the time alone today, date and time otherwise. */
export function formatWhen(at: number, now: number = Date.now()): string {
  const d = new Date(at);
  return new Date(now).toDateString() === d.toDateString() ? d.toLocaleTimeString() : d.toLocaleString();
}
