import { reloadToUpdate, useUpdateWaiting } from './service-worker-client.ts';

/** "New version — reload": shown when a newer build of Parley is installed and waiting. */
export function UpdateBanner() {
  const waiting = useUpdateWaiting();
  if (!waiting) return null;
  return (
    <div
      role="region"
      aria-label="New version"
      className="flex items-center gap-3 border-b border-indigo-200 bg-indigo-50 px-4 py-1.5 text-sm text-indigo-900"
    >
      <span>A new version of Parley is ready. Reload to use it; your current request is kept.</span>
      <button
        type="button"
        onClick={reloadToUpdate}
        className="rounded border border-indigo-300 bg-white px-2 py-0.5 font-medium hover:bg-indigo-100"
      >
        Reload
      </button>
    </div>
  );
}
