/**
 * The response content: Pretty (lossless JSON formatting: big numbers keep every digit)
 * and Raw. The one place the app renders a body, so a richer viewer can replace it.
 */
import { useMemo, useState } from 'react';
import type { ResponseRecord } from '../../core/model/response.ts';
import { formatJson } from '../../core/json/lossless.ts';
import { parseMediaType, headerValue } from '../../core/response/media-type.ts';
import { TabList } from '../../components/tabs.tsx';

/** Above this, Pretty is not computed on the main thread (a big body must not freeze the page). */
const PRETTY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Above this, the text view shows the beginning only. */
const SHOW_LIMIT_CHARS = 5 * 1024 * 1024;

type View = 'pretty' | 'raw';

function isJsonMediaType(contentType: string | null): boolean {
  const mt = parseMediaType(contentType);
  if (!mt) return false;
  const essence = mt.essence;
  return essence === 'application/json' || essence.endsWith('+json') || essence === 'text/json';
}

export function ResponseBody({ response }: { response: ResponseRecord }) {
  const [view, setView] = useState<View>('pretty');
  const contentType = headerValue(response.headers, 'content-type');
  const text = useMemo(() => (response.body ? new TextDecoder('utf-8').decode(response.body) : ''), [response.body]);
  const pretty = useMemo(() => {
    if (!response.body || response.body.byteLength > PRETTY_LIMIT_BYTES) return null;
    const trimmed = text.trimStart();
    if (!isJsonMediaType(contentType) && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
    try {
      return formatJson(text);
    } catch {
      return null;
    }
  }, [response.body, text, contentType]);

  if (response.body === null) {
    return (
      <section aria-label="Response body" className="p-4 text-[13px] text-slate-500">
        No body.{' '}
        <span className="text-xs">
          {response.status === 204 || response.status === 304 || response.status < 200
            ? `A ${response.status} response has no content (RFC 9112 §6.3).`
            : 'A response to HEAD has no content, whatever its Content-Length says (RFC 9112 §6.3).'}
        </span>
      </section>
    );
  }

  const shown = view === 'pretty' && pretty !== null ? pretty : text;
  const truncated = shown.length > SHOW_LIMIT_CHARS;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <TabList<View>
        label="Body view"
        size="sm"
        selected={view}
        onSelect={setView}
        items={[
          { id: 'pretty', label: 'Pretty' },
          { id: 'raw', label: 'Raw' },
        ]}
        trailing={
          <span className="text-[11px] text-slate-500">
            {view === 'pretty' && pretty === null && response.body.byteLength > 0 ? 'Shown as received (not JSON)' : contentType ?? 'no Content-Type'}
          </span>
        }
      />
      <section aria-label="Response body" className="min-h-0 flex-1 overflow-auto bg-white">
        {response.body.byteLength === 0 ? (
          <p className="p-4 text-[13px] text-slate-500">Empty body (0 bytes).</p>
        ) : (
          <pre className="whitespace-pre-wrap break-all p-3 font-mono text-[12.5px] leading-5 text-slate-800">
            {truncated ? shown.slice(0, SHOW_LIMIT_CHARS) : shown}
          </pre>
        )}
        {truncated && <p className="px-3 pb-3 text-xs text-amber-700">Showing the first {SHOW_LIMIT_CHARS.toLocaleString('en-US')} characters.</p>}
      </section>
    </div>
  );
}
