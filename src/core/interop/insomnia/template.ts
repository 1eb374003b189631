/**
 * Insomnia template text (Nunjucks) → Parley `{{name}}` variables. Insomnia writes variables as
 * `{{ _.name }}` (or the older `{{ name }}`), nested ones as `{{ _.a.b }}`, and tags as
 * `{% tag args %}`. Translated: variables (spaces and the `_.` prefix dropped), `{% uuid %}` →
 * `{{$guid}}`, `{% now 'iso-8601' %}` → `{{$isoTimestamp}}`, `{% now 'unix' %}` →
 * `{{$timestamp}}` (seconds, as Insomnia's `unix`). Every other tag (response, prompt, base64,
 * hash, faker, cookie, file …) is left as typed and listed, since Parley cannot run it.
 */

export interface TemplateResult {
  text: string;
  /** Tag names left untranslated, in order of appearance (e.g. `response`, `prompt`). */
  untranslated: string[];
}

const VARIABLE = /\{\{\s*(?:_\.)?([A-Za-z_$][\w$.-]*)\s*\}\}/g;
const TAG = /\{%\s*([A-Za-z_][\w]*)([^%]*)%\}/g;

/**
 * @param text a URL, header value, body … as Insomnia stores it
 * @example insomniaTemplate("{{ _.baseUrl }}/u/{% uuid 'v4' %}") // { text: '{{baseUrl}}/u/{{$guid}}', untranslated: [] }
 */
export function insomniaTemplate(text: string): TemplateResult {
  if (!text.includes('{')) return { text, untranslated: [] };
  const untranslated: string[] = [];
  const out = text
    .replace(VARIABLE, (_m, name: string) => `{{${name}}}`)
    .replace(TAG, (whole, tag: string, args: string) => {
      if (tag === 'uuid') return '{{$guid}}';
      if (tag === 'now') {
        const fmt = /['"]([^'"]*)['"]/.exec(args)?.[1] ?? 'iso-8601';
        if (fmt === 'iso-8601') return '{{$isoTimestamp}}';
        if (fmt === 'unix') return '{{$timestamp}}';
      }
      untranslated.push(tag);
      return whole;
    });
  return { text: out, untranslated };
}

/**
 * Insomnia environment data (nested JSON) → variable rows: `{ a: { b: 1 } }` → `a.b = 1`, as
 * `{{ _.a.b }}` reads it; arrays and other values as their JSON text.
 */
export function flattenEnvironmentData(data: unknown, prefix = ''): [string, string][] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([k, v]): [string, string][] => {
    const name = prefix + k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return flattenEnvironmentData(v, `${name}.`);
    if (typeof v === 'string') return [[name, insomniaTemplate(v).text]];
    return [[name, v === undefined ? '' : JSON.stringify(v)]];
  });
}
