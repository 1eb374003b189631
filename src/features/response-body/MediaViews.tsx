/**
 * Previews for binary bodies and HTML, built so no response byte runs with Parley's origin (see
 * preview-sources.ts): images from a `data:` URL, audio/video/PDF from an object URL typed only as
 * such (revoked when the body changes), HTML in a sandboxed iframe with a CSP of its own, and a
 * virtualised hex view.
 */
import { useCallback, useEffect, useState } from 'react';
import { hexDumpRows, hexRowCount } from '../../core/response/hex.ts';
import type { Row } from '../../workers/body-protocol.ts';
import { VirtualRows } from './VirtualRows.tsx';
import { blobInTasks } from './body-actions.ts';
import { htmlPreviewDocument, imageDataUrlType, inertObjectUrlType } from './preview-sources.ts';

type MediaKind = 'image' | 'pdf' | 'audio' | 'video';

/** Reads a Blob as a `data:` URL (FileReader: base64 off the main thread's JS, no string building here). */
function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image bytes'));
    reader.readAsDataURL(blob);
  });
}

/**
 * The URL a preview shows `bytes` from: a `data:` URL for an image, an object URL for audio,
 * video or PDF (revoked when the input changes or the view unmounts), `false` (refused) when the type
 * is not one that can be shown inertly, `null` while it is being built.
 */
function usePreviewUrl(bytes: Uint8Array, mimeType: string, kind: MediaKind): string | false | null {
  const [url, setUrl] = useState<string | false | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    const type = kind === 'image' ? imageDataUrlType(mimeType) : inertObjectUrlType(kind, mimeType);
    if (type === null) {
      setUrl(false);
      return;
    }
    const built = blobInTasks(bytes, type).then((blob) => {
      if (kind === 'image') return readAsDataUrl(blob);
      objectUrl = URL.createObjectURL(blob);
      return objectUrl;
    });
    void built.then(
      (u) => {
        if (live) setUrl(u);
        else if (objectUrl) URL.revokeObjectURL(objectUrl);
      },
      () => live && setUrl(false),
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [bytes, mimeType, kind]);
  return url;
}

export function MediaPreview({ bytes, mimeType, kind }: { bytes: Uint8Array; mimeType: string; kind: MediaKind }) {
  const url = usePreviewUrl(bytes, mimeType, kind);
  const [failed, setFailed] = useState(false);
  if (url === null) return null;
  if (failed || url === false)
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
 * origin (no access to Parley's storage, cookies or DOM), forms, popups and top-level navigation
 * are blocked; the CSP `<meta>` put first in the document stops every network load.
 */
export function HtmlPreview({ html }: { html: string }) {
  return (
    <iframe
      title="HTML preview"
      sandbox=""
      srcDoc={htmlPreviewDocument(html)}
      className="h-full min-h-[480px] w-full border-0 bg-white"
    />
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
