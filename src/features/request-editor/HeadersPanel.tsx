/** Header rows as typed, plus the header fields auth and body add (read-only "auto" rows). */
import { KeyValueTable, type AutoRow } from '../../components/key-value-table.tsx';
import { Button, Notice } from '../../components/ui.tsx';
import { useResolved } from '../../stores/request-derived.ts';
import {
  headerAdded,
  headerEdited,
  headerMoved,
  headerRemoved,
  headerToggled,
  useHeaderRows,
} from '../../stores/request-store.ts';
import { transportChosen, useTransportKind, proxyAvailable } from '../../stores/settings-store.ts';
import { UNRESOLVED_CLASS, fieldProblems, problemsByRow, usesUnresolved } from './problems.ts';
import { useState } from 'react';
import { COMMON_REQUEST_HEADERS, headerValueSuggestions } from '../../core/headers/catalog.ts';
import { HeadersBulkEditor } from './HeadersBulkEditor.tsx';

export function HeadersPanel() {
  const rows = useHeaderRows();
  const resolved = useResolved();
  const transport = useTransportKind();
  const [bulk, setBulk] = useState(false);
  const autoRows: AutoRow[] = (resolved.request?.headers ?? [])
    .filter((h) => h.source !== 'user')
    .map((h, i) => ({ key: `${h.source}-${i}`, name: h.name, value: h.value, source: h.from ?? h.source }));
  const byRow = problemsByRow(resolved.problems, 'header');
  const general = fieldProblems(resolved.problems, 'header');
  const directLimited =
    transport === 'direct' && resolved.problems.some((p) => p.field === 'header' && /proxy/i.test(p.message));

  return (
    <div className="space-y-3 p-3">
      <div className="flex justify-end">
        <Button variant="ghost" aria-pressed={bulk} onClick={() => setBulk((b) => !b)}>
          Bulk edit
        </Button>
      </div>
      {bulk ? (
        <HeadersBulkEditor />
      ) : (
        <KeyValueTable
          label="Headers"
          nameLabel="Header name"
          valueLabel="Header value"
          rows={rows}
          problems={byRow}
          autoRows={autoRows}
          onAdd={() => headerAdded()}
          onEdit={headerEdited}
          onToggle={headerToggled}
          onRemove={headerRemoved}
          onMove={headerMoved}
          addLabel="Add header"
          cellClass={(text) => (usesUnresolved(text, resolved.unresolvedVariables) ? UNRESOLVED_CLASS : '')}
          namePlaceholder="Header-Name"
          nameSuggestions={COMMON_REQUEST_HEADERS}
          valueSuggestions={headerValueSuggestions}
        />
      )}
      {general.map((p, i) => (
        <Notice key={i} tone={p.severity === 'error' ? 'error' : 'warning'}>
          {p.message}
        </Notice>
      ))}
      {directLimited && proxyAvailable() && (
        <Notice tone="warning" className="flex items-center gap-3">
          <span className="flex-1">
            In direct mode the browser drops the flagged header fields. Parley’s proxy sends them as typed.
          </span>
          <Button variant="secondary" onClick={() => transportChosen('proxy')}>
            Use the proxy
          </Button>
        </Notice>
      )}
      <p className="px-1 text-[11px] leading-4 text-slate-500">
        Sent in this order, duplicates kept. Host and Content-Length are added on the wire; see Raw request.
        {resolved.request === null && ' Header fields set by auth and body show here once the request has no errors.'}
      </p>
    </div>
  );
}
