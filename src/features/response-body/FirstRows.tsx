/** The first rows of a body, shown at once while the worker prepares the full view (core/response/first-rows.ts). */
import { useMemo } from 'react';
import { firstRows } from '../../core/response/first-rows.ts';

export function FirstRows({ bytes, contentType }: { bytes: Uint8Array; contentType: string | null }) {
  const { lines, more } = useMemo(() => firstRows(bytes, contentType), [bytes, contentType]);
  return (
    <div className="flex h-full min-h-0 flex-col">
      <p className="px-3 py-1 text-[11px] text-slate-500">
        First rows as received{more ? ' (the start only)' : ''}; the full view is being prepared.
      </p>
      <div role="region" aria-label="First rows" tabIndex={0} className="min-h-0 flex-1 overflow-auto bg-white">
        {lines.map((line, i) => (
          <div key={i} data-row={i} className="h-[18px] whitespace-pre pl-2 font-mono text-[12.5px] leading-[18px]">
            {line}
          </div>
        ))}
      </div>
    </div>
  );
}
