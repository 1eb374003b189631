/** The report shown before an import writes anything: imported / changed / not carried, item by item. */
import type { ReportItem } from '../../core/interop/tree.ts';
import { reportCounts } from './collection-import-store.ts';

const GROUPS = [
  { outcome: 'not-carried', title: 'Not carried', tone: 'bg-red-50 text-red-900' },
  { outcome: 'changed', title: 'Changed', tone: 'bg-amber-50 text-amber-900' },
  { outcome: 'imported', title: 'Imported', tone: 'bg-slate-50 text-slate-800' },
] as const;

export function ImportReport({ items }: { items: readonly ReportItem[] }) {
  const counts = reportCounts(items);
  const count = { imported: counts.imported, changed: counts.changed, 'not-carried': counts.notCarried };
  return (
    <section aria-label="Import report" className="flex max-h-72 flex-col gap-2 overflow-auto text-xs">
      {GROUPS.map((g) => {
        const lines = items.filter((i) => i.outcome === g.outcome);
        if (!lines.length) return null;
        return (
          <details key={g.outcome} open={g.outcome !== 'imported'} className={`rounded-md p-2 ${g.tone}`}>
            <summary className="cursor-pointer font-semibold">
              {g.title}: {count[g.outcome]}
            </summary>
            <ul aria-label={g.title} className="mt-1 list-disc pl-4">
              {lines.map((l, i) => (
                <li key={i}>
                  <span className="font-mono">{l.path}</span>
                  {l.message && <span> — {l.message}</span>}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
