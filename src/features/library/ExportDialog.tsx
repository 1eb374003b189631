/**
 * Library export asks like Share does: the secrets found in saved requests and history are
 * listed, each emptied in the file unless its Keep checkbox is ticked.
 */
import { useState } from 'react';
import { Button, Notice } from '../../components/ui.tsx';
import { Dialog } from '../../components/dialog.tsx';
import type { LibraryFinding } from '../../core/secrets/library.ts';
import { describeFinding, SecretChecklist } from '../../components/secret-checklist.tsx';

export function ExportDialog({
  findings,
  onExport,
  onClose,
}: {
  findings: readonly LibraryFinding[];
  onExport: (keep: ReadonlySet<string>) => void;
  onClose: () => void;
}) {
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string, keep: boolean) =>
    setKept((prev) => {
      const next = new Set(prev);
      if (keep) next.add(key);
      else next.delete(key);
      return next;
    });
  const items = findings.map((f) => ({ key: f.key, text: `${f.record} — ${describeFinding(f)}` }));
  const left = findings.length - kept.size;
  return (
    <Dialog title="Export library" onClose={onClose} size="wide">
      <div className="flex flex-col gap-3">
        <p className="text-xs text-slate-600">
          The export file holds every saved request and the history. These values look like secrets; they are left out
          of the file (emptied) unless you tick one to keep it.
        </p>
        <SecretChecklist label="Secrets in the export" items={items} kept={kept} onToggle={toggle} />
        {kept.size > 0 && (
          <Notice tone="error">
            {kept.size === 1 ? '1 secret is' : `${kept.size} secrets are`} kept: anyone who gets the file can read it in
            plain text.
          </Notice>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => onExport(kept)}>
            {left === findings.length ? 'Export without secrets' : 'Export'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
