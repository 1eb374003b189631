/**
 * `.http` / `.rest` files (JetBrains HTTP Client and VS Code REST Client) → the interop tree.
 * Follows both tools' documented syntax: requests separated by `###` (the text after it is
 * the name, as is `# @name x`), `@name = value` file variables, `{{name}}` kept as Parley
 * variables, a request line `METHOD target [HTTP/x]` (a target alone is GET) whose query may
 * continue on indented lines starting with `?` or `&`, header lines up to the first blank
 * line, then the content up to the next separator (trailing blank lines dropped). `< ./file`
 * content and `> {% … %}` / `> ./handler.js` response handlers are kept as notes/scripts and
 * reported. Never throws.
 */
import type { Body, KeyValueRow } from '../../model/draft.ts';
import { blankDraft } from '../../model/defaults.ts';
import { splitTargetUri } from '../../url/query.ts';
import { kvRow, queryRow } from '../rows.ts';
import { emptyDefaults, emptyScripts, joinPath, Report, type ImportResult, type TreeRequest } from '../tree.ts';

const METHOD_LINE = /^([A-Z][A-Z0-9!#$%&'*+.^_`|~-]*)\s+(\S.*?)(?:\s+HTTP\/[\d.]+)?$/;
const TARGET_ONLY = /^(https?:\/\/|\{\{)\S*$/;

/** True when the text looks like an .http file: a request line, optionally after `###`/`@var` lines. */
export function isHttpFile(text: string): boolean {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('//') || line.startsWith('@')) continue;
    return METHOD_LINE.test(line) || TARGET_ONLY.test(line);
  }
  return false;
}

function bodyFor(text: string, headers: KeyValueRow[]): Body {
  if (text === '') return { mode: 'none' };
  const type = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
  if (/json/.test(type)) return { mode: 'json', text };
  if (/xml/.test(type)) return { mode: 'xml', text };
  return { mode: 'text', text };
}

interface Block {
  name: string;
  lines: string[];
  start: number;
}

/** Splits the file on `###` lines; variables (`@a = b`) are collected wherever they stand outside a body. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let cur: Block = { name: '', lines: [], start: 1 };
  text.split(/\r?\n/).forEach((line, i) => {
    const sep = /^###(.*)$/.exec(line);
    if (sep) {
      out.push(cur);
      cur = { name: sep[1]!.trim(), lines: [], start: i + 2 };
    } else cur.lines.push(line);
  });
  out.push(cur);
  return out;
}

/**
 * Reads an .http/.rest file.
 * @param fileName the file's name, used as the collection's name (`api.http` → `api`)
 */
export function importHttpFile(text: string, fileName = 'requests.http'): ImportResult {
  if (!isHttpFile(text))
    return { ok: false, message: 'This text has no HTTP request line (METHOD URL), so it is not an .http file.' };
  const report = new Report();
  const defaults = emptyDefaults();
  const items: TreeRequest[] = [];
  for (const block of blocks(text)) {
    let name = block.name;
    let i = 0;
    const lines = block.lines;
    // Comments, `# @name`, `# @no-redirect`… and variables before the request line.
    for (; i < lines.length; i++) {
      const line = lines[i]!.trim();
      const named = /^(?:#|\/\/)\s*@name\s*=?\s*(.+)$/.exec(line);
      const variable = /^@([A-Za-z_][\w.-]*)\s*=\s*(.*)$/.exec(line);
      if (named) name = named[1]!.trim();
      else if (variable) defaults.variables.push(kvRow(variable[1]!, variable[2]!.trim()));
      else if (/^(?:#|\/\/)\s*@/.test(line))
        report.notCarried(
          joinPath([name || `line ${block.start + i}`], line.replace(/^(?:#|\/\/)\s*/, '')),
          'Request settings written as comments are not carried.',
        );
      else if (line !== '' && !line.startsWith('#') && !line.startsWith('//')) break;
    }
    if (i >= lines.length) continue;
    const requestLine = lines[i]!.trim();
    const m = METHOD_LINE.exec(requestLine);
    let method = 'GET';
    let target = requestLine;
    if (m && !TARGET_ONLY.test(requestLine)) {
      method = m[1]!;
      target = m[2]!;
    }
    i++;
    while (i < lines.length && /^\s+[?&]/.test(lines[i]!)) target += lines[i++]!.trim();
    const headers: KeyValueRow[] = [];
    for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
      const line = lines[i]!;
      if (/^\s*(#|\/\/)/.test(line)) continue;
      const colon = line.indexOf(':');
      if (colon > 0) headers.push(kvRow(line.slice(0, colon).trim(), line.slice(colon + 1).trim()));
    }
    const bodyLines = lines.slice(i + 1);
    const scripts = emptyScripts();
    const handler = bodyLines.findIndex((l) => /^>\s/.test(l));
    if (handler !== -1) {
      const rest = bodyLines.splice(handler).join('\n');
      const inline = /^>\s*\{%([\s\S]*?)%\}/.exec(rest);
      if (inline) scripts.postResponse = inline[1]!.trim();
      else
        report.notCarried(
          joinPath([name || requestLine], 'response handler'),
          `The response handler ${rest.split('\n')[0]!.slice(1).trim()} is in another file, which was not imported.`,
        );
    }
    while (bodyLines.length && bodyLines[bodyLines.length - 1]!.trim() === '') bodyLines.pop();
    const title = name || `${method} ${target}`;
    let body: Body = bodyFor(bodyLines.join('\n'), headers);
    if (bodyLines.length === 1 && /^<\s+\S/.test(bodyLines[0]!)) {
      report.changed(
        joinPath([title], 'body'),
        `The content comes from the file ${bodyLines[0]!.slice(1).trim()}: choose it as a binary body.`,
      );
      body = { mode: 'binary', file: null };
    }
    const split = splitTargetUri(target);
    report.imported(joinPath([title]), `${method} ${target}`);
    items.push({
      kind: 'request',
      name: title,
      description: '',
      draft: {
        ...blankDraft(),
        method,
        url: split.url,
        query: split.query.map((q) => queryRow(q.name, q.value, true, q.noEquals === true)),
        fragment: split.fragment,
        headers,
        body,
      },
      auth: { type: 'none' },
      scripts,
      examples: [],
    });
  }
  const name = fileName.replace(/\.(http|rest)$/i, '') || 'Imported requests';
  return {
    ok: true,
    format: 'http',
    collection: { name, description: '', defaults, items, environments: [] },
    report: report.items,
  };
}
