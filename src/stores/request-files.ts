/**
 * Bytes of files chosen from disk (multipart file parts, binary bodies). The draft keeps
 * only a FileRef (id, name, type, size); the bytes stay here, in memory, for this tab.
 * A version counter lets views recompute the effective request when a file arrives.
 */
import { create } from 'zustand';
import type { FileRef } from '../core/model/draft.ts';
import { newId } from '../core/model/ids.ts';

const bytesById = new Map<string, Uint8Array>();
const useFilesVersion = create<{ version: number }>()(() => ({ version: 0 }));

/** The file bytes by file id, as `resolveRequest()` takes them. Read-only for callers. */
export function getFiles(): ReadonlyMap<string, Uint8Array> {
  return bytesById;
}

/** Changes whenever a file is added; use as a memo dependency next to `getFiles()`. */
export const useFilesVersionNumber = (): number => useFilesVersion((s) => s.version);

/** Reads a chosen File's bytes and returns the reference to store in the draft. */
export async function fileChosen(file: File): Promise<FileRef> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileId = newId();
  bytesById.set(fileId, bytes);
  useFilesVersion.setState((s) => ({ version: s.version + 1 }));
  return {
    fileId,
    fileName: file.name,
    contentType: file.type || 'application/octet-stream',
    size: bytes.byteLength,
  };
}

/** True when the bytes of a referenced file are present (a reloaded or shared draft lacks them). */
export function hasFileBytes(fileId: string): boolean {
  return bytesById.has(fileId);
}
