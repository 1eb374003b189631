/**
 * One entry for every export of a collection (issue 14): Postman v2.1, HAR 1.2, `.http`,
 * OpenAPI 3.1, each as `{ fileName, text, notes }`. Secrets are handled before this, by
 * `libraryToTree(…, keep)` (left out unless chosen). Pure; never throws.
 */
import { exportHar } from './har/export-har.ts';
import { exportHttpFile } from './http-file/export-http.ts';
import { exportOpenApi } from './openapi/export-openapi.ts';
import { exportPostman } from './postman/export-postman.ts';
import type { TreeCollection } from './tree.ts';

export type ExportFormat = 'postman' | 'har' | 'http' | 'openapi';

export const EXPORT_FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'postman', label: 'Postman Collection v2.1' },
  { id: 'openapi', label: 'OpenAPI 3.1' },
  { id: 'har', label: 'HAR 1.2' },
  { id: 'http', label: '.http file' },
];

export interface ExportedFile {
  fileName: string;
  text: string;
  /** What the format could not hold, `{ path, message }` each. */
  notes: { path: string; message: string }[];
}

/** A file name from a collection name: `Users API` → `Users API.postman_collection.json`. */
function baseName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'collection';
}

/**
 * @param now ms since the epoch (HAR `startedDateTime`)
 * @param id a UUID for Postman's `_postman_id`
 */
export function exportCollection(tree: TreeCollection, format: ExportFormat, now: number, id: string): ExportedFile {
  const base = baseName(tree.name);
  switch (format) {
    case 'postman':
      return { fileName: `${base}.postman_collection.json`, text: exportPostman(tree, id), notes: [] };
    case 'openapi': {
      const r = exportOpenApi(tree);
      return { fileName: `${base}.openapi.json`, text: r.text, notes: r.notes };
    }
    case 'har': {
      const r = exportHar(tree, new Date(now).toISOString(), '0.1.0');
      return {
        fileName: `${base}.har`,
        text: r.text,
        notes: r.skipped.map((s) => ({ path: s.path, message: `Not exported: ${s.reason}` })),
      };
    }
    case 'http': {
      const r = exportHttpFile(tree);
      return { fileName: `${base}.http`, text: r.text, notes: r.notes };
    }
  }
}
