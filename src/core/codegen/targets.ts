/**
 * The code snippet targets and the one entry point `generateSnippet()`.
 *
 * Every snippet derives from the `EffectiveRequest` (DESIGN §1). Most targets use
 * @scalar/snippetz (DESIGN §9), one plugin per dynamic import so the code panel's chunk
 * stays small, fed with a HAR built so that it cannot change the bytes:
 * - the query stays in `url` only (`queryInUrlOnly`): snippetz re-encodes `queryString`;
 * - the content goes as `application/octet-stream` text for targets that otherwise parse
 *   JSON and print it again (changing the octets); the Content-Type field is kept;
 * - repeated header fields are joined (RFC 9110 §5.3) for targets that keep only one;
 * - header values with U+0080–U+00FF are written as Latin-1 octets, as Send sends them (`latin1.ts`).
 * cURL, Python (`requests`, `http.client`) and C# are generated here (`curl.ts`, `python.ts`, `csharp.ts`)
 * because snippetz emits code for them that does not run or sends other octets. The raw
 * HTTP/1.1 view is `renderHttpMessage()`.
 */
import type { EffectiveRequest } from '../resolve/types.ts';
import { clientMultipartIsExact, describeBody, utf8OrNull, type BodyView } from './body.ts';
import { shellNeedsOctets, spliceHttpieBody, spliceWgetBody } from './shell-body.ts';
import { toHarRequest, type HarOptions, type HarRequest } from './har.ts';
import { pythonHttpClient, pythonRequests } from './python.ts';
import { csharpHttpClient } from './csharp.ts';
import { fixAxios, fixJavaNetHttp, fixPhpCurl, fixPhpGuzzle, fixPowerShell, fixRuby, fixWget } from './fixes.ts';
import { curlCommand } from './curl.ts';
import {
  completeFetch,
  completeGo,
  completeGuzzle,
  completeJavaOkHttp,
  completeKotlinOkHttp,
  completeRust,
} from './programs.ts';
import { fixLatin1Headers, latin1Note } from './latin1.ts';

export type CodeTargetId =
  | 'curl'
  | 'httpie'
  | 'wget'
  | 'powershell'
  | 'js-fetch'
  | 'node-fetch'
  | 'node-axios'
  | 'python-requests'
  | 'python-http-client'
  | 'php-curl'
  | 'php-guzzle'
  | 'java-nethttp'
  | 'java-okhttp'
  | 'csharp-httpclient'
  | 'go'
  | 'ruby'
  | 'rust-reqwest'
  | 'swift'
  | 'kotlin-okhttp'
  | 'http';

/**
 * Language of a snippet, as a Monaco basic-language id for highlighting; `plaintext` for the
 * raw HTTP/1.1 message, which Monaco has no tokenizer for.
 */
export type SnippetLanguage =
  | 'shell'
  | 'powershell'
  | 'javascript'
  | 'python'
  | 'php'
  | 'java'
  | 'csharp'
  | 'go'
  | 'ruby'
  | 'rust'
  | 'swift'
  | 'kotlin'
  | 'plaintext';

export interface CodeTarget {
  id: CodeTargetId;
  /** Shown in the target picker. */
  label: string;
  language: SnippetLanguage;
}

/** A generated snippet plus notes a person should read (e.g. "reads hello.txt"). */
export interface Snippet {
  text: string;
  notes: string[];
  /** The target's language, for highlighting. */
  language: SnippetLanguage;
}

interface SnippetzPlugin {
  generate(request?: Partial<HarRequest>, configuration?: unknown): string;
}

interface TargetImpl extends CodeTarget {
  generate(req: EffectiveRequest): Promise<string>;
}

/** A snippetz-backed target: load the plugin on first use, feed it a HAR made with `har`. */
function viaSnippetz(
  load: () => Promise<SnippetzPlugin>,
  har: HarOptions,
  fix: (text: string, req: EffectiveRequest) => string = (t) => t,
): (req: EffectiveRequest) => Promise<string> {
  return async (req) => {
    const plugin = await load();
    const text = plugin.generate(toHarRequest(req, { queryInUrlOnly: true, ...har }));
    return fix(text.endsWith('\n') ? text : text + '\n', req);
  };
}

