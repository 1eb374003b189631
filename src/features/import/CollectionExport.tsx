/**
 * The Import dialog's "Export" tab: a collection to Postman v2.1, OpenAPI 3.1, HAR 1.2 or an
 * .http file. Secrets found (same detector and list as share links) are left out unless ticked.
 */
import { useId, useMemo, useState } from 'react';
import { Button, selectClass } from '../../components/ui.tsx';
import { describeFinding, SecretChecklist } from '../../components/secret-checklist.tsx';
import { libraryToTree } from '../../core/interop/from-library.ts';
import {
  EXPORT_FORMATS,
  exportCollection,
  type ExportedFile,
  type ExportFormat,
} from '../../core/interop/export-any.ts';
import { newId } from '../../core/model/ids.ts';
import { useCollections, useFolders, useSavedRequests } from '../../stores/library-store.ts';

function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CollectionExport() {
  const collections = Object.values(useCollections());
  const folders = Object.values(useFolders());
  const requests = Object.values(useSavedRequests());
  const [collectionId, setCollectionId] = useState(collections[0]?.id ?? '');
  const [format, setFormat] = useState<ExportFormat>('postman');
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState<ExportedFile['notes'] | null>(null);
  const ids = { c: useId(), f: useId() };
  const collection = collections.find((c) => c.id === collectionId);
  const findings = useMemo(
    () => (collection ? libraryToTree(collection, folders, requests).findings : []),
    [collection, folders, requests],
  );
  if (!collection) return <p className="text-xs text-slate-600">There is no collection to export yet.</p>;
  return (
    <div className="flex flex-col gap-3 text-xs text-slate-700">
      <div className="flex gap-2">
        <label htmlFor={ids.c} className="flex flex-1 flex-col gap-1">
          Collection to export
          <select
            id={ids.c}
            className={selectClass}
            value={collectionId}
            onChange={(e) => setCollectionId(e.target.value)}
          >
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.f} className="flex flex-col gap-1">
          Export format
          <select
            id={ids.f}
            className={selectClass}
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {findings.length > 0 && <p>Secrets found are left out of the file unless you tick them:</p>}
      <SecretChecklist
        label="Secrets to keep in the export"
        items={findings.map((f) => ({ key: f.key, text: `${f.record}: ${describeFinding(f)}` }))}
        kept={kept}
        onToggle={(key, keep) => {
          const next = new Set(kept);
          if (keep) next.add(key);
          else next.delete(key);
          setKept(next);
        }}
      />
      {notes && notes.length > 0 && (
        <ul
          role="status"
          aria-label="Export notes"
          className="list-disc rounded-md bg-amber-50 p-2 pl-6 text-amber-900"
        >
          {notes.map((n, i) => (
            <li key={i}>
              <span className="font-mono">{n.path}</span> — {n.message}
            </li>
          ))}
        </ul>
      )}
      <div className="flex justify-end">
        <Button
          variant="primary"
          onClick={() => {
            const { tree } = libraryToTree(collection, folders, requests, kept);
            const file = exportCollection(tree, format, Date.now(), newId());
            setNotes(file.notes);
            download(file);
          }}
        >
          Download
        </Button>
      </div>
    </div>
  );
}
