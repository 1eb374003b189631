/** Groups resolve problems by the table row they are about. */
import type { ResolveProblem } from '../../core/resolve/types.ts';

export function problemsByRow(
  problems: readonly ResolveProblem[],
  field: ResolveProblem['field'],
): Record<string, { severity: 'error' | 'warning'; message: string }[]> {
  const out: Record<string, { severity: 'error' | 'warning'; message: string }[]> = {};
  for (const p of problems) {
    if (p.field !== field || p.rowId === undefined) continue;
    (out[p.rowId] ??= []).push({ severity: p.severity, message: p.message });
  }
  return out;
}

/** Problems of a field that are not about one row. */
export function fieldProblems(problems: readonly ResolveProblem[], field: ResolveProblem['field']): ResolveProblem[] {
  return problems.filter((p) => p.field === field && p.rowId === undefined);
}
