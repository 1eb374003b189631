/**
 * cURL command → request draft. Parsing is curlconverter's (DESIGN §9): it reads the
 * command as bash does (quotes, `$'…'`, line continuations) and applies curl's own rules
 * (`-d` implies POST and a form Content-Type, `-G` moves the data into the query, `-u`
 * is Basic auth …). We take its intermediate `Request` (not a generated HAR, which decodes
 * the query) so the draft resolves to the bytes curl would send.
 *
 * curlconverter is loaded with `import()` on first use (its parser is large, and in the
 * browser it loads tree-sitter wasm files from the site root, see scripts/copy-curl-wasm.mjs).
 */
import type { Auth, Body, KeyValueRow, MultipartPart, QueryRow, RequestDraft } from '../model/draft.ts';
import { blankDraft } from '../model/defaults.ts';
import { newId } from '../model/ids.ts';
import { serializeFormUrlencoded } from '../body/form-urlencoded.ts';
import { splitTargetUri } from '../url/query.ts';
import { curlWarningSentence, expansionSentence, underlinedText } from './warnings.ts';
import { unclosedQuote, unclosedQuoteSentence } from './quotes.ts';
import { applyAuth } from '../auth/schemes.ts';

export interface CurlImport {
  /** The imported request; a blank draft when `error` is set. */
  draft: RequestDraft;
  /** Options and parts of the command Parley does not carry over, each in a sentence. */
  warnings: string[];
  /** Why the command could not be read at all, or `null`. The editor should keep its request then. */
  error: string | null;
  /** `-L`/`--location`: the command follows redirects (Parley's "Follow redirects" setting). */
  followRedirects: boolean;
}

export { isCurlCommand } from './is-curl-command.ts';

/** curl options we read ourselves on top of curlconverter's common set. */
const EXTRA_SUPPORTED = [
  'form',
  'form-string',
  'compressed',
  'oauth2-bearer',
  'head',
  'no-head',
  'location',
  'insecure',
  'proxy',
];

/** What `--compressed` makes curl ask for, limited to the codings Parley decodes for display. */
export const COMPRESSED_ACCEPT_ENCODING = 'gzip, deflate, br';

// Minimal views of curlconverter's types (its Word is a string with shell-expansion tokens).
interface WordLike {
  toString(): string;
  isString(): boolean;
  /** Literal text, or a shell expansion with the text as written (`$HOME`, `$(id)`). */
  tokens?: (string | { text: string })[];
}
interface ParsedUrl {
  url: WordLike;
  method: WordLike;
  auth?: [WordLike, WordLike];
}
interface ParsedForm {
  name: WordLike;
  content?: WordLike;
  contentFile?: WordLike;
  filename?: WordLike;
  contentType?: WordLike;
}
interface ParsedRequest {
  urls: ParsedUrl[];
  authType: string;
  oauth2Bearer?: WordLike;
  headers: { headers: [WordLike, WordLike | null][] };
  data?: WordLike;
  dataArray?: (WordLike | { filetype: string; filename: WordLike })[];
  multipartUploads?: ParsedForm[];
  compressed?: boolean;
  followRedirects?: boolean;
  insecure?: boolean;
  proxy?: WordLike;
}

/**
 * curlconverter's `parse()` split in its three steps (tokenize → parseArgs → buildRequests),
 * so the `-H` arguments of the first command can be read in the order they were typed:
 * its `Request.headers` groups same-name fields together (and merges `Accept`, `Cookie` …),
 * while curl sends every `-H` line as given, in order.
 */
