/**
 * The request editor and the response, side by side (from `lg`, unless the person chose
 * stacked) or stacked, with a drag handle between them whose position is remembered. Below `md`
 * the two stack at their natural height and the page scrolls vertically (never sideways).
 */
import { useRef, type ReactNode } from 'react';
import { SplitHandle } from '../components/split-handle.tsx';
import { SIDE_BY_SIDE_QUERY, useMediaQuery, WIDE_QUERY } from '../components/use-media-query.ts';
import { SPLIT_PERCENT, splitFromPointer } from '../core/ui/pane-size.ts';
import { splitResized, useOrientation, useSplitPercent } from '../stores/appearance-store.ts';

const FIRST_ID = 'request-pane';

export function PaneSplit({ first, second }: { first: ReactNode; second: ReactNode }) {
  const wide = useMediaQuery(WIDE_QUERY);
  const roomy = useMediaQuery(SIDE_BY_SIDE_QUERY);
  const chosen = useOrientation();
  const percent = useSplitPercent();
  const ref = useRef<HTMLDivElement>(null);

  if (!wide)
    return (
      <div className="flex flex-col gap-px bg-slate-200">
        <div className="flex h-[28rem] min-h-0 flex-col *:min-h-0 *:flex-1">{first}</div>
        <div className="flex h-[32rem] min-h-0 flex-col *:min-h-0 *:flex-1">{second}</div>
      </div>
    );

  const sideBySide = roomy && chosen === 'side-by-side';
  const fromPointer = (x: number, y: number) => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return percent;
    return sideBySide ? splitFromPointer(x - box.left, box.width) : splitFromPointer(y - box.top, box.height);
  };
  return (
    <div ref={ref} className={`flex min-h-0 min-w-0 flex-1 ${sideBySide ? 'flex-row' : 'flex-col'}`}>
      <div
        id={FIRST_ID}
        style={{ flexBasis: `${percent}%` }}
        className="flex min-h-0 min-w-0 shrink-0 grow-0 flex-col *:min-h-0 *:flex-1"
      >
        {first}
      </div>
      <SplitHandle
        label="Resize request and response"
        orientation={sideBySide ? 'vertical' : 'horizontal'}
        value={percent}
        range={SPLIT_PERCENT}
        valueText={`Request ${percent} percent`}
        controls={FIRST_ID}
        fromPointer={fromPointer}
        onChange={splitResized}
      />
      <div className="flex min-h-0 min-w-0 flex-1 flex-col *:min-h-0 *:flex-1">{second}</div>
    </div>
  );
}
