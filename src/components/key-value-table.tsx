/**
 * An editable table of name/value rows (query parameters, headers, form fields):
 * enable/disable, remove, reorder, add; duplicates allowed and order kept. Read-only
 * "auto" rows can be shown after the user's rows (e.g. headers set by auth or body).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Button, cellInputClass } from './ui.tsx';

export interface TableRow {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
}

export interface AutoRow {
  key: string;
  name: string;
  value: string;
  /** Where it comes from, e.g. `auth`, `body`. */
  source: string;
}

export interface KeyValueTableProps {
  /** Accessible name of the table (`Headers`, `Query parameters`). */
  label: string;
  nameLabel: string;
  valueLabel: string;
  rows: TableRow[];
  onEdit: (id: string, patch: { name?: string; value?: string }) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onMove?: (id: string, delta: number) => void;
  onAdd: () => void;
  addLabel: string;
  /** Messages per row id, shown under the row. */
  problems?: Record<string, { severity: 'error' | 'warning'; message: string }[]>;
  autoRows?: AutoRow[];
  namePlaceholder?: string;
  valuePlaceholder?: string;
  /** Rendered after the value cell (e.g. a content-type field). */
  renderExtra?: (row: TableRow) => ReactNode;
  emptyText?: string;
  /** Extra classes for a name/value input given its text (e.g. to mark an undefined {{variable}}). */
  cellClass?: (text: string) => string;
  /** Autocomplete for the name cells (a `<datalist>`). */
  nameSuggestions?: readonly string[];
  /** Autocomplete for a value cell, given its row's name. */
  valueSuggestions?: (name: string) => readonly string[];
}

export function KeyValueTable(props: KeyValueTableProps) {
  const { label, rows, problems = {}, autoRows = [] } = props;
  const table = useRef<HTMLTableElement>(null);
  // After "Add …", focus goes to the new row's name (the row appears on the next render).
  const focusAddedRow = useRef(false);
  useEffect(() => {
    if (!focusAddedRow.current) return;
    focusAddedRow.current = false;
    const names = table.current?.querySelectorAll<HTMLInputElement>(
      `input[aria-label="${CSS.escape(props.nameLabel)}"]`,
    );
    names?.[names.length - 1]?.focus();
  }, [rows.length, props.nameLabel]);
  return (
    <div className="text-[13px]">
      <table ref={table} aria-label={label} className="w-full table-fixed border-collapse">
        <thead>
          <tr className="text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500">
            <th className="w-8 py-1 pl-1">
              <span className="sr-only">Enabled</span>
            </th>
            <th className="py-1 pl-1.5 font-semibold">Name</th>
            <th className="py-1 pl-1.5 font-semibold">Value</th>
            <th className={props.onMove ? 'w-24' : 'w-10'}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const rowProblems = problems[row.id] ?? [];
            return (
              <RowView key={row.id} {...props} row={row} index={index} count={rows.length} rowProblems={rowProblems} />
            );
          })}
          {autoRows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100 text-slate-500">
              <td className="py-1 pl-1">
                <span
                  title={`Set by ${row.source}`}
                  className="rounded bg-slate-100 px-1 text-[10px] font-semibold uppercase text-slate-500"
                >
                  auto
                </span>
              </td>
              <td className="truncate py-1 pl-1.5 font-mono text-[12.5px]" title={row.name}>
                {row.name}
              </td>
              <td className="truncate py-1 pl-1.5 font-mono text-[12.5px]" title={row.value}>
                {row.value}
              </td>
              <td className="truncate py-1 pr-1 text-right text-[11px] italic">from {row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && autoRows.length === 0 && props.emptyText && (
        <p className="px-2 py-2 text-xs text-slate-500">{props.emptyText}</p>
      )}
      <div className="mt-1.5">
        <Button
          variant="ghost"
          onClick={() => {
            focusAddedRow.current = true;
            props.onAdd();
          }}
        >
          <span aria-hidden className="text-sm leading-none">
            +
          </span>{' '}
          {props.addLabel}
        </Button>
      </div>
    </div>
  );
}

