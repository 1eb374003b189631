/** Plain-SVG charts of a load test: latency over time (p50, p99 per second) and the latency histogram. */
import type { LatencyBucket, LoadSecond } from '../../core/load/wire.ts';

const W = 360;
const H = 120;
const PAD = 28;

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= value) ?? value;
}

/** p50 and p99 latency (ms) per second of the run, as two lines. */
export function LatencyOverTime({ seconds }: { seconds: LoadSecond[] }) {
  const top = niceMax(Math.max(0, ...seconds.map((s) => s.p99)));
  const n = Math.max(1, seconds.length - 1);
  const x = (i: number) => PAD + ((W - PAD - 4) * i) / n;
  const y = (ms: number) => H - 16 - ((H - 24) * ms) / top;
  const line = (pick: (s: LoadSecond) => number) =>
    seconds.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(pick(s)).toFixed(1)}`).join(' ');
  return (
    <figure className="m-0">
      <svg role="img" aria-label="Latency over time" viewBox={`0 0 ${W} ${H}`} className="w-full">
        <line x1={PAD} y1={H - 16} x2={W - 4} y2={H - 16} className="stroke-slate-300" />
        <line x1={PAD} y1={8} x2={PAD} y2={H - 16} className="stroke-slate-300" />
        <text x={PAD - 4} y={12} textAnchor="end" className="fill-slate-500 text-[9px]">
          {top}
        </text>
        <text x={PAD - 4} y={H - 16} textAnchor="end" className="fill-slate-500 text-[9px]">
          0
        </text>
        <text x={W - 4} y={H - 4} textAnchor="end" className="fill-slate-500 text-[9px]">
          {seconds.length} s
        </text>
        {seconds.length > 0 && (
          <>
            <path d={line((s) => s.p99)} fill="none" strokeWidth={1.5} className="stroke-rose-500" />
            <path d={line((s) => s.p50)} fill="none" strokeWidth={1.5} className="stroke-indigo-500" />
          </>
        )}
      </svg>
      <figcaption className="text-[11px] text-slate-500">
        Latency per second, ms: <span className="text-indigo-600">p50</span> and{' '}
        <span className="text-rose-600">p99</span>
      </figcaption>
    </figure>
  );
}

/** How many answers fell in each latency range (1-2-5 ms edges). */
export function LatencyHistogram({ buckets }: { buckets: LatencyBucket[] }) {
  const top = Math.max(1, ...buckets.map((b) => b.count));
  const bw = buckets.length > 0 ? (W - PAD - 4) / buckets.length : 0;
  return (
    <figure className="m-0">
      <svg role="img" aria-label="Latency histogram" viewBox={`0 0 ${W} ${H}`} className="w-full">
        <line x1={PAD} y1={H - 16} x2={W - 4} y2={H - 16} className="stroke-slate-300" />
        {buckets.map((b, i) => {
          const h = ((H - 28) * b.count) / top;
          return (
            <g key={b.fromMs}>
              <rect
                x={PAD + i * bw + 1}
                y={H - 16 - h}
                width={Math.max(1, bw - 2)}
                height={h}
                className="fill-indigo-400"
              >
                <title>{`${b.fromMs}–${b.toMs} ms: ${b.count}`}</title>
              </rect>
              <text x={PAD + i * bw + bw / 2} y={H - 4} textAnchor="middle" className="fill-slate-500 text-[8px]">
                {b.toMs}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-[11px] text-slate-500">Answers by latency (upper edge of each bar, ms)</figcaption>
    </figure>
  );
}
