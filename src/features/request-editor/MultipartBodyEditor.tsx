/** multipart/form-data parts: text fields and files chosen from disk, each with its content type. */
import type { MultipartPart } from '../../core/model/draft.ts';
import { Button, cellInputClass } from '../../components/ui.tsx';
import { hasFileBytes } from '../../stores/request-files.ts';
import {
  multipartFileChosen,
  multipartFileContentTypeEdited,
  multipartPartAdded,
  multipartPartEdited,
  multipartPartRemoved,
  multipartPartToggled,
} from '../../stores/request-store.ts';
import { formatBytes } from '../../components/format.ts';
import { useResolved } from '../../stores/request-derived.ts';
import { problemsByRow } from './problems.ts';

type RowProblems = ReturnType<typeof problemsByRow>[string];

export function MultipartBodyEditor({ parts }: { parts: MultipartPart[] }) {
  const byRow = problemsByRow(useResolved().problems, 'body');
  return (
    <div className="border-t border-slate-200 p-3 text-[13px]">
      <table aria-label="Multipart parts" className="w-full table-fixed border-collapse">
        <thead>
          <tr className="text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500">
            <th className="w-8" />
            <th className="w-[14%] py-1 pl-1.5">Name</th>
            <th className="w-14 py-1 pl-1.5">Kind</th>
            <th className="py-1 pl-1.5">Value</th>
            {/* Wide enough for application/octet-stream, the usual file type. */}
            <th className="w-[38%] py-1 pl-1.5">Content type</th>
            <th className="w-8" />
          </tr>
        </thead>
        <tbody>
          {parts.map((part, i) => (
            <PartRow key={part.id} part={part} index={i} problems={byRow[part.id] ?? []} />
          ))}
        </tbody>
      </table>
      <div className="mt-1.5 flex gap-1">
        <Button variant="ghost" onClick={() => multipartPartAdded('text')}>
          + Add text field
        </Button>
        <Button variant="ghost" onClick={() => multipartPartAdded('file')}>
          + Add file
        </Button>
      </div>
    </div>
  );
}

function PartRow({ part, index, problems }: { part: MultipartPart; index: number; problems: RowProblems }) {
  const n = index + 1;
  const missingBytes = part.kind === 'file' && part.file !== null && !hasFileBytes(part.file.fileId);
  return (
    <tr className={`border-t border-slate-100 align-middle ${part.enabled ? '' : 'opacity-55'}`}>
      <td className="pl-1">
        <input
          type="checkbox"
          aria-label={`Enable part ${n}`}
          checked={part.enabled}
          onChange={(e) => multipartPartToggled(part.id, e.target.checked)}
          className="h-3.5 w-3.5 accent-indigo-600"
        />
      </td>
      <td className="py-0.5">
        <input
          aria-label="Part name"
          className={cellInputClass}
          placeholder="name"
          value={part.name}
          onChange={(e) => multipartPartEdited(part.id, { name: e.target.value })}
        />
      </td>
      <td className="py-0.5">
        <select
          aria-label="Part kind"
          className="w-full rounded border border-transparent bg-transparent py-1 text-[12.5px] hover:border-slate-200"
          value={part.kind}
          onChange={(e) => multipartPartEdited(part.id, { kind: e.target.value as 'text' | 'file' })}
        >
          <option value="text">Text</option>
          <option value="file">File</option>
        </select>
      </td>
      <td className="py-0.5">
        {part.kind === 'text' ? (
          <input
            aria-label="Part value"
            className={cellInputClass}
            placeholder="value"
            value={part.value}
            onChange={(e) => multipartPartEdited(part.id, { value: e.target.value })}
          />
        ) : (
          <label
            className="flex min-w-0 cursor-pointer flex-col gap-0.5 rounded px-1.5 py-1 text-[12px] hover:bg-slate-50"
            title={part.file ? `${part.file.fileName} (${part.file.size.toLocaleString('en-US')} bytes)` : undefined}
          >
            {/* A long file name is cut with an ellipsis on its own line (full name in the tooltip); the button and size never wrap. */}
            {part.file && (
              <span className={`truncate ${missingBytes ? 'text-red-700' : 'text-slate-800'}`}>
                {part.file.fileName}
              </span>
            )}
            <span className="flex min-w-0 items-center gap-2">
              <span className="shrink-0 whitespace-nowrap rounded border border-slate-300 bg-white px-1.5 py-0.5 text-[11px] font-medium text-slate-700">
                Choose file
              </span>
              <span className="truncate text-slate-500">
                {part.file ? formatBytes(part.file.size) : 'No file chosen'}
              </span>
            </span>
            <input
              type="file"
              aria-label={`File for part ${n}`}
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void multipartFileChosen(part.id, file);
              }}
            />
          </label>
        )}
        {/* resolveRequest's problems for this part, e.g. a file whose bytes did not survive a reload. */}
        {problems.map((p) => (
          <p
            key={p.message}
            className={`px-1.5 text-[11px] ${p.severity === 'error' ? 'text-red-700' : 'text-amber-700'}`}
          >
            {p.message}
          </p>
        ))}
      </td>
      <td className="py-0.5">
        {part.kind === 'text' ? (
          <input
            aria-label="Part content type"
            className={cellInputClass}
            placeholder="(none)"
            title={part.contentType || undefined}
            value={part.contentType}
            onChange={(e) => multipartPartEdited(part.id, { contentType: e.target.value })}
          />
        ) : (
          <input
            aria-label="Part content type"
            className={cellInputClass}
            placeholder={part.file ? 'application/octet-stream' : '(the file’s type)'}
            title={part.file?.contentType ?? (part.contentType || undefined)}
            value={part.file?.contentType ?? part.contentType}
            onChange={(e) => multipartFileContentTypeEdited(part.id, e.target.value)}
          />
        )}
      </td>
      <td className="text-right">
        <Button
          variant="danger"
          className="!px-1.5"
          aria-label={`Remove part ${n}`}
          onClick={() => multipartPartRemoved(part.id)}
        >
          ✕
        </Button>
      </td>
    </tr>
  );
}
