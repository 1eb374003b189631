/** The Import dialog's "Collection or spec" tab: file, paste or URL → review with the report → import. */
import { useId } from 'react';
import { Button, inputClass, selectClass } from '../../components/ui.tsx';
import { useCollections } from '../../stores/library-store.ts';
import { importFileRead } from '../../stores/library-transfer.ts';
import { ImportReport } from './ImportReport.tsx';
import {
  importConfirmed,
  importFileChosen,
  importNameEdited,
  importReviewCancelled,
  importTargetChosen,
  importTextEdited,
  importTextSubmitted,
  importUrlEdited,
  importUrlSubmitted,
  useCollectionImport,
} from './collection-import-store.ts';

const FORMAT_NAMES = {
  postman: 'Postman collection',
  'postman-environment': 'Postman environment',
  openapi: 'OpenAPI description',
  har: 'HAR capture',
  http: '.http file',
  insomnia: 'Insomnia export',
  bruno: 'Bruno collection',
} as const;

export function CollectionImport({ onDone }: { onDone: () => void }) {
  const s = useCollectionImport();
  const collections = useCollections();
  const ids = { file: useId(), url: useId(), text: useId(), target: useId(), name: useId() };
  if (s.libraryText !== null) {
    const text = s.libraryText;
    return (
      <div className="flex flex-col gap-3 text-xs">
        <p role="status">This is a Parley library file: its records are merged by id, as Library › Import does.</p>
        <div className="flex justify-end gap-2">
          <Button onClick={importReviewCancelled}>Back</Button>
          <Button
            variant="primary"
            onClick={() => {
              importFileRead(text);
              importReviewCancelled();
              onDone();
            }}
          >
            Import library file
          </Button>
        </div>
      </div>
    );
  }
  if (s.review) {
    const r = s.review;
    const n = r.report.filter((i) => i.outcome === 'imported').length;
    return (
      <div className="flex flex-col gap-3 text-xs text-slate-700">
        <p role="status" aria-label="Detected format">
          {FORMAT_NAMES[r.format]} “{r.collection.name}”: {n} item{n === 1 ? '' : 's'} to import. Nothing is written
          until you press Import.
        </p>
        <ImportReport items={r.report} />
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor={ids.target} className="flex flex-col gap-1">
            Import into
            <select
              id={ids.target}
              className={selectClass}
              value={s.target}
              onChange={(e) => importTargetChosen(e.target.value)}
            >
              <option value="new">New collection</option>
              {Object.values(collections).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {s.target === 'new' && (
            <label htmlFor={ids.name} className="flex flex-1 flex-col gap-1">
              Collection name
              <input
                id={ids.name}
                className={inputClass}
                value={s.newName}
                onChange={(e) => importNameEdited(e.target.value)}
              />
            </label>
          )}
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={importReviewCancelled}>Back</Button>
          <Button
            variant="primary"
            onClick={() => {
              void importConfirmed().then((ok) => ok && onDone());
            }}
          >
            Import
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3 text-xs text-slate-600">
      <p>
        Postman collections and environments, OpenAPI 3 / Swagger 2 (JSON or YAML), HAR, .http files. You can also drop
        a file on the window.
      </p>
      <label htmlFor={ids.file} className="flex flex-col gap-1">
        File to import
        <input
          id={ids.file}
          type="file"
          accept=".json,.yaml,.yml,.har,.http,.rest,application/json,text/yaml"
          disabled={s.busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFileChosen(f);
            e.target.value = '';
          }}
        />
      </label>
      <div className="flex items-end gap-2">
        <label htmlFor={ids.url} className="flex flex-1 flex-col gap-1">
          Import from URL
          <input
            id={ids.url}
            className={inputClass}
            placeholder="https://example.com/openapi.yaml"
            value={s.url}
            onChange={(e) => importUrlEdited(e.target.value)}
          />
        </label>
        <Button onClick={() => void importUrlSubmitted()} disabled={s.busy || s.url.trim() === ''}>
          Fetch
        </Button>
      </div>
      <label htmlFor={ids.text} className="flex flex-col gap-1">
        Or paste it
        <textarea
          id={ids.text}
          className="h-32 w-full resize-y rounded-md border border-slate-300 p-2 font-mono text-[12px] text-slate-900"
          spellCheck={false}
          value={s.text}
          onChange={(e) => importTextEdited(e.target.value)}
        />
      </label>
      {s.error && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-red-800">
          {s.error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="primary" onClick={() => void importTextSubmitted()} disabled={s.busy || s.text.trim() === ''}>
          {s.busy ? 'Reading…' : 'Read'}
        </Button>
      </div>
    </div>
  );
}
