/**
 * The response body viewer: picks a view from Content-Type + sniffing, formats/decodes/searches in
 * a Web Worker (the page never freezes, whatever the size), virtualises text, previews media and
 * HTML safely, and always offers the exact bytes (Download) — degrading visibly, never silently.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ResponseRecord } from '../../core/model/response.ts';
import { classifyBody } from '../../core/response/body-kind.ts';
import { headerValue } from '../../core/response/media-type.ts';
import { TabList } from '../../components/tabs.tsx';
import { Button, Notice } from '../../components/ui.tsx';
import { formatBytes } from '../../components/format.ts';
import { INLINE_LIMIT_BYTES, openBodySource, type BodyDocState, type BodySource } from './body-worker-client.ts';
import { MAX_ROW_CHARS } from '../../core/response/text-rows.ts';
import { copyText, downloadBody, filenameFor } from './body-actions.ts';
import { TextView } from './TextView.tsx';
import { FirstRows } from './FirstRows.tsx';
import { JsonTree } from './JsonTree.tsx';
import { HexView, HtmlPreview, MediaPreview } from './MediaViews.tsx';
import { useDecodedContent, type DecodedContent } from './use-decoded-content.ts';
import { codingExtension, codingPlan } from '../../core/response/content-coding.ts';

/** HTML larger than this is not rendered in the preview (the browser would lay it all out at once). */
export const HTML_PREVIEW_LIMIT_BYTES = 10 * 1024 * 1024;

type ViewId = 'pretty' | 'raw' | 'tree' | 'preview' | 'source' | 'hex';
const LABEL = 'Body view';

const VIEWS: Record<string, { id: ViewId; label: string }[]> = {
  json: [
    { id: 'pretty', label: 'Pretty' },
    { id: 'raw', label: 'Raw' },
    { id: 'tree', label: 'Tree' },
  ],
  xml: [
    { id: 'pretty', label: 'Pretty' },
    { id: 'raw', label: 'Raw' },
  ],
  html: [
    { id: 'preview', label: 'Preview' },
    { id: 'source', label: 'Source' },
  ],
  text: [{ id: 'raw', label: 'Text' }],
  image: [
    { id: 'preview', label: 'Preview' },
    { id: 'hex', label: 'Hex' },
  ],
  binary: [{ id: 'hex', label: 'Hex' }],
};

/**
 * The body of `response`: its content codings undone first (in a worker, see
 * useDecodedContent), then shown by kind. The sizes say which is on the wire and which decoded.
 */
export function BodyViewer({ response }: { response: ResponseRecord }) {
  const decoded = useDecodedContent(response);
  if (decoded.status === 'decoding') {
    return (
      <section aria-label="Response body" className="p-3 text-[13px] text-slate-500">
        <span role="status" aria-label="Body progress" className="font-medium text-indigo-700">
          Decoding {decoded.plan.action === 'decode' ? decoded.plan.codings.join(', ') : ''} content… (in the
          background; the page stays usable)
        </span>
      </section>
    );
  }
  const body = decoded.status === 'ready' ? decoded.bytes : response.body;
  return <BodyContentViewer response={response} body={body} coding={codingSummary(decoded, response)} />;
}

interface CodingSummary {
  /** The line shown with the sizes, e.g. `content encoding: br — 3.1 KB on the wire, 12.4 KB decoded`. */
  line: string;
  /** A notice when the content could not be decoded, or `null`. */
  problem: string | null;
  /** True when `body` is decoded content (not the bytes as received): Download offers both. */
  decoded: boolean;
}

function codingSummary(decoded: DecodedContent, response: ResponseRecord): CodingSummary | null {
  const plan = decoded.plan;
  const wire = response.body?.length ?? 0;
  if (plan.action === 'none') return null;
  const names = plan.codings.join(', ');
  if (plan.action === 'browser-decoded') {
    const size = decoded.status === 'ready' && decoded.bytes ? formatBytes(decoded.bytes.length) : '0 B';
    return {
      line: `content encoding: ${names} — decoded by the browser, ${size} decoded (the browser does not tell the size on the wire)`,
      problem: null,
      decoded: false,
    };
  }
  if (plan.action === 'unknown') {
    return {
      line: `content encoding: ${names} — ${formatBytes(wire)} on the wire, not decoded`,
      problem: `Parley cannot decode the content coding ${plan.unknown.join(', ')}; the content is shown as received.`,
      decoded: false,
    };
  }
  if (decoded.status === 'failed') {
    return {
      line: `content encoding: ${names} — ${formatBytes(wire)} on the wire, not decoded`,
      problem: `${decoded.message} The content is shown as received.`,
      decoded: false,
    };
  }
  const size = decoded.status === 'ready' && decoded.bytes ? decoded.bytes.length : 0;
  return {
    line: `content encoding: ${names} — ${formatBytes(wire)} on the wire, ${formatBytes(size)} decoded`,
    problem: null,
    decoded: true,
  };
}

