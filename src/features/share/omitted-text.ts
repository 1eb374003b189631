/** How a field left out of a share link is named to people: `Auth: Token`, `Header: Cookie`. */
import type { OmittedField } from '../../core/share/secrets.ts';

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