async function parseCommand(command: string, warnings: [string, string][]) {
  const [{ tokenize }, opts, { buildRequests }, { Headers }] = await Promise.all([
    import('curlconverter/dist/src/shell/tokenizer.js'),
    import('curlconverter/dist/src/curl/opts.js'),
    import('curlconverter/dist/src/Request.js'),
    import('curlconverter/dist/src/Headers.js'),
  ]);
  const supported = new Set<string>([...opts.COMMON_SUPPORTED_ARGS, ...EXTRA_SUPPORTED]);
  let requests: ParsedRequest[] = [];
  let headerArgs: [WordLike, WordLike | null][] = [];
  for (const [argv, stdin, stdinFile] of tokenize(command, warnings)) {
    const [globalConfig] = opts.parseArgs(
      argv,
      opts.curlLongOpts,
      opts.curlLongOptsShortened,
      opts.curlShortOpts,
      supported,
      warnings,
    );
    if (requests.length === 0) {
      const args = (globalConfig.configs[0]?.header ?? []) as unknown[];
      headerArgs = args.flatMap(
        (arg) => (new Headers([arg] as never, []) as unknown as ParsedRequest['headers']).headers,
      );
    }
    requests = requests.concat(buildRequests(globalConfig, stdin, stdinFile) as unknown as ParsedRequest[]);
  }
  return { requests, headerArgs };
}

/**
 * The header fields curl sends: every `-H` field in the order typed, duplicates kept
 * (`typed`, one entry per argument), then the fields curlconverter implies and nobody typed
 * (e.g. the form Content-Type of `-d`), taken from its grouped list `grouped`.
 */
function inCurlOrder(
  grouped: [WordLike, WordLike | null][],
  typed: [WordLike, WordLike | null][],
): [WordLike, WordLike | null][] {
  const typedNames = new Set(typed.map(([n]) => n.toString().toLowerCase()));
  return [...typed, ...grouped.filter(([n]) => !typedNames.has(n.toString().toLowerCase()))];
}

const row = (name: string, value: string): KeyValueRow => ({ id: newId(), name, value, enabled: true });

/**
 * Moves a typed `Authorization: Bearer …` or `Basic …` row to the Auth tab when the scheme
 * writes back exactly the same field value (RFC 6750 §2.1, RFC 7617 §2); anything else
 * (another scheme, base64 that is not UTF-8 `user:password`, two such rows) stays a row.
 */
function authFromHeader(draft: RequestDraft): void {
  const rows = draft.headers.filter((h) => h.name.toLowerCase() === 'authorization');
  if (rows.length !== 1) return;
  const value = rows[0]!.value;
  let auth: Auth | null = null;
  const bearer = /^Bearer (.+)$/.exec(value);
  const basic = /^Basic ([A-Za-z0-9+/]+=*)$/.exec(value);
  if (bearer) auth = { type: 'bearer', token: bearer[1]! };
  else if (basic) {
    try {
      const octets = Uint8Array.from(atob(basic[1]!), (c) => c.charCodeAt(0));
      const pair = new TextDecoder('utf-8', { fatal: true }).decode(octets);
      const colon = pair.indexOf(':');
      if (colon >= 0) auth = { type: 'basic', username: pair.slice(0, colon), password: pair.slice(colon + 1) };
    } catch {
      auth = null;
    }
  }
  if (auth === null) return;
  const applied = applyAuth(auth).headers ?? [];
  if (applied.length !== 1 || applied[0]![1] !== value) return;
  draft.auth = auth;
  draft.headers = draft.headers.filter((h) => h !== rows[0]);
}

/** Pairs of `a=1&b=x+y` decoded as application/x-www-form-urlencoded (WHATWG URL §5.1), or `null` if it has no pairs. */
function parseForm(text: string): [string, string][] | null {
  if (text === '') return null;
  const out: [string, string][] = [];
  for (const piece of text.split('&')) {
    if (piece === '') return null;
    const eq = piece.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    try {
      out.push(eq < 0 ? [decode(piece), ''] : [decode(piece.slice(0, eq)), decode(piece.slice(eq + 1))]);
    } catch {
      return null;
    }
  }
  return out;
}

