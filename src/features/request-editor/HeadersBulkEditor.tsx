/** The header rows as `Name: value` text (bulk edit); every edit replaces the rows (core/headers/bulk-edit). */
import { useState } from 'react';
import { formatHeaderLines, parseHeaderLines } from '../../core/headers/bulk-edit.ts';
import { newId } from '../../core/model/ids.ts';
import { headersReplaced, useHeaderRows } from '../../stores/request-store.ts';

export function HeadersBulkEditor() {
  const rows = useHeaderRows();
  // The text as typed: re-formatting it on every keystroke would move the caret.
  const [text, setText] = useState(() => formatHeaderLines(rows));
  return (
    <div>
      <textarea
        aria-label="Headers as text"
        className="h-40 w-full rounded-md border border-slate-300 p-2 font-mono text-[12.5px]"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          headersReplaced(
            parseHeaderLines(
              e.target.value,
              newId,
              rows.map((r) => r.id),
            ),
          );
        }}
      />
      <p className="px-1 text-[11px] text-slate-500">
        One header field per line as <code>Name: value</code>; start a line with <code>//</code> to disable it.
      </p>
    </div>
  );
}
