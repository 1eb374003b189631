/** The response's Tests tab: pm.test results, assertion rows (with the actual value on failure), script errors and console lines. */
import { Notice } from '../../components/ui.tsx';
import type { ScriptResults } from '../../stores/script-store.ts';

const MARK = { passed: '✓', failed: '✗', skipped: '–' } as const;
const TONE = { passed: 'text-emerald-700', failed: 'text-red-700', skipped: 'text-slate-500' } as const;

/** `passed/total` for the tab's badge, or `undefined` when nothing ran. */
export function testsBadge(results: ScriptResults | null): string | undefined {
  if (!results) return undefined;
  const all = [...results.tests, ...results.assertions];
  if (all.length === 0) return results.errors.length > 0 ? '!' : undefined;
  return `${all.filter((t) => t.status === 'passed').length}/${all.length}`;
}

export function TestsPanel({ results }: { results: ScriptResults | null }) {
  if (!results)
    return (
      <p className="p-3 text-xs text-slate-500">
        Add a post-response script (Scripts tab) or assertions (Assertions tab); their results show here after Send.
      </p>
    );
  const all = [...results.tests, ...results.assertions];
  return (
    <div className="space-y-3 p-3 text-[13px]">
      {results.running && <p className="text-xs text-slate-500">Running the post-response script…</p>}
      {results.errors.map((e) => (
        <Notice key={e} tone="error">
          {e}
        </Notice>
      ))}
      {all.length > 0 && (
        <ul aria-label="Test results" className="space-y-1">
          {all.map((t, i) => (
            <li key={`${i}-${t.name}`} className={TONE[t.status]}>
              <span aria-hidden="true">{MARK[t.status]} </span>
              <span>{t.name}</span>
              <span className="sr-only"> {t.status}</span>
              {t.error && <span className="block pl-4 font-mono text-[12px] text-red-700">{t.error}</span>}
            </li>
          ))}
        </ul>
      )}
      <section aria-label="Console">
        <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">Console</h3>
        {results.console.length === 0 ? (
          <p className="text-xs text-slate-400">No console output.</p>
        ) : (
          <pre className="whitespace-pre-wrap font-mono text-[12px] text-slate-800">
            {results.console.map((c) => (c.level === 'log' ? c.text : `${c.level}: ${c.text}`)).join('\n')}
          </pre>
        )}
      </section>
    </div>
  );
}
