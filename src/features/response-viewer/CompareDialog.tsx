/**
 * "Compare with previous response": the response on screen against the one the same request
 * got before it (kept in IndexedDB), as a JSON-aware, path-based diff (core/json/json-diff.ts).
 */
import { useState } from 'react';
import { Button } from '../../components/ui.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { formatWhen } from '../../components/format.ts';
import { compareBodies, type BodyComparison } from '../../core/json/json-diff.ts';
import type { ResponseRecord } from '../../core/model/response.ts';
import { previousResponseRead } from '../../stores/response-keeping.ts';

interface Result {
  at: number;
  status: string | null;
  body: BodyComparison | { kind: 'missing'; reason: string };
}

const statusLine = (r: ResponseRecord) => `${r.status} ${r.reasonPhrase}`.trim();
const coded = (r: ResponseRecord) =>
  r.headers.some(([n, v]) => n.toLowerCase() === 'content-encoding' && v.trim().toLowerCase() !== 'identity');
const short = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

async function compare(current: ResponseRecord): Promise<Result | null> {
  const previous = await previousResponseRead();
  if (!previous) return null;
  const before = previous.response;
  const status = statusLine(before) === statusLine(current) ? null : `${statusLine(before)} → ${statusLine(current)}`;
  const missing = (reason: string) => ({ at: previous.at, status, body: { kind: 'missing' as const, reason } });
  if (previous.bodyNotKept) return missing(`The previous ${previous.bodyNotKept}.`);
  if (coded(before) || coded(current)) return missing('Content-coded (compressed) bodies are not compared yet.');
  const text = (b: Uint8Array | null) => new TextDecoder().decode(b ?? new Uint8Array());
  return { at: previous.at, status, body: compareBodies(text(before.body), text(current.body)) };
}

export function CompareButton({ response }: { response: ResponseRecord }) {
  const [result, setResult] = useState<Result | null | 'none'>(null);
  return (
    <>
      <Button
        variant="ghost"
        onClick={() => void compare(response).then((r) => setResult(r ?? 'none'))}
        title="Compare with the previous response of this request"
      >
        Compare with previous
      </Button>
      {result !== null && (
        <Dialog title="Compare with previous response" size="wide" onClose={() => setResult(null)}>
          <CompareResult result={result} />
          <div className="mt-3 flex justify-end">
            <Button onClick={() => setResult(null)}>Close</Button>
          </div>
        </Dialog>
      )}
    </>
  );
}

function CompareResult({ result }: { result: Result | 'none' }) {
  if (result === 'none') return <p className="text-xs text-slate-600">No earlier response of this request is kept.</p>;
  const { body } = result;
  return (
    <div className="text-xs text-slate-700">
      <p className="mb-2">Previous response from {formatWhen(result.at)}.</p>
      {result.status && <p className="mb-2">Status: {result.status}</p>}
      {body.kind === 'missing' && <p>{body.reason}</p>}
      {body.kind === 'text' && <p>{body.equal ? 'The bodies are the same.' : 'The bodies differ (not JSON).'}</p>}
      {body.kind === 'json' &&
        (body.changes.length === 0 ? (
          <p>The JSON bodies are the same.</p>
        ) : (
          <ul aria-label="Changes" className="max-h-80 overflow-auto font-mono text-[11.5px]">
            {body.changes.map((c) => (
              <li key={c.path} className="border-b border-slate-100 py-0.5">
                <span className="font-semibold">{c.kind}</span> {c.path}
                {c.kind === 'removed' && `: ${short(c.before)}`}
                {c.kind === 'added' && `: ${short(c.after)}`}
                {c.kind === 'changed' && `: ${short(c.before)} → ${short(c.after)}`}
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
