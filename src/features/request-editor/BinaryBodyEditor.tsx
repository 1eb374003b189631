/** A file sent as the whole body, byte for byte. */
import type { FileRef } from '../../core/model/draft.ts';
import { hasFileBytes } from '../../stores/request-files.ts';
import { binaryFileChosen } from '../../stores/request-store.ts';
import { formatBytes } from '../../components/format.ts';

export function BinaryBodyEditor({ file }: { file: FileRef | null }) {
  const missing = file !== null && !hasFileBytes(file.fileId);
  return (
    <div className="border-t border-slate-200 p-3">
      <label className="flex cursor-pointer items-center gap-3 rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-5 text-[13px] hover:border-indigo-400 hover:bg-indigo-50/40">
        <span className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 shadow-sm">
          Choose file
        </span>
        <span className={missing ? 'text-red-700' : 'text-slate-600'}>
          {file
            ? `${file.fileName} · ${formatBytes(file.size)} · ${file.contentType}${missing ? ' — choose it again: file contents are not kept across reloads' : ''}`
            : 'No file chosen. Its bytes are sent exactly as they are on disk.'}
        </span>
        <input
          type="file"
          aria-label="Binary file"
          className="sr-only"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void binaryFileChosen(f);
          }}
        />
      </label>
    </div>
  );
}
