/** Save as a new request: a name and a collection, chosen or created here. */
import { useMemo, useState, type FormEvent } from 'react';
import { Button, Label, Notice, inputClass, selectClass } from '../../components/ui.tsx';
import { sortByName } from '../../core/library/search.ts';
import { urlFieldText } from '../../core/url/query.ts';
import { DEFAULT_COLLECTION_NAME } from '../../core/library/migrate.ts';
import { getDraft } from '../../stores/request-store.ts';
import { saveConfirmed, saveDialogClosed, useCollections, useLibraryNotice } from '../../stores/library-store.ts';
import { Dialog } from '../../components/dialog.tsx';

const NEW = '__new__';

/** `POST https://api.test/users?x=1` → `POST /users`: a name people recognise. */
function suggestedName(): string {
  const d = getDraft();
  const text = urlFieldText(d);
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(text)?.[1] ?? text;
  return `${d.method} ${path || '/'}`.trim();
}

export function SaveDialog() {
  const collections = useCollections();
  const notice = useLibraryNotice();
  const sorted = useMemo(() => sortByName(Object.values(collections)), [collections]);
  const [name, setName] = useState(suggestedName);
  const [choice, setChoice] = useState<string>(sorted[0]?.id ?? NEW);
  const [newName, setNewName] = useState(sorted.length === 0 ? DEFAULT_COLLECTION_NAME : '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    saveConfirmed(name, choice === NEW ? { newCollection: newName } : { collectionId: choice });
  };
  return (
    <Dialog title="Save request" onClose={saveDialogClosed}>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <div>
          <Label htmlFor="save-name">Request name</Label>
          <input id="save-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <Label htmlFor="save-collection">Collection</Label>
          <select
            id="save-collection"
            className={`${selectClass} w-full`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            {sorted.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={NEW}>New collection…</option>
          </select>
        </div>
        {choice === NEW && (
          <div>
            <Label htmlFor="save-new-collection">New collection name</Label>
            <input
              id="save-new-collection"
              className={inputClass}
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
          </div>
        )}
        {notice?.tone === 'error' && <Notice tone="error">{notice.text}</Notice>}
        <div className="flex justify-end gap-2">
          <Button onClick={saveDialogClosed}>Cancel</Button>
          <Button variant="primary" type="submit">
            Save request
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
