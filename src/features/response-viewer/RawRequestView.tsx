/** The HTTP/1.1 message as sent (renderHttpMessage of the EffectiveRequest that went out). */
import { useMemo } from 'react';
import type { EffectiveRequest } from '../../core/resolve/types.ts';
import { renderHttpMessage } from '../../core/resolve/http-message.ts';
import type { TransportKind } from '../../services/transport.ts';

export function RawRequestView({
  request,
  via,
  note,
}: {
  request: EffectiveRequest;
  via: TransportKind;
  note: string[];
}) {
  const text = useMemo(() => {
    try {
      return renderHttpMessage(request, { transport: via }).text;
    } catch (error) {
      return `The raw message could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
    }
  }, [request, via]);
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div aria-label="About this message" className="border-b border-slate-100 px-3 py-1.5 text-[11px] text-slate-500">
        {note.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <section aria-label="Raw request" className="min-h-0 flex-1 overflow-auto">
        <pre className="whitespace-pre-wrap break-all p-3 font-mono text-[12.5px] leading-5 text-slate-800">{text}</pre>
      </section>
    </div>
  );
}
