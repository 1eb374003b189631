/** Groups resolve problems by the table row they are about. */
import type { ResolveProblem } from '../../core/resolve/types.ts';
import { variableNames } from '../../core/variables/substitute.ts';

/** True when `text` uses one of the `{{variables}}` that are not defined (to highlight its field). */
export function usesUnresolved(text: string, unresolved: readonly string[]): boolean {
  return unresolved.length > 0 && text.includes('{{') && variableNames(text).some((n) => unresolved.includes(n));
}

/** Tailwind classes that mark a field using an undefined variable. */
export const UNRESOLVED_CLASS = '!bg-amber-50 !border-amber-300 ring-1 ring-amber-300';

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
