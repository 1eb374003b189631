/** Response header fields in the order received, duplicates kept (two Set-Cookie lines stay two rows). */
import type { ResponseHead } from '../../core/model/response.ts';
import { displayHeaderValue } from './header-text.ts';

export function ResponseHeaders({ response }: { response: ResponseHead }) {
  return (
    <div className="p-3">
      <table aria-label="Response headers" className="w-full table-fixed border-collapse text-[12.5px]">
        <thead>
          <tr className="text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500">
            <th className="w-[34%] py-1 pl-2">Name</th>
            <th className="py-1 pl-2">Value</th>
          </tr>
        </thead>
        <tbody>
          {response.headers.map(([name, value], i) => (
            <tr key={i} className="border-t border-slate-100 align-top">
              <td className="break-words py-1 pl-2 font-mono font-medium text-slate-700">{name}</td>
              <td className="break-all py-1 pl-2 font-mono text-slate-900">{displayHeaderValue(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {response.via === 'direct' && (
        <p className="mt-3 text-[11px] leading-4 text-slate-500">
          Direct mode: the browser shows only the header fields the server exposes to this page (CORS), lower-cased,
          with duplicates joined by “, ”, and never Set-Cookie. Send through the proxy to see every field as received.
        </p>
      )}
    </div>
  );
}