/**
 * A shell target (Wget, HTTPie) whose generator can only pass text arguments: content that
 * needs exact octets (`shellNeedsOctets`) is generated without content, then spliced in.
 */
function viaShell(
  generate: (req: EffectiveRequest) => Promise<string>,
  splice: (text: string, view: BodyView) => string,
): (req: EffectiveRequest) => Promise<string> {
  return async (req) => {
    const view = describeBody(req);
    if (!shellNeedsOctets(view)) return generate(req);
    // Without content the generator keeps every header field, Content-Type with Parley's boundary included.
    return splice(await generate({ method: req.method, url: req.url, headers: req.headers, body: null }), view);
  };
}

/** Targets written here that send multipart content as Parley's octets, reading file parts by name. */
const OWN_OCTETS_TARGETS: readonly CodeTargetId[] = [
  'curl',
  'python-requests',
  'python-http-client',
  'csharp-httpclient',
  'wget',
  'httpie',
];

const octet: HarOptions = { bodyMimeType: 'octet-stream' };
const octetCombined: HarOptions = { bodyMimeType: 'octet-stream', combineDuplicateHeaders: true };
const realCombined: HarOptions = { bodyMimeType: 'content-type', combineDuplicateHeaders: true };

const TARGETS: TargetImpl[] = [
  {
    id: 'curl',
    label: 'cURL (bash)',
    language: 'shell',
    generate: async (r) => curlCommand(r),
  },
  {
    id: 'httpie',
    label: 'HTTPie',
    language: 'shell',
    generate: viaShell(
      viaSnippetz(() => import('@scalar/snippetz/plugins/shell/httpie').then((m) => m.shellHttpie), octet),
      spliceHttpieBody,
    ),
  },
  {
    id: 'wget',
    label: 'Wget',
    language: 'shell',
    generate: viaShell(
      viaSnippetz(() => import('@scalar/snippetz/plugins/shell/wget').then((m) => m.shellWget), octet, fixWget),
      spliceWgetBody,
    ),
  },
  {
    id: 'powershell',
    label: 'PowerShell (Invoke-WebRequest)',
    language: 'powershell',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/powershell/webrequest').then((m) => m.powershellWebrequest),
      octetCombined,
      fixPowerShell,
    ),
  },
  {
    id: 'js-fetch',
    label: 'JavaScript (fetch)',
    language: 'javascript',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/js/fetch').then((m) => m.jsFetch),
      octetCombined,
      completeFetch,
    ),
  },
  {
    id: 'node-fetch',
    label: 'Node.js (fetch)',
    language: 'javascript',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/node/fetch').then((m) => m.nodeFetch),
      octetCombined,
      completeFetch,
    ),
  },
  {
    id: 'node-axios',
    label: 'Node.js (axios)',
    language: 'javascript',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/node/axios').then((m) => m.nodeAxios),
      octet,
      fixAxios,
    ),
  },
  { id: 'python-requests', label: 'Python (requests)', language: 'python', generate: async (r) => pythonRequests(r) },
  {
    id: 'python-http-client',
    label: 'Python (http.client)',
    language: 'python',
    generate: async (r) => pythonHttpClient(r),
  },
  {
    id: 'php-curl',
    label: 'PHP (cURL)',
    language: 'php',
    generate: viaSnippetz(() => import('@scalar/snippetz/plugins/php/curl').then((m) => m.phpCurl), octet, fixPhpCurl),
  },
  {
    id: 'php-guzzle',
    label: 'PHP (Guzzle)',
    language: 'php',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/php/guzzle').then((m) => m.phpGuzzle),
      octet,
      (t) => completeGuzzle(fixPhpGuzzle(t)),
    ),
  },
  {
    id: 'java-nethttp',
    label: 'Java (java.net.http)',
    language: 'java',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/java/nethttp').then((m) => m.javaNethttp),
      octet,
      fixJavaNetHttp,
    ),
  },
  {
    id: 'java-okhttp',
    label: 'Java (OkHttp)',
    language: 'java',
    // OkHttp takes the content type from the RequestBody, so it must be the real one.
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/java/okhttp').then((m) => m.javaOkhttp),
      { bodyMimeType: 'content-type' },
      completeJavaOkHttp,
    ),
  },
  { id: 'csharp-httpclient', label: 'C# (HttpClient)', language: 'csharp', generate: async (r) => csharpHttpClient(r) },
  {
    id: 'go',
    label: 'Go (net/http)',
    language: 'go',
    // mime/multipart's CreateFormFile labels every file application/octet-stream.
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/go/native').then((m) => m.goNative),
      {
        ...octet,
        multipartFileTypesKept: false,
      },
      completeGo,
    ),
  },
  {
    id: 'ruby',
    label: 'Ruby (Net::HTTP)',
    language: 'ruby',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/ruby/native').then((m) => m.rubyNative),
      octetCombined,
      fixRuby,
    ),
  },
  {
    id: 'rust-reqwest',
    label: 'Rust (reqwest)',
    language: 'rust',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/rust/reqwest').then((m) => m.rustReqwest),
      octetCombined,
      completeRust,
    ),
  },
  {
    id: 'swift',
    label: 'Swift (URLSession)',
    language: 'swift',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/swift/nsurlsession').then((m) => m.swiftNsurlsession),
      octetCombined,
    ),
  },
  {
    id: 'kotlin-okhttp',
    label: 'Kotlin (OkHttp)',
    language: 'kotlin',
    generate: viaSnippetz(
      () => import('@scalar/snippetz/plugins/kotlin/okhttp').then((m) => m.kotlinOkhttp),
      realCombined,
      completeKotlinOkHttp,
    ),
  },
  {
    id: 'http',
    label: 'HTTP/1.1 (raw)',
    language: 'plaintext',
    generate: async (r) => (await import('../resolve/http-message.ts')).renderHttpMessage(r).text,
  },
];

