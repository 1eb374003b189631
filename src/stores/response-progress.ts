/** How often the progress line of a response being received is updated. */
import type { SendProgress } from '../services/transport.ts';

/** Default byte step of a progress update. */
export const PROGRESS_STEP_BYTES = 256 * 1024;
/** A slow trickle still moves the progress line at least this often (ms). */
export const PROGRESS_STEP_MS = 100;

/**
 * Passes on progress at most once per 256 KiB or per 100 ms: per-chunk updates would flood React
 * on big bodies, and a bytes-only step would freeze the line on a slow trickle. The latest
 * report is always shown in the end (a trailing update), even if the content then stalls.
 */
export function throttleProgress(
  apply: (progress: SendProgress) => void,
  { stepBytes = PROGRESS_STEP_BYTES, stepMs = PROGRESS_STEP_MS }: { stepBytes?: number; stepMs?: number } = {},
): { report: (progress: SendProgress) => void; stop: () => void } {
  let shownBytes = -Infinity;
  let shownAt = -Infinity;
  let latest: SendProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const show = (progress: SendProgress) => {
    latest = null;
    shownBytes = progress.receivedBytes;
    shownAt = performance.now();
    apply(progress);
  };
  return {
    report(progress) {
      const sinceShown = performance.now() - shownAt;
      if (
        progress.receivedBytes - shownBytes >= stepBytes ||
        progress.receivedBytes === progress.totalBytes ||
        sinceShown >= stepMs
      ) {
        show(progress);
        return;
      }
      latest = progress;
      timer ??= setTimeout(() => {
        timer = null;
        if (latest) show(latest);
      }, stepMs - sinceShown);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      latest = null;
    },
  };
}
