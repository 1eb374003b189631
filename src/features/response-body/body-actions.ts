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

/** Bytes copied into a Blob per task: a Blob copies its data, and 100 MB at once blocks for 100+ ms. */
const BLOB_PART_BYTES = 4 * 1024 * 1024;

/**
 * A Blob of `bytes`, built a few MB per task; composing Blobs of Blobs copies nothing more.
 */
export async function blobInTasks(bytes: Uint8Array, type: string): Promise<Blob> {
  if (bytes.length <= BLOB_PART_BYTES) return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const parts: Blob[] = [];
  for (let offset = 0; offset < bytes.length; offset += BLOB_PART_BYTES) {
    parts.push(new Blob([bytes.subarray(offset, offset + BLOB_PART_BYTES) as Uint8Array<ArrayBuffer>]));
    await nextTask();
  }
  return new Blob(parts, { type });
}

/** Resolves in a new task (a MessageChannel message: not clamped like nested setTimeout). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Saves the content bytes exactly as received (or `bytes`, e.g. the decoded content, under
 * `name`). The Blob is typed application/octet-stream so the
 * browser never sniffs or renders it (an HTML body must not become a page of Parley's origin).
 */
export async function downloadBody(
  response: ResponseRecord,
  bytes: Uint8Array | null = response.body,
  name: string = filenameFor(response),
): Promise<void> {
  if (!bytes) return;
  const url = URL.createObjectURL(await blobInTasks(bytes, 'application/octet-stream'));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
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