/** The targets in picker order (id, label, Monaco language). */
export const CODE_TARGETS: readonly CodeTarget[] = TARGETS.map(({ id, label, language }) => ({ id, label, language }));

/**
 * Generates the snippet of target `id` for `req`. Loads the target's generator on first
 * use (a dynamic import). Notes tell the reader what the snippet expects (files to have
 * next to it) or cannot reproduce exactly. Rejects only when `id` is unknown or a
 * generator chunk fails to load.
 */
export async function generateSnippet(id: CodeTargetId, req: EffectiveRequest): Promise<Snippet> {
  const target = TARGETS.find((t) => t.id === id);
  if (!target) throw new Error(`Unknown code target "${id}".`);
  const notes: string[] = [];
  const view = describeBody(req);
  if (view.kind === 'multipart' && id !== 'http') {
    const exact = clientMultipartIsExact(view, id !== 'go');
    const readsFiles = exact || OWN_OCTETS_TARGETS.includes(id);
    for (const p of view.parts) {
      if (p.fileName !== null && readsFiles)
        notes.push(`Reads the file "${p.fileName}" from the working directory (part "${p.name}").`);
    }
    if (exact && !['python-requests', 'python-http-client', 'csharp-httpclient'].includes(id)) {
      notes.push('The client makes its own multipart boundary; parts, names and file bytes are the same.');
    }
    if (!readsFiles) {
      notes.push(
        "Names, file names or values hold characters clients encode differently (quotes, %, line breaks), so the snippet sends Parley's multipart octets with its boundary, file contents inlined.",
      );
      if (view.parts.some((p) => p.fileName !== null && utf8OrNull(p.bytes) === null))
        notes.push('A file is not UTF-8 text; this target shows it decoded, so replace it with the original bytes.');
    }
  }
  if (
    view.kind === 'bytes' &&
    !['curl', 'wget', 'httpie', 'python-http-client', 'python-requests', 'csharp-httpclient', 'http'].includes(id)
  ) {
    notes.push('The body is not UTF-8 text; this target shows it decoded, so replace it with the original bytes.');
  }
  const latin1 = latin1Note(id, req);
  if (latin1 !== null) notes.push(latin1);
  const text = fixLatin1Headers(id, await target.generate(req), req);
  return { text, notes, language: target.language };
}
