/**
 * Postman Collection v2.0 / v2.1 → the interop tree (docs/interop.md). Follows the format's
 * JSON schema (schema.getpostman.com/json/collection/v2.1.0): folders (`item` with `item`)
 * nested in order, requests with URL objects, headers (list or `Name: value` text), bodies,
 * auth at each level with inheritance, variables, events (pre-request and test scripts),
 * descriptions and saved responses. Never throws: bad input gives `{ ok: false, message }`.
 */
import type { KeyValueRow, RequestDraft } from '../../model/draft.ts';
import { blankDraft } from '../../model/defaults.ts';
import { asArray, asObject, asText, kvRow, valueText } from '../rows.ts';
import {
  emptyScripts,
  joinPath,
  Report,
  type ImportResult,
  type SavedExample,
  type Scripts,
  type TreeDefaults,
  type TreeItem,
  type TreeRequest,
} from '../tree.ts';
import { authLabel, draftAuthOf, readPostmanAuth } from './auth.ts';
import { readPostmanBody } from './body.ts';
import { readPostmanUrl } from './url.ts';

/** `info.schema` of v2.0 and v2.1 collections (http or https, with or without `.0`). */
const SCHEMA = /schema\.getpostman\.com\/(?:json\/)?collection\/v2(?:\.([01])\.0)?\//;

/** True when `data` looks like a Postman v2.x collection (an `info.schema` of v2, or `info` + `item`). */
export function isPostmanCollection(data: unknown): boolean {
  const o = asObject(data);
  const info = asObject(o?.info);
  if (!o || !info) return false;
  return SCHEMA.test(asText(info.schema)) || (Array.isArray(o.item) && typeof info.name === 'string');
}

/** A description: a string, or `{ content, type }`. */
export function descriptionText(v: unknown): string {
  return typeof v === 'string' ? v : asText(asObject(v)?.content);
}

/** Headers: the v2 list `[{ key, value, disabled }]` or the v2.0 text form `Name: value\n…`. */
export function readPostmanHeaders(v: unknown): KeyValueRow[] {
  if (typeof v === 'string') {
    return v.split(/\r?\n/).flatMap((line) => {
      const colon = line.indexOf(':');
      if (line.trim() === '' || colon === -1) return [];
      return [kvRow(line.slice(0, colon).trim(), line.slice(colon + 1).trim())];
    });
  }
  return asArray(v).flatMap((h) => {
    const o = asObject(h);
    return o ? [kvRow(asText(o.key), valueText(o.value), o.disabled !== true)] : [];
  });
}

/** `event` → scripts (`prerequest` and `test`; `exec` is a line list or one text). */
export function readPostmanScripts(v: unknown, path: string[], report: Report): Scripts {
  const scripts = emptyScripts();
  for (const e of asArray(v)) {
    const o = asObject(e);
    const script = asObject(o?.script);
    if (!o || !script) continue;
    const exec = Array.isArray(script.exec) ? script.exec.map(asText).join('\n') : asText(script.exec);
    if (exec.trim() === '') continue;
    const listen = asText(o.listen);
    const label =
      listen === 'prerequest' ? 'pre-request script' : listen === 'test' ? 'test script' : `${listen} script`;
    if (o.disabled === true) {
      report.notCarried(joinPath(path, label), 'The script is turned off in Postman, so it was not imported.');
      continue;
    }
    if (listen === 'prerequest') scripts.preRequest = scripts.preRequest ? `${scripts.preRequest}\n${exec}` : exec;
    else if (listen === 'test') scripts.postResponse = scripts.postResponse ? `${scripts.postResponse}\n${exec}` : exec;
    else {
      report.notCarried(joinPath(path, label), `Postman “${listen}” events have no counterpart in Parley.`);
      continue;
    }
  }
  return scripts;
}

function readVariables(v: unknown): KeyValueRow[] {
  return asArray(v).flatMap((x) => {
    const o = asObject(x);
    const name = o ? asText(o.key ?? o.id) : '';
    return o && name ? [kvRow(name, valueText(o.value), o.disabled !== true)] : [];
  });
}

/** Defaults of the collection or a folder, reporting foreign auth. */
function readDefaults(o: Record<string, unknown>, path: string[], report: Report): TreeDefaults {
  const auth = readPostmanAuth(o.auth);
  if (auth?.type === 'foreign') report.notCarried(joinPath(path, authLabel(auth)), foreignAuthMessage(auth.scheme));
  return {
    headers: [],
    auth,
    variables: readVariables(o.variable ?? o.variables),
    scripts: readPostmanScripts(o.event, path, report),
  };
}

