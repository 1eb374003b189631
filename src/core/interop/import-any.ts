/**
 * One entry for every import: detects the format of a text (a file's content, a paste or a
 * download) and runs its importer. Order: Parley library file, Postman collection, Postman
 * environment/globals, OpenAPI/Swagger, HAR, then `.http` text; Insomnia v4/v5 before Postman.
 * Bruno files are recognised and refused with a message, never misread as something else.
 */
import { asObject } from './rows.ts';
import { parseStructuredText } from './parse-text.ts';
import { importPostman, isPostmanCollection } from './postman/import-postman.ts';
import { importPostmanEnvironment, isPostmanEnvironment } from './postman/environment.ts';
import { importOpenApi, isOpenApi } from './openapi/import-openapi.ts';
import { importHar, isHar } from './har/import-har.ts';
import { importHttpFile, isHttpFile } from './http-file/import-http.ts';
import { importInsomnia, isInsomnia } from './insomnia/import-insomnia.ts';
import type { ImportResult } from './tree.ts';

/** A Parley library file is handed to the library's own importer (`parseExport`), not read here. */
export type AnyImportResult = ImportResult | { ok: 'parley-library'; text: string };

export interface ImportTextOptions {
  /** The file's name (`api.http`, `spec.yaml`), or `''` for a paste. */
  fileName?: string;
  /** HAR: keep each response as a saved example (default true). */
  harResponses?: boolean;
}

/**
 * Detects the format of `text` and imports it. Never throws: an unknown or broken input gives
 * `{ ok: false, message }` saying what was expected.
 */
export async function importText(text: string, options: ImportTextOptions = {}): Promise<AnyImportResult> {
  const fileName = options.fileName ?? '';
  if (text.trim() === '') return { ok: false, message: 'There is nothing to import: the text is empty.' };
  if (/\.bru$/i.test(fileName) || /^meta\s*\{/m.test(text))
    return { ok: false, message: 'Bruno .bru files cannot be imported yet.' };
  const trimmed = text.trimStart();
  const structured = trimmed.startsWith('{') || trimmed.startsWith('[') || !isHttpFile(text);
  if (!structured) return importHttpFile(text, fileName || 'requests.http');
  const parsed = await parseStructuredText(text);
  if (!parsed.ok) return isHttpFile(text) ? importHttpFile(text, fileName || 'requests.http') : parsed;
  const data = parsed.data;
  const o = asObject(data);
  if (o && o.format === 'parley-library') return { ok: 'parley-library', text };
  if (isInsomnia(data)) return importInsomnia(data);
  if (isPostmanCollection(data) || (o && Array.isArray(o.requests))) return importPostman(data);
  if (isPostmanEnvironment(data)) return importPostmanEnvironment(data);
  if (isOpenApi(data)) return importOpenApi(data);
  if (isHar(data)) return importHar(data, options.harResponses ?? true);
  return {
    ok: false,
    message: `This ${parsed.syntax === 'json' ? 'JSON' : 'YAML'} is not a format Parley imports: a Postman collection or environment, OpenAPI/Swagger, HAR, an .http file or a Parley library file.`,
  };
}