function Suggestions({ id, options }: { id: string; options: readonly string[] }) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o} value={o} />
      ))}
    </datalist>
  );
}

function RowView({
  row,
  index,
  count,
  rowProblems: problems,
  nameLabel,
  valueLabel,
  onEdit,
  onToggle,
  onRemove,
  onMove,
  namePlaceholder,
  valuePlaceholder,
  renderExtra,
  cellClass = () => '',
  nameSuggestions,
  valueSuggestions,
}: KeyValueTableProps & {
  row: TableRow;
  index: number;
  count: number;
  rowProblems: { severity: 'error' | 'warning'; message: string }[];
}) {
  const hasError = problems.some((p) => p.severity === 'error');
  const listId = `kv-${row.id}`;
  const values = valueSuggestions?.(row.name) ?? [];
  return (
    <>
      <tr className={`group border-t border-slate-100 ${row.enabled ? '' : 'opacity-55'}`}>
        <td className="py-0.5 pl-1 align-middle">
          <input
            type="checkbox"
            aria-label={`Enable row ${index + 1}`}
            checked={row.enabled}
            onChange={(e) => onToggle(row.id, e.target.checked)}
            className="h-3.5 w-3.5 accent-indigo-600"
          />
        </td>
        <td className="py-0.5">
          {/* eslint-disable-next-line jsx-a11y/no-redundant-roles -- `list` makes it a combobox; cells stay textboxes (DESIGN §5) */}
          <input
            aria-label={nameLabel}
            aria-invalid={hasError || undefined}
            className={`${cellInputClass} ${hasError ? 'text-red-700' : ''} ${cellClass(row.name)}`}
            placeholder={namePlaceholder ?? 'name'}
            role="textbox"
            aria-autocomplete={nameSuggestions ? 'list' : undefined}
            list={nameSuggestions ? `${listId}-names` : undefined}
            value={row.name}
            spellCheck={false}
            onChange={(e) => onEdit(row.id, { name: e.target.value })}
          />
        </td>
        <td className="py-0.5">
          <div className="flex items-center gap-1">
            {/* eslint-disable-next-line jsx-a11y/no-redundant-roles -- as for the name cell */}
            <input
              aria-label={valueLabel}
              className={`${cellInputClass} ${cellClass(row.value)}`}
              placeholder={valuePlaceholder ?? 'value'}
              role="textbox"
              aria-autocomplete={values.length > 0 ? 'list' : undefined}
              list={values.length > 0 ? `${listId}-values` : undefined}
              value={row.value}
              spellCheck={false}
              onChange={(e) => onEdit(row.id, { value: e.target.value })}
            />
            {renderExtra?.(row)}
            {nameSuggestions && <Suggestions id={`${listId}-names`} options={nameSuggestions} />}
            {values.length > 0 && <Suggestions id={`${listId}-values`} options={values} />}
          </div>
        </td>
        <td className="py-0.5 pr-1 text-right whitespace-nowrap">
          {onMove && (
            <>
              <Button
                variant="ghost"
                className="!px-1.5"
                aria-label={`Move row ${index + 1} up`}
                disabled={index === 0}
                onClick={() => onMove(row.id, -1)}
              >
                ↑
              </Button>
              <Button
                variant="ghost"
                className="!px-1.5"
                aria-label={`Move row ${index + 1} down`}
                disabled={index === count - 1}
                onClick={() => onMove(row.id, 1)}
              >
                ↓
              </Button>
            </>
          )}
          <Button
            variant="danger"
            className="!px-1.5"
            aria-label={`Remove row ${index + 1}`}
            onClick={() => onRemove(row.id)}
          >
            ✕
          </Button>
        </td>
      </tr>
      {problems.length > 0 && (
        <tr>
          <td />
          <td colSpan={3} className="pb-1 pl-1.5">
            {problems.map((p, i) => (
              <p
                key={i}
                className={`text-[11.5px] leading-4 ${p.severity === 'error' ? 'text-red-700' : 'text-amber-700'}`}
              >
                {p.message}
              </p>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}
