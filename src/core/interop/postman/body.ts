/**
 * Postman request bodies → Parley bodies, with the header rows needed so the request sends
 * what Postman sends (Postman adds `Content-Type` for a raw body from its language when no
 * header row sets one: json → application/json, xml → application/xml, html → text/html,
 * javascript → application/javascript, text → text/plain).
 */
import type { Body, KeyValueRow, MultipartPart } from '../../model/draft.ts';
import { newId } from '../../model/ids.ts';
import { asArray, asObject, asText, kvRow, valueText } from '../rows.ts';
import type { Report } from '../tree.ts';
import { joinPath } from '../tree.ts';

const RAW_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
};

export interface PostmanBodyResult {
  body: Body;
  /** Header rows to add (only when no row of that name exists). */
  addHeaders: KeyValueRow[];
}

/** The language of a raw body: `options.raw.language`, else guessed from a Content-Type row. */
function rawLanguage(o: Record<string, unknown>, contentType: string): string {
  const lang = asText(asObject(asObject(o.options)?.raw)?.language);
  if (lang) return lang;
  if (/json/i.test(contentType)) return 'json';
  if (/xml/i.test(contentType)) return 'xml';
  return 'text';
}

/**
 * Reads `request.body`. `path` names the request for the report. `contentType` is the value
 * of the request's first enabled Content-Type row, or `''`. Never throws.
 */
export function readPostmanBody(
  value: unknown,
  contentType: string,
  path: string[],
  report: Report,
): PostmanBodyResult {
  const none: PostmanBodyResult = { body: { mode: 'none' }, addHeaders: [] };
  const o = asObject(value);
  if (!o || typeof o.mode !== 'string') return none;
  if (o.disabled === true) {
    report.changed(joinPath(path, 'body'), 'The body is turned off in Postman, so it was not imported.');
    return none;
  }
  const typeRow = (t: string) => (contentType === '' ? [kvRow('Content-Type', t)] : []);
  switch (o.mode) {
    case 'raw': {
      const text = asText(o.raw);
      if (text === '') return none;
      const lang = rawLanguage(o, contentType);
      const mode = lang === 'json' ? 'json' : lang === 'xml' ? 'xml' : 'text';
      // Parley's text mode defaults to `text/plain; charset=utf-8`; Postman sends its own type.
      const add = mode === 'json' || mode === 'xml' ? [] : typeRow(RAW_TYPES[lang] ?? 'text/plain');
      return { body: { mode, text }, addHeaders: add };
    }
    case 'urlencoded':
      return {
        body: {
          mode: 'form-urlencoded',
          fields: asArray(o.urlencoded).flatMap((f) => {
            const r = asObject(f);
            return r ? [kvRow(asText(r.key), valueText(r.value), r.disabled !== true)] : [];
          }),
        },
        addHeaders: [],
      };
    case 'formdata': {
      const parts: MultipartPart[] = [];
      for (const f of asArray(o.formdata)) {
        const r = asObject(f);
        if (!r) continue;
        const name = asText(r.key);
        const enabled = r.disabled !== true && r.enabled !== false;
        const contentTypeOf = asText(r.contentType);
        if (r.type === 'file') {
          const src = Array.isArray(r.src) ? r.src.map(asText).join(', ') : asText(r.src);
          parts.push({ id: newId(), name, enabled, kind: 'file', value: '', contentType: contentTypeOf, file: null });
          report.changed(
            joinPath(path, 'body', name),
            `The file part needs its file chosen again${src ? ` (Postman had ${src})` : ''}: an export holds no file bytes.`,
          );
        } else {
          parts.push({
            id: newId(),
            name,
            enabled,
            kind: 'text',
            value: valueText(r.value),
            contentType: contentTypeOf,
            file: null,
          });
        }
      }
      return { body: { mode: 'multipart', parts }, addHeaders: [] };
    }
    case 'file': {
      const src = asText(asObject(o.file)?.src);
      report.changed(
        joinPath(path, 'body'),
        `The binary body needs its file chosen again${src ? ` (Postman had ${src})` : ''}: an export holds no file bytes.`,
      );
      return { body: { mode: 'binary', file: null }, addHeaders: [] };
    }
    case 'graphql': {
      // Parley's GraphQL mode (docs/graphql.md); Postman keeps the variables as JSON text (some exports: an object).
      const g = asObject(o.graphql) ?? {};
      const variables =
        typeof g.variables === 'object' && g.variables !== null
          ? JSON.stringify(g.variables, null, 2)
          : asText(g.variables);
      return { body: { mode: 'graphql', query: asText(g.query), variables, operationName: null }, addHeaders: [] };
    }
    default:
      report.notCarried(joinPath(path, 'body'), `The body mode “${o.mode}” is not known to Parley.`);
      return none;
  }
}
