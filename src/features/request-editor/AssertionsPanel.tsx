/** The Assertions tab: checks without code, and "set variable from $.path" for chaining. */
import { ASSERTION_KINDS } from '../../core/assertions/kinds.ts';
import type { Assertion, AssertionKind } from '../../core/assertions/schema.ts';
import { newId } from '../../core/model/ids.ts';
import { Button, cellInputClass, selectClass } from '../../components/ui.tsx';
import { scriptFieldsEdited, useAssertions } from '../../stores/request-store.ts';

const KIND_LABELS: Record<AssertionKind, string> = {
  status: 'Status code',
  header: 'Header field',
  jsonpath: 'JSONPath',
  responseTime: 'Response time (ms)',
  jsonSchema: 'JSON Schema',
  setVariable: 'Set variable from JSONPath',
};
/** The operators each kind offers (the first is the default). */
const OPS: Record<AssertionKind, Assertion['op'][]> = {
  status: ['equals'],
  header: ['contains', 'equals', 'matches', 'exists'],
  jsonpath: ['equals', 'matches', 'exists'],
  responseTime: ['below'],
  jsonSchema: ['matches'],
  setVariable: ['equals'],
};
const hasTarget = (k: AssertionKind) => k === 'header' || k === 'jsonpath' || k === 'setVariable';

export function AssertionsPanel() {
  const rows = useAssertions() ?? [];
  const save = (next: Assertion[]) => scriptFieldsEdited({ assertions: next });
  const patch = (id: string, p: Partial<Assertion>) => save(rows.map((r) => (r.id === id ? { ...r, ...p } : r)));
  return (
    <div className="space-y-2 p-3">
      <table aria-label="Assertions" className="w-full text-[13px]">
        <thead className="text-left text-[11px] text-slate-500">
          <tr>
            <th className="w-6" />
            <th>Check</th>
            <th>Header name / JSONPath</th>
            <th>Operator</th>
            <th>Expected value / variable name / schema</th>
            <th className="w-8" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="align-top">
              <td>
                <input
                  type="checkbox"
                  aria-label="Assertion enabled"
                  checked={r.enabled}
                  onChange={(e) => patch(r.id, { enabled: e.target.checked })}
                />
              </td>
              <td>
                <select
                  aria-label="Assertion kind"
                  className={selectClass}
                  value={r.kind}
                  onChange={(e) => {
                    const kind = e.target.value as AssertionKind;
                    patch(r.id, { kind, op: OPS[kind][0] });
                  }}
                >
                  {ASSERTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {hasTarget(r.kind) && (
                  <input
                    aria-label="Assertion target"
                    className={cellInputClass}
                    placeholder={r.kind === 'header' ? 'Content-Type' : '$.data.id'}
                    value={r.target}
                    onChange={(e) => patch(r.id, { target: e.target.value })}
                  />
                )}
              </td>
              <td>
                {OPS[r.kind].length > 1 ? (
                  <select
                    aria-label="Assertion operator"
                    className={selectClass}
                    value={r.op}
                    onChange={(e) => patch(r.id, { op: e.target.value as Assertion['op'] })}
                  >
                    {OPS[r.kind].map((op) => (
                      <option key={op}>{op}</option>
                    ))}
                  </select>
                ) : (
                  <span className="px-1 text-slate-500">{OPS[r.kind][0]}</span>
                )}
              </td>
              <td>
                {r.op !== 'exists' && (
                  <input
                    aria-label="Assertion expected value"
                    className={cellInputClass}
                    placeholder={
                      r.kind === 'setVariable' ? 'token' : r.kind === 'jsonSchema' ? '{"type":"object"}' : '200'
                    }
                    value={r.expected}
                    onChange={(e) => patch(r.id, { expected: e.target.value })}
                  />
                )}
              </td>
              <td>
                <Button
                  variant="danger"
                  aria-label="Remove assertion"
                  onClick={() => save(rows.filter((x) => x.id !== r.id))}
                >
                  ×
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        onClick={() =>
          save([...rows, { id: newId(), enabled: true, kind: 'status', target: '', op: 'equals', expected: '200' }])
        }
      >
        Add assertion
      </Button>
    </div>
  );
}
