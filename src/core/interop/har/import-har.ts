/**
 * HAR 1.2 (W3C Web Performance draft "HTTP Archive (HAR) format", as browsers write it with
 * "Save all as HAR") → the interop tree: every entry as a request, in order, at the top level.
 * The target URI is taken as recorded (its query text as sent; HAR's decoded `queryString`
 * is not used), header fields exactly and in order (HTTP/2 pseudo-header fields such as
 * `:authority` are left out and reported), `postData.text` as the content with its
 * Content-Type row; `postData.params` only when there is no text. Responses become saved
 * examples when `withResponses`. Never throws.
 */
import type { Body, KeyValueRow, MultipartPart } from '../../model/draft.ts';
import { blankDraft } from '../../model/defaults.ts';
import { newId } from '../../model/ids.ts';
import { splitTargetUri } from '../../url/query.ts';
import { asArray, asObject, asText, kvRow, queryRow } from '../rows.ts';
import {
  emptyDefaults,
  emptyScripts,
  joinPath,
  Report,
  type ImportResult,
  type SavedExample,
  type TreeRequest,
} from '../tree.ts';

/** True when `data` has `log.entries` (a HAR file). */
export function isHar(data: unknown): boolean {
  return Array.isArray(asObject(asObject(data)?.log)?.entries);
}

function pairs(v: unknown): [string, string][] {
  return asArray(v).flatMap((h) => {
    const o = asObject(h);
    return o ? [[asText(o.name), asText(o.value)] as [string, string]] : [];
  });
}

function bodyOf(postData: Record<string, unknown> | null, path: string[], report: Report): Body {
  if (!postData) return { mode: 'none' };
  const mime = asText(postData.mimeType).toLowerCase();
  if (typeof postData.text === 'string') {
    if (postData.text === '') return { mode: 'none' };
    if (/json/.test(mime)) return { mode: 'json', text: postData.text };
    if (/xml/.test(mime)) return { mode: 'xml', text: postData.text };
    return { mode: 'text', text: postData.text };
  }
  const params = asArray(postData.params)
    .map(asObject)
    .filter((p) => p !== null);
  if (!params.length) return { mode: 'none' };
  if (mime.startsWith('multipart/')) {
    const parts: MultipartPart[] = params.map((p) => {
      const file = typeof p.fileName === 'string';
      if (file)
        report.changed(
          joinPath(path, 'body', asText(p.name)),
          `The file ${asText(p.fileName)} was not in the HAR: choose it again.`,
        );
      return {
        id: newId(),
        name: asText(p.name),
        enabled: true,
        kind: file ? 'file' : 'text',
        value: file ? '' : asText(p.value),
        contentType: file ? '' : asText(p.contentType),
        file: null,
      };
    });
    return { mode: 'multipart', parts };
  }
  return { mode: 'form-urlencoded', fields: params.map((p) => kvRow(asText(p.name), asText(p.value))) };
}

/** A HAR response → a saved example (content text kept as recorded, base64 noted). */
function exampleOf(res: Record<string, unknown>): SavedExample {
  const content = asObject(res.content) ?? {};
  return {
    name: `${asText(res.status)} ${asText(res.statusText)}`.trim(),
    status: typeof res.status === 'number' ? res.status : 0,
    reasonPhrase: asText(res.statusText),
    headers: pairs(res.headers),
    body: asText(content.text),
    ...(content.encoding === 'base64' ? { encoding: 'base64' as const } : {}),
  };
}

/**
 * Reads a parsed HAR file.
 * @param withResponses keep each entry's response as the request's saved example
 */
export function importHar(data: unknown, withResponses = true): ImportResult {
  if (!isHar(data)) return { ok: false, message: 'This JSON is not a HAR file (no log.entries).' };
  const log = asObject(asObject(data)!.log)!;
  const report = new Report();
  const items: TreeRequest[] = [];
  asArray(log.entries).forEach((raw, i) => {
    const e = asObject(raw);
    const req = asObject(e?.request);
    if (!e || !req) return;
    const method = asText(req.method) || 'GET';
    const target = splitTargetUri(asText(req.url));
    let pathPart = target.url.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/';
    if (pathPart.length > 60) pathPart = `${pathPart.slice(0, 57)}…`;
    const name = `${i + 1}. ${method} ${pathPart}`;
    const path = [name];
    const headers: KeyValueRow[] = [];
    const pseudo: string[] = [];
    for (const [n, v] of pairs(req.headers)) {
      if (n.startsWith(':')) pseudo.push(n);
      else headers.push(kvRow(n, v));
    }
    if (pseudo.length)
      report.changed(
        joinPath(path, 'headers'),
        `HTTP/2 pseudo-header fields (${pseudo.join(', ')}) were left out: Parley sends HTTP/1.1, where the target URI carries them.`,
      );
    const body = bodyOf(asObject(req.postData), path, report);
    const res = asObject(e.response);
    const examples = withResponses && res && typeof res.status === 'number' && res.status > 0 ? [exampleOf(res)] : [];
    report.imported(joinPath(path), asText(req.url));
    items.push({
      kind: 'request',
      name,
      description: '',
      draft: {
        ...blankDraft(),
        method,
        url: target.url,
        query: target.query.map((q) => queryRow(q.name, q.value, true, q.noEquals === true)),
        fragment: target.fragment,
        headers,
        body,
      },
      auth: { type: 'none' },
      scripts: emptyScripts(),
      examples,
    });
  });
  const creator = asObject(log.creator);
  const name = creator ? `HAR from ${asText(creator.name)} ${asText(creator.version)}`.trim() : 'Imported HAR';
  return {
    ok: true,
    format: 'har',
    collection: { name, description: '', defaults: emptyDefaults(), items, environments: [] },
    report: report.items,
  };
}
