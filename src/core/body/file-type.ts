/** The content type of a multipart file part when a file is chosen (issue 10 point 4). */
import type { FileRef, MultipartPart } from '../model/draft.ts';

/**
 * The FileRef to store for a file chosen for `part`. The type the user or an import gave
 * (`part.contentType`, e.g. from curl's `-F 'f=@x.bin;type=application/json'`) is kept;
 * the browser's guess from the file name (`browserType`, File.type, `''` when it has none)
 * is used only when no type was given, and `application/octet-stream` when neither exists
 * (RFC 7578 §4.4). The guess is remembered as `detectedType` so that a difference can be
 * warned about (`fileTypeWarning`). Pure. Example: part type `application/json`, file
 * `a.png` guessed `image/png` → `{ contentType: 'application/json', detectedType: 'image/png', … }`.
 */
export function fileRefForPart(
  part: Pick<MultipartPart, 'contentType'>,
  chosen: { fileId: string; fileName: string; size: number },
  browserType: string,
): FileRef {
  const given = part.contentType.trim();
  const ref: FileRef = {
    fileId: chosen.fileId,
    fileName: chosen.fileName,
    contentType: given !== '' ? given : browserType !== '' ? browserType : 'application/octet-stream',
    size: chosen.size,
  };
  if (browserType !== '') ref.detectedType = browserType;
  return ref;
}

/**
 * A warning when the type sent for a file differs from the browser's guess for it, else
 * `null`. Media types compare without case and parameters (RFC 9110 §8.3.1). Example:
 * `The browser takes "a.png" for image/png; it is sent as application/json, the type given.`
 */
export function fileTypeWarning(file: FileRef | null): string | null {
  if (!file || file.detectedType === undefined) return null;
  const essence = (t: string) => (t.split(';')[0] ?? '').trim().toLowerCase();
  if (essence(file.detectedType) === essence(file.contentType)) return null;
  return `The browser takes "${file.fileName}" for ${file.detectedType}; it is sent as ${file.contentType}, the type given. Change Part content type if the file is really ${file.detectedType}.`;
}
