/**
 * The list of secrets an export or link leaves out, one checkbox per item to keep that one
 * deliberately (Share dialog and library export use the same list, so they ask the same way).
 */
import type { ReactNode } from 'react';
import type { OmittedField, SecretFinding } from '../core/secrets/detect.ts';

const WHERE: Record<OmittedField['where'], string> = {
  auth: 'Auth',
  header: 'Header',
  query: 'Query parameter',
  url: 'URL',
  variable: 'Variable',
  body: 'Body',
};

/** How a field left out of a share link or export is named to people: `Auth: Token`, `Header: Cookie`. */
export function describeOmitted(o: OmittedField): string {
  return `${WHERE[o.where]}: ${o.name}`;
}

/** A finding with why it counts when that is not its name: `Header: X-Trace (looks like a JWT)`. */
export function describeFinding(f: SecretFinding): string {
  if (f.reason === 'name') return describeOmitted(f);
  if (f.reason === 'marked secret') return `${describeOmitted(f)} (marked secret)`;
  return `${describeOmitted(f)} (looks like ${f.reason})`;
}

export interface ChecklistItem {
  key: string;
  /** What a person recognises: `Header: X-RapidAPI-Key (looks like a JWT)`. */
  text: string;
}

/**
 * `label` names the list (its accessible name). Each item shows its text and a checkbox named
 * `Keep <text>`; `kept` holds the keys ticked. `extra` rows (files a link cannot carry) have no
 * checkbox.
 */
export function SecretChecklist({
  label,
  items,
  kept,
  onToggle,
  extra = [],
}: {
  label: string;
  items: readonly ChecklistItem[];
  kept: ReadonlySet<string>;
  onToggle: (key: string, keep: boolean) => void;
  extra?: readonly string[];
}): ReactNode {
  if (items.length === 0 && extra.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-col gap-0.5 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.key}>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-0.5"
              aria-label={`Keep ${item.text}`}
              checked={kept.has(item.key)}
              onChange={(e) => onToggle(item.key, e.target.checked)}
            />
            <span>{item.text}</span>
          </label>
        </li>
      ))}
      {extra.map((text, i) => (
        <li key={`extra-${i}`} className="pl-5">
          {text}
        </li>
      ))}
    </ul>
  );
}
