/** The redirects the proxy followed, one row per hop: status, Location, and what changed next. */
import type { ResponseHead } from '../../core/model/response.ts';
import { describeRedirectHops } from '../../core/response/redirects.ts';

export function RedirectHops({ response }: { response: ResponseHead }) {
  if (response.redirects.length === 0) return null;
  const hops = describeRedirectHops(response.redirects);
  return (
    <ol aria-label="Redirects" className="divide-y divide-slate-100 text-[12px]">
      {hops.map((hop) => (
        <li key={hop.index} className="px-3 py-1.5">
          <span className="font-mono font-semibold text-sky-700">{`${hop.status} ${hop.reasonPhrase}`.trim()}</span>{' '}
          <span className="font-mono text-slate-600">
            {hop.method} {hop.url}
          </span>
          <div className="font-mono text-slate-800">
            Location: {hop.location ?? '(none)'}
            {hop.target !== null && hop.target !== hop.location && (
              <span className="text-slate-500"> → {hop.target}</span>
            )}
          </div>
          {(hop.nextMethod !== hop.method || hop.crossOrigin) && (
            <div className="text-[11px] text-slate-500">
              {hop.nextMethod !== hop.method && `Next request uses ${hop.nextMethod} without a body (Fetch §4.4). `}
              {hop.crossOrigin && 'Cross-origin hop: Authorization is not forwarded.'}
            </div>
          )}
        </li>
      ))}
      <li className="px-3 py-1.5 text-slate-600">
        Final: <span className="font-mono">{response.url}</span>
      </li>
    </ol>
  );
}