/** The body mode for `text` sent with `contentType`: form fields only when they serialize back to the same octets. */
function bodyFor(text: string, contentType: string): Body {
  const ct = contentType.toLowerCase();
  if (/^application\/x-www-form-urlencoded\s*$/.test(ct)) {
    const pairs = parseForm(text);
    if (pairs && serializeFormUrlencoded(pairs) === text) {
      return { mode: 'form-urlencoded', fields: pairs.map(([n, v]) => row(n, v)) };
    }
  }
  if (/[/+]json\b/.test(ct)) return { mode: 'json', text };
  if (/[/+]xml\b/.test(ct)) return { mode: 'xml', text };
  return { mode: 'text', text };
}

/**
 * Reads a curl command line (curl manual: https://curl.se/docs/manpage.html) into a draft.
 *
 * Input: the command as pasted (bash syntax; `\` + newline continuations allowed).
 * Output: `{ draft, warnings, error, followRedirects }`. The draft holds the method, URL and query rows
 * (as typed, split with `splitTargetUri`), header rows in order, Basic/Bearer auth from
 * `-u`/`--oauth2-bearer` or a typed `Authorization: Bearer|Basic` field that the Auth tab
 * writes back identically, `--compressed` as `Accept-Encoding: gzip, deflate, br`, `-k` as
 * `verifyTls: false`, `-L` as `followRedirects` (a setting, outside the draft), `-x` named
 * in a warning, and the body (`-d`/`--data-*` as text, JSON, XML or form fields when those re-encode to the same octets; `-F` as multipart parts, files to be chosen).
 * Unsupported options and anything not carried over are listed in `warnings`, never
 * dropped silently. Never throws: an unreadable command gives `error` and a blank draft (an
 * unclosed quote is named with its column, `quotes.ts`).
 * Example: `curl -u 'admin:p:a:s' https://api.example.test/` → GET, Basic auth admin / p:a:s.
 */