function BodyContentViewer({
  response,
  body,
  coding,
}: {
  response: ResponseRecord;
  body: Uint8Array | null;
  coding: CodingSummary | null;
}) {
  const contentType = headerValue(response.headers, 'content-type');
  const cls = useMemo(() => classifyBody(contentType, body), [contentType, body]);
  const textual = cls.kind === 'json' || cls.kind === 'xml' || cls.kind === 'html' || cls.kind === 'text';
  const views = VIEWS[cls.kind] ?? VIEWS.image!;
  const [view, setView] = useState<ViewId>(views[0]!.id);
  const [state, setState] = useState<BodyDocState>({ status: 'working', phase: 'starting' });
  const [doc, setDoc] = useState<BodySource | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [html, setHtml] = useState<string | null>(null);

  useEffect(() => setView(views[0]!.id), [views]);

  useEffect(() => {
    setHtml(null);
    setMessage(null);
    if (!body || body.length === 0 || !textual) return;
    const d = openBodySource(body, contentType, cls.kind as 'json' | 'xml' | 'html' | 'text', setState);
    setDoc(d);
    return () => {
      d.dispose();
      setDoc(null);
    };
  }, [body, contentType, cls.kind, textual]);

  useEffect(() => {
    if (cls.kind !== 'html' || !doc || state.status !== 'ready' || !body || body.length > HTML_PREVIEW_LIMIT_BYTES)
      return;
    let live = true;
    void doc.text('raw').then((t: string) => live && setHtml(t));
    return () => {
      live = false;
    };
  }, [cls.kind, doc, state.status, body]);

  if (body === null || body.length === 0) {
    return (
      <section aria-label="Response body" className="p-4 text-[13px] text-slate-500">
        {body === null ? 'No body. ' : 'Empty body (0 bytes).'}
        {body === null && (
          <span className="text-xs">
            {response.status === 204 || response.status === 304 || response.status < 200
              ? `A ${response.status} response has no content (RFC 9112 §6.3).`
              : 'A response to HEAD has no content, whatever its Content-Length says (RFC 9112 §6.3).'}
          </span>
        )}
      </section>
    );
  }

  const ready = state.status === 'ready' ? state.info : null;
  const onCopy = async () => {
    const text = doc ? await doc.text(view === 'pretty' && ready?.pretty ? 'pretty' : 'raw') : null;
    if (text === null) return setMessage('Binary content cannot be copied as text; use Download.');
    const error = await copyText(text);
    setMessage(error ?? `Copied ${text.length.toLocaleString('en-US')} characters.`);
  };

  const lastCoding = response.headers.length > 0 && coding?.decoded ? codingsOfLine(response) : '';
  const receivedName = filenameFor(response) + lastCoding;
  const shownDoc = ready && (view === 'pretty' || view === 'tree') && ready.pretty ? ready.pretty : ready?.raw;
  return (
    <div
      data-body-kind={cls.kind}
      data-state={textual ? state.status : 'ready'}
      className="flex h-full min-h-0 flex-col"
    >
      <TabList<ViewId>
        label={LABEL}
        size="sm"
        selected={view}
        onSelect={setView}
        items={views}
        trailing={
          <>
            {textual && (
              <Button onClick={() => void onCopy()} disabled={!ready}>
                Copy
              </Button>
            )}
            {coding?.decoded ? (
              <>
                <Button
                  onClick={() => void downloadBody(response, body)}
                  title={`Save the ${body.length.toLocaleString('en-US')} bytes of decoded content`}
                >
                  Download decoded
                </Button>
                <Button
                  onClick={() => void downloadBody(response, undefined, receivedName)}
                  title={`Save the ${(response.body?.length ?? 0).toLocaleString('en-US')} bytes as received (still encoded)`}
                >
                  Download as received
                </Button>
              </>
            ) : (
              <Button
                onClick={() => void downloadBody(response)}
                title={`Save the ${body.length.toLocaleString('en-US')} bytes as received`}
              >
                Download
              </Button>
            )}
          </>
        }
      />
      <div className="flex flex-wrap gap-x-3 gap-y-0.5 border-b border-slate-100 px-3 py-1 text-[11px] text-slate-500">
        {coding ? <span data-testid="content-coding">{coding.line}</span> : <span>{formatBytes(body.length)}</span>}
        <span>{cls.reason}</span>
        {ready && <span data-testid="charset">{ready.charset}</span>}
        {shownDoc && <span>{shownDoc.lines.toLocaleString('en-US')} lines</span>}
        {shownDoc && shownDoc.rows > shownDoc.lines && (
          <span className="text-amber-800">
            lines over {MAX_ROW_CHARS.toLocaleString('en-US')} characters continue on rows marked ↪ (nothing is cut)
          </span>
        )}
        <span title="Download file name">↓ {filenameFor(response)}</span>
        {state.status === 'working' && textual && (
          <span role="status" aria-label="Body progress" className="font-medium text-indigo-700">
            {state.phase === 'formatting'
              ? 'Formatting…'
              : state.phase === 'indexing'
                ? 'Indexing lines…'
                : 'Decoding…'}{' '}
            (in the background; the page stays usable)
          </span>
        )}
      </div>
      {coding?.problem && (
        <Notice tone="warning" className="m-2">
          {coding.problem}
        </Notice>
      )}
      {ready?.charsetNote && (
        <Notice tone="warning" className="m-2">
          {ready.charsetNote}
        </Notice>
      )}
      {ready?.prettyError && (
        <Notice tone="warning" className="m-2">
          {ready.prettyError}
        </Notice>
      )}
      {state.status === 'failed' && (
        <Notice tone="error" className="m-2">
          {state.message}
        </Notice>
      )}
      {message && (
        <p role="status" className="px-3 py-1 text-[11px] text-slate-600">
          {message}
        </p>
      )}
      <section aria-label="Response body" className="min-h-0 flex-1">
        <div role="tabpanel" aria-labelledby={`tab-${LABEL}-${view}`} className="h-full">
          {renderView()}
        </div>
      </section>
    </div>
  );

  function renderView() {
    if (!body) return null;
    if (view === 'hex') return <HexView bytes={body} />;
    if (
      view === 'preview' &&
      (cls.kind === 'image' || cls.kind === 'pdf' || cls.kind === 'audio' || cls.kind === 'video')
    ) {
      return <MediaPreview bytes={body} mimeType={cls.mimeType} kind={cls.kind} />;
    }
    if (view === 'preview' && cls.kind === 'html') {
      if (body.length > HTML_PREVIEW_LIMIT_BYTES) {
        return (
          <Notice tone="info" className="m-2">
            Preview is off above {formatBytes(HTML_PREVIEW_LIMIT_BYTES)} of HTML; see Source, or Download the file.
          </Notice>
        );
      }
      return html === null ? <Waiting /> : <HtmlPreview html={html} />;
    }
    if (!doc || !ready) {
      // Until the worker is done (seconds for tens of MB), the first rows are shown as received
      // (a body small enough to be prepared inline is ready at once: no flash of them).
      const inWorker = textual && state.status === 'working' && body.length > INLINE_LIMIT_BYTES;
      return inWorker ? <FirstRows bytes={body} contentType={contentType} /> : <Waiting />;
    }
    if (view === 'tree') {
      return ready.treeRoot ? (
        <JsonTree doc={doc} root={ready.treeRoot} />
      ) : (
        <Notice tone="info" className="m-2">
          No tree: the content is not valid JSON.
        </Notice>
      );
    }
    const usePretty = view === 'pretty' && ready.pretty !== null;
    return (
      <TextView
        key={usePretty ? 'pretty' : 'raw'}
        doc={doc}
        docName={usePretty ? 'pretty' : 'raw'}
        info={usePretty ? ready.pretty! : ready.raw}
        label="Body text"
        syntax={cls.kind === 'json' && ready.treeRoot ? 'json' : undefined}
      />
    );
  }
}

/** Extension of the bytes as received: the last coding applied (`.br` for `gzip, br`). */
function codingsOfLine(response: ResponseRecord): string {
  const plan = codingPlan(response.via, response.headers);
  return plan.action === 'decode' ? codingExtension(plan.codings[plan.codings.length - 1] ?? '') : '';
}

function Waiting() {
  return <p className="p-3 text-[13px] text-slate-400">Preparing the view…</p>;
}
