/** Export the library to a JSON file (download, asking about secrets first) and import one back (file picker). */
import { useRef, useState } from 'react';
import { exportRequested, exportSecretsListed, importFileRead } from '../../stores/library-transfer.ts';
import { showNotice } from '../../stores/library-store.ts';
import type { LibraryFinding } from '../../core/secrets/library.ts';
import { ExportDialog } from './ExportDialog.tsx';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function LibraryFileButtons() {
  const input = useRef<HTMLInputElement>(null);
  const [asking, setAsking] = useState<LibraryFinding[] | null>(null);
  const cls = 'rounded px-1.5 py-0.5 text-[11px] text-slate-600 hover:bg-slate-100';
  const exportFile = (keep: ReadonlySet<string>) => {
    const f = exportRequested(keep);
    download(f.fileName, f.text);
  };
  return (
    <div className="flex items-center gap-1 border-t border-slate-200 px-2 py-1.5">
      <button
        type="button"
        className={cls}
        onClick={() => {
          const findings = exportSecretsListed();
          // Nothing to ask about: export at once.
          if (findings.length === 0) exportFile(new Set());
          else setAsking(findings);
        }}
      >
        Export library
      </button>
      {asking && (
        <ExportDialog
          findings={asking}
          onClose={() => setAsking(null)}
          onExport={(keep) => {
            exportFile(keep);
            setAsking(null);
          }}
        />
      )}
      <button type="button" className={cls} onClick={() => input.current?.click()}>
        Import library
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        aria-label="Library file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void file
            .text()
            .then(importFileRead, (err: unknown) =>
              showNotice({ tone: 'error', text: `Could not read ${file.name}: ${String(err)}` }),
            );
        }}
      />
    </div>
  );
}