export async function importCurl(command: string): Promise<CurlImport> {
  const warnings: string[] = [];
  const fail = (message: string): CurlImport => ({
    draft: blankDraft(),
    warnings,
    error: message,
    followRedirects: false,
  });
  const unclosed = unclosedQuote(command.trim());
  if (unclosed !== null) return fail(unclosedQuoteSentence(unclosed, command.trim().includes('\n')));
  let requests: ParsedRequest[];
  let headerArgs: [WordLike, WordLike | null][] = [];
  const expansionsSeen: string[] = [];
  try {
    const raw: [string, string][] = [];
    ({ requests, headerArgs } = await parseCommand(command.trim().replace(/^\$\s+/, ''), raw));
    for (const [code, message] of raw) {
      const sentence = curlWarningSentence(code, message);
      if (sentence !== null && !warnings.includes(sentence)) warnings.push(sentence);
      const span = code === 'expansion' ? underlinedText(message) : null;
      if (span !== null) expansionsSeen.push(span);
    }
  } catch (error) {
    // curlconverter's messages underline the bad spot on extra lines; keep the words only.
    const message = (error instanceof Error ? error.message : String(error))
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^\s*\^+\s*$/.test(l))
      .join(' ')
      .replace(/:$/, '');
    return fail(`This is not a cURL command Parley can read: ${message}.`);
  }
  const request = requests[0];
  const first = request?.urls[0];
  if (!request || !first) return fail('The cURL command has no URL.');
  if (requests.length > 1 || request.urls.length > 1)
    warnings.push('The command has several URLs; only the first is imported.');

  const reported = new Set<string>();
  const text = (w: WordLike, what: string): string => {
    if (!w.isString()) {
      const spans = (w.tokens ?? []).flatMap((t) => (typeof t === 'string' ? [] : [t.text]));
      spans.forEach((t) => reported.add(t));
      const sentence = expansionSentence(what, spans.length ? spans : [w.toString()]);
      if (!warnings.includes(sentence)) warnings.push(sentence);
    }
    return w.toString();
  };

  const draft = blankDraft();
  draft.method = text(first.method, 'The method');
  const target = splitTargetUri(text(first.url, 'The URL'));
  draft.url = target.url;
  draft.fragment = target.fragment;
  draft.query = target.query.map((q): QueryRow => ({ ...q, id: newId(), enabled: true }));

  const isMultipart = Boolean(request.multipartUploads?.length);
  let contentType = '';
  for (const [name, value] of inCurlOrder(request.headers.headers, headerArgs)) {
    if (value === null) continue; // `-H 'Name:'` only removes a header curl would add
    const n = text(name, 'A header name');
    const v = text(value, `The header ${n}`);
    if (n.toLowerCase() === 'content-type') {
      contentType = v;
      // The multipart mode writes Content-Type with its boundary itself.
      if (isMultipart && /^multipart\/form-data\s*$/i.test(v)) continue;
    }
    draft.headers.push(row(n, v));
  }

  if (first.auth) {
    const [user, password] = first.auth;
    if (request.authType === 'basic') {
      draft.auth = {
        type: 'basic',
        username: text(user, 'The user name'),
        password: text(password, 'The password'),
      } satisfies Auth;
    } else {
      warnings.push(`${request.authType} authentication is not supported; the credentials were not imported.`);
    }
  } else if (request.oauth2Bearer) {
    draft.auth = { type: 'bearer', token: text(request.oauth2Bearer, 'The bearer token') };
  } else {
    authFromHeader(draft);
  }

  if (isMultipart) {
    const parts: MultipartPart[] = request.multipartUploads!.map((f) => {
      const name = text(f.name, 'A form field name');
      const partType = f.contentType ? f.contentType.toString() : '';
      if (f.contentFile) {
        const file = f.contentFile.toString();
        // curl sends the file's base name unless `;filename=` says otherwise.
        const given = f.filename?.toString();
        const fileName = given !== undefined && given !== file ? given : file.split('/').pop()!;
        if (file === '-') warnings.push(`Form field "${name}" reads standard input; choose a file for it.`);
        else warnings.push(`Form field "${name}" sends the file "${file}"; choose that file in the body to send it.`);
        // A file reference without bytes: resolving names the file and asks to choose it.
        const ref = { fileId: newId(), fileName, contentType: partType || 'application/octet-stream', size: 0 };
        return { id: newId(), name, enabled: true, kind: 'file', value: '', contentType: partType, file: ref };
      }
      return {
        id: newId(),
        name,
        enabled: true,
        kind: 'text',
        value: text(f.content!, `The form field ${name}`),
        contentType: partType,
        file: null,
      };
    });
    draft.body = { mode: 'multipart', parts };
  } else if (request.data !== undefined) {
    const files = (request.dataArray ?? []).filter(
      (d): d is { filetype: string; filename: WordLike } => 'filetype' in d,
    );
    for (const f of files) {
      warnings.push(
        `The data reads the file "${f.filename.toString()}", which Parley cannot open from a command; paste its content into the body.`,
      );
    }
    const body = files.length
      ? request
          .dataArray!.filter((d) => !('filetype' in d))
          .map((d) => (d as WordLike).toString())
          .join('')
      : text(request.data, 'The data');
    draft.body = bodyFor(body, contentType);
    if (draft.body.mode === 'form-urlencoded') {
      // The form mode sets exactly this Content-Type; keep no duplicate row.
      draft.headers = draft.headers.filter((h) => h.name.toLowerCase() !== 'content-type');
    }
  }
  // Expansions in parts Parley did not read itself (e.g. an unsupported option's argument).
  const unreported = [...new Set(expansionsSeen)].filter((t) => !reported.has(t));
  if (unreported.length) warnings.push(expansionSentence('The command', unreported));
  if (request.compressed && !draft.headers.some((h) => h.name.toLowerCase() === 'accept-encoding')) {
    draft.headers.push(row('Accept-Encoding', COMPRESSED_ACCEPT_ENCODING));
  }
  if (request.insecure) draft.verifyTls = false;
  if (request.proxy) {
    warnings.push(
      `The command goes through the proxy ${request.proxy.toString()} (-x, --proxy); Parley does not use other proxies, so it sends to the target itself (directly or through Parley's own proxy).`,
    );
  }
  return { draft, warnings, error: null, followRedirects: request.followRedirects === true };
}
