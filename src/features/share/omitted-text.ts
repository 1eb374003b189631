/** How a field left out of a share link or export is named to people: `Auth: Token`, `Header: Cookie`. */
import type { OmittedField, SecretFinding } from '../../core/share/secrets.ts';

const WHERE: Record<OmittedField['where'], string> = {
  auth: 'Auth',
  header: 'Header',
  query: 'Query parameter',
  url: 'URL',
  variable: 'Variable',
  body: 'Body',
};

export function describeOmitted(o: OmittedField): string {
  return `${WHERE[o.where]}: ${o.name}`;
}

/** A finding with why it counts when that is not its name: `Header: X-Trace (looks like a JWT)`. */
export function describeFinding(f: SecretFinding): string {
  if (f.reason === 'name') return describeOmitted(f);
  if (f.reason === 'marked secret') return `${describeOmitted(f)} (marked secret)`;
  return `${describeOmitted(f)} (looks like ${f.reason})`;
}
