/** The auth challenge the proxy answered before this response (Digest): both requests, in order. */
import type { ResponseHead } from '../../core/model/response.ts';

export function AuthExchangeView({ response }: { response: ResponseHead }) {
  const exchange = response.authExchange;
  if (!exchange) return null;
  const challenges = exchange.challenge.headers.filter(([n]) => n.toLowerCase() === 'www-authenticate');
  return (
    <ol aria-label="Auth exchange" className="divide-y divide-slate-100 border-b border-slate-200 text-[12px]">
      <li className="px-3 py-1.5">
        <div className="text-slate-600">1. Sent without credentials; the server challenged:</div>
        <span className="font-mono font-semibold text-amber-700">
          {`${exchange.challenge.status} ${exchange.challenge.reasonPhrase}`.trim()}
        </span>
        {challenges.map(([name, value], i) => (
          <div key={i} className="break-all font-mono text-slate-800">
            {name}: {value}
          </div>
        ))}
      </li>
      <li className="px-3 py-1.5">
        <div className="text-slate-600">2. Sent again by the proxy with one more header field:</div>
        <div className="break-all font-mono text-slate-800">Authorization: {exchange.authorization}</div>
        <span className="font-mono font-semibold text-sky-700">
          {`${response.status} ${response.reasonPhrase}`.trim()}
        </span>
      </li>
    </ol>
  );
}
