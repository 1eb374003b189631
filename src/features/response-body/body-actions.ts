/** Side effects of the body viewer: saving the exact bytes and copying the text. */
import type { ResponseRecord } from '../../core/model/response.ts';
import { downloadFilename } from '../../core/response/content-disposition.ts';
import { headerValue } from '../../core/response/media-type.ts';

/** The name Download will use for this response. */
export function filenameFor(response: ResponseRecord): string {
  return downloadFilename({
    contentDisposition: headerValue(response.headers, 'content-disposition'),
    url: response.url,
    contentType: headerValue(response.headers, 'content-type'),
  });
}

/**
 * Saves the content bytes exactly as received. The Blob is typed application/octet-stream so the
 * browser never sniffs or renders it (an HTML body must not become a page of Parley's origin).
 */
export function downloadBody(response: ResponseRecord): void {
  if (!response.body) return;
  const url = URL.createObjectURL(new Blob([response.body as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFor(response);
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the download has started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copies text to the clipboard; resolves to an error message a person understands, or null. */
export async function copyText(text: string): Promise<string | null> {
  try {
    await navigator.clipboard.writeText(text);
    return null;
  } catch (error) {
    return `Could not copy (${error instanceof Error ? error.message : 'clipboard unavailable'}). Use Download to save the body instead.`;
  }
}
