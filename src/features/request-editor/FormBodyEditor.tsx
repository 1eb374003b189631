/** application/x-www-form-urlencoded fields (encoded as UTF-8 when sent). */
import type { KeyValueRow } from '../../core/model/draft.ts';
import { KeyValueTable } from '../../components/key-value-table.tsx';
import { useResolved } from '../../stores/request-derived.ts';
import { formFieldAdded, formFieldEdited, formFieldRemoved, formFieldToggled } from '../../stores/request-store.ts';
import { UNRESOLVED_CLASS, problemsByRow, usesUnresolved } from './problems.ts';

export function FormBodyEditor({ fields }: { fields: KeyValueRow[] }) {
  const resolved = useResolved();
  return (
    <div className="border-t border-slate-200 p-3">
      <KeyValueTable
        label="Form fields"
        nameLabel="Field name"
        valueLabel="Field value"
        rows={fields}
        problems={problemsByRow(resolved.problems, 'body')}
        onAdd={formFieldAdded}
        onEdit={formFieldEdited}
        onToggle={formFieldToggled}
        onRemove={formFieldRemoved}
        addLabel="Add field"
        cellClass={(text) => (usesUnresolved(text, resolved.unresolvedVariables) ? UNRESOLVED_CLASS : '')}
      />
      <p className="mt-2 px-1 text-[11px] leading-4 text-slate-500">
        Type plain text: names and values are encoded when sent (UTF-8, space as +), as browsers submit forms.
      </p>
    </div>
  );
}
