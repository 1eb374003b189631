/**
 * Previews for binary bodies: image/PDF/audio/video through an object URL (revoked when the body
 * changes), HTML in a sandboxed iframe (no scripts, no same-origin), and a virtualised hex view.
 */
import { useCallback, useEffect, useState } from 'react';
import { hexDumpRows, hexRowCount } from '../../core/response/hex.ts';
import type { Row } from '../../workers/body-protocol.ts';
import { VirtualRows } from './VirtualRows.tsx';
import { blobInTasks } from './body-actions.ts';

/** An object URL for `bytes` typed `mimeType`, revoked when either changes or the view unmounts. */
function useObjectUrl(bytes: Uint8Array, mimeType: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let next: string | null = null;
    let live = true;
    void blobInTasks(bytes, mimeType).then((blob) => {
      if (!live) return;
      next = URL.createObjectURL(blob);
      setUrl(next);
    });
    return () => {
      live = false;
      if (next) URL.revokeObjectURL(next);
      setUrl(null);
    };
  }, [bytes, mimeType]);
  return url;
}

export function MediaPreview({
  bytes,
  mimeType,
  kind,
}: {
  bytes: Uint8Array;
  mimeType: string;
  kind: 'image' | 'pdf' | 'audio' | 'video';
}) {
  const url = useObjectUrl(bytes, mimeType);
  const [failed, setFailed] = useState(false);
  if (!url) return null;
  if (failed)
    return (
      <p className="p-3 text-[13px] text-amber-800">
        This browser cannot show {mimeType}; see the Hex tab or Download it.
      </p>
    );
  switch (kind) {
    case 'image':
      return (
        <div className="flex h-full items-start justify-center overflow-auto bg-[conic-gradient(#f1f5f9_25%,white_0_50%,#f1f5f9_0_75%,white_0)] bg-[length:16px_16px] p-3">
          <img src={url} alt="Response image preview" className="max-w-full" onError={() => setFailed(true)} />
        </div>
      );
    case 'pdf':
      return <iframe title="Response PDF preview" src={url} className="h-full min-h-[480px] w-full border-0" />;
    case 'audio':
      return (
        <div className="p-3">
          <audio controls src={url} aria-label="Response audio preview" onError={() => setFailed(true)} />
        </div>
      );
    case 'video':
      return (
        <video
          controls
          src={url}
          aria-label="Response video preview"
          className="max-h-full max-w-full p-3"
          onError={() => setFailed(true)}
        />
      );
  }
}

/**
 * HTML preview. `sandbox=""` grants nothing: scripts do not run, the document gets an opaque
 * origin (no access to Parley's storage, cookies or DOM), forms and popups are blocked.
 */
export function HtmlPreview({ html }: { html: string }) {
  return (
    <iframe title="HTML preview" sandbox="" srcDoc={html} className="h-full min-h-[480px] w-full border-0 bg-white" />
  );
}

export function HexView({ bytes }: { bytes: Uint8Array }) {
  const fetchRows = useCallback(
    (from: number, to: number): Row[] =>
      hexDumpRows(bytes, from, to).map((text, i) => ({ line: from + i, cont: false, text })),
    [bytes],
  );
  return <VirtualRows label="Hex dump" rowCount={hexRowCount(bytes.length)} fetchRows={fetchRows} gutter={false} />;
}