/** The report sentence for an auth scheme Parley lacks. */
export function foreignAuthMessage(scheme: string): string {
  return `Parley has no ${scheme} auth yet: requests that use it are sent without auth.`;
}

function readExamples(v: unknown): SavedExample[] {
  return asArray(v).flatMap((r) => {
    const o = asObject(r);
    if (!o) return [];
    const status = typeof o.code === 'number' ? o.code : 0;
    return [
      {
        name: asText(o.name),
        status,
        reasonPhrase: asText(o.status),
        headers: readPostmanHeaders(o.header).map((h): [string, string] => [h.name, h.value]),
        body: asText(o.body),
      },
    ];
  });
}

const NOT_CARRIED_REQUEST_FIELDS: Record<string, string> = {
  proxy: 'Per-request proxy settings are not carried: Parley sends through its own proxy.',
  certificate: 'Client certificates are not carried: the browser cannot present them.',
};

function readRequest(item: Record<string, unknown>, parents: string[], report: Report): TreeRequest {
  const name = asText(item.name) || 'Untitled request';
  const path = [...parents, name];
  const req = asObject(item.request) ?? (typeof item.request === 'string' ? { url: item.request } : {});
  const url = readPostmanUrl(req.url);
  const headers = readPostmanHeaders(req.header);
  const typeRow = headers.find((h) => h.enabled && h.name.toLowerCase() === 'content-type');
  const body = readPostmanBody(req.body, typeRow?.value ?? '', path, report);
  const auth = readPostmanAuth(req.auth);
  if (auth?.type === 'foreign') report.notCarried(joinPath(path, authLabel(auth)), foreignAuthMessage(auth.scheme));
  for (const [field, message] of Object.entries(NOT_CARRIED_REQUEST_FIELDS))
    if (req[field] !== undefined) report.notCarried(joinPath(path, field), message);
  if (item.protocolProfileBehavior !== undefined)
    report.notCarried(
      joinPath(path, 'settings'),
      `Postman's request settings (${Object.keys(asObject(item.protocolProfileBehavior) ?? {}).join(', ')}) are not carried.`,
    );
  const draft: RequestDraft = {
    ...blankDraft(),
    method: asText(req.method) || 'GET',
    url: url.url,
    query: url.query,
    fragment: url.fragment,
    pathVariables: url.pathVariables,
    headers: [...headers, ...body.addHeaders],
    auth: draftAuthOf(auth),
    body: body.body,
  };
  const examples = readExamples(item.response);
  report.imported(
    joinPath(path),
    examples.length ? `With ${examples.length} saved example${examples.length === 1 ? '' : 's'}.` : '',
  );
  return {
    kind: 'request',
    name,
    description: descriptionText(req.description ?? item.description),
    draft,
    auth,
    scripts: readPostmanScripts(item.event, path, report),
    examples,
  };
}

function readItems(items: unknown, parents: string[], report: Report): TreeItem[] {
  return asArray(items).flatMap((raw): TreeItem[] => {
    const o = asObject(raw);
    if (!o) return [];
    if (Array.isArray(o.item)) {
      const name = asText(o.name) || 'Untitled folder';
      const path = [...parents, name];
      const defaults = readDefaults(o, path, report);
      return [
        {
          kind: 'folder',
          name,
          description: descriptionText(o.description),
          defaults,
          items: readItems(o.item, path, report),
        },
      ];
    }
    return [readRequest(o, parents, report)];
  });
}

/**
 * Reads a parsed Postman collection (v2.0 or v2.1 JSON).
 * @param data the parsed JSON
 * @returns the tree and the report; `{ ok: false }` when `data` is not a v2 collection
 *   (a v1 collection has `requests` and `order`: that gives a message saying so)
 */
export function importPostman(data: unknown): ImportResult {
  const o = asObject(data);
  if (o && Array.isArray(o.requests) && !o.item)
    return {
      ok: false,
      message: 'This is a Postman v1 collection; export it again from Postman as v2.1 and import that.',
    };
  if (!o || !isPostmanCollection(o))
    return { ok: false, message: 'This JSON is not a Postman collection (v2.0 or v2.1).' };
  const report = new Report();
  const info = asObject(o.info) ?? {};
  const defaults = readDefaults(o, [], report);
  return {
    ok: true,
    format: 'postman',
    collection: {
      name: asText(info.name) || 'Imported collection',
      description: descriptionText(info.description),
      defaults,
      items: readItems(o.item, [], report),
      environments: [],
    },
    report: report.items,
  };
}
