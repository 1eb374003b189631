/** A small waterfall of DNS, connect, TLS, waiting (first byte) and download. */
import type { ResponseRecord } from '../../core/model/response.ts';
import { timingSegments, type TimingPhase } from '../../core/response/timing.ts';
import { formatMs } from '../../components/format.ts';

const COLORS: Record<TimingPhase, string> = {
  dns: 'bg-teal-500',
  connect: 'bg-orange-400',
  tls: 'bg-purple-500',
  waiting: 'bg-emerald-500',
  download: 'bg-sky-500',
};

export function TimingWaterfall({ response }: { response: ResponseRecord }) {
  const segments = timingSegments(response.timings, response.totalMs);
  if (segments.length === 0) {
    return (
      <p className="p-3 text-[13px] text-slate-500">
        No timing breakdown
        {response.via === 'direct' ? ' in direct mode (the browser does not expose it across origins)' : ''}. Total{' '}
        {formatMs(response.totalMs)}.
      </p>
    );
  }
  const scale = Math.max(response.totalMs, ...segments.map((s) => s.startMs + s.durationMs), 1);
  return (
    <table aria-label="Timing" className="w-full text-[12px]">
      <tbody>
        {segments.map((s) => (
          <tr key={s.phase}>
            <th scope="row" className="w-40 px-3 py-1 text-left font-normal text-slate-600">
              {s.label}
            </th>
            <td className="px-2 py-1">
              <div className="relative h-3 rounded bg-slate-100">
                <div
                  className={`absolute h-3 rounded ${COLORS[s.phase]}`}
                  style={{ left: `${(s.startMs / scale) * 100}%`, width: `max(2px, ${(s.durationMs / scale) * 100}%)` }}
                />
              </div>
            </td>
            <td className="w-24 px-3 py-1 text-right font-mono text-slate-800">{formatMs(s.durationMs)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="px-3 py-1 text-left font-semibold text-slate-700">
            Total
          </th>
          <td />
          <td className="px-3 py-1 text-right font-mono font-semibold text-slate-900">{formatMs(response.totalMs)}</td>
        </tr>
      </tbody>
      <caption className="caption-bottom px-3 py-1 text-left text-[11px] text-slate-500">
        DNS to first byte: measured by{' '}
        {response.via === 'proxy' ? 'Parley’s proxy on its upstream connection' : 'the browser'}; phases missing when
        not needed (an IP address needs no DNS, plain http no TLS, a reused connection neither). Total is measured in
        the browser, so Download includes the hop to Parley’s proxy.
      </caption>
    </table>
  );
}
