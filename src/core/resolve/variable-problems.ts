/** Sentences for variable faults found by `substituteVariables`, as resolveRequest reports them. */
import { MAX_VARIABLE_DEPTH, type VariableFault } from '../variables/substitute.ts';
import { DYNAMIC_VARIABLE_NAMES } from '../variables/dynamic.ts';

/**
 * The error message for `fault`, naming the variable, the chain that led to it and the
 * places (`URL`, `query`, `headers`, `auth`, `body`, `path variables`, each possibly with
 * `through {{x}}`) it occurs in. Examples:
 * - `The variable {{host}} is not defined (used in URL through {{baseUrl}}). Define it in the active environment.`
 * - `The variables {{a}} → {{b}} → {{a}} refer to each other in a cycle (used in URL). Change one of them in the active environment.`
 */
export function variableFaultMessage(fault: VariableFault, places: string[]): string {
  const where = places.join(', ');
  const chain = fault.chain.map((n) => `{{${n}}}`).join(' → ');
  switch (fault.kind) {
    case 'undefined': {
      const hint = fault.name.startsWith('$')
        ? ` Parley's dynamic variables are ${DYNAMIC_VARIABLE_NAMES.map((n) => `{{${n}}}`).join(', ')}.`
        : '';
      return `The variable {{${fault.name}}} is not defined (used in ${where}). Define it in the active environment.${hint}`;
    }
    case 'cycle':
      return `The variables ${chain} refer to each other in a cycle (used in ${where}). Change one of them in the active environment.`;
    case 'too-deep':
      return `Variables are nested more than ${MAX_VARIABLE_DEPTH} levels deep: ${chain} (used in ${where}). Put the value in fewer levels.`;
    case 'leftover':
      return `The text {{${fault.name}}} is still in the request after substitution (in ${where}) and would be sent literally. Check the variables that build it.`;
  }
}
