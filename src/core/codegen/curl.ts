/**
 * cURL (bash) snippet, written here rather than by snippetz: its curl generator prints
 * JSON content again (pretty, other octets), leaves the method unquoted, cannot send
 * non-UTF-8 octets and lets curl read a file when the content starts with `@`.
 * The output is also what `importCurl()` reads back (round-trip property test).
 */
import type { EffectiveRequest } from '../resolve/types.ts';
import { clientMultipartIsExact, describeBody } from './body.ts';
import { printfFormat, shellBodyGroup } from './shell-body.ts';
import { shellAnsiC, shellQuote } from './literals.ts';
import { shellHeaderWord } from './latin1.ts';

/** Quotes a `-F` value part for curl's form grammar (curl manual, `--form`): `"…"` with `\"` and `\\`. */
const formQuote = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * A bash command line running curl (curl manual, https://curl.se/docs/manpage.html) that
 * sends `req`: `--globoff` when the URL holds `[]{}` (curl's globbing), `--request` for
 * every method other than GET without content, one `--header` per field in order (values
 * with U+0080–U+00FF as Latin-1 octets, like Send; an
 * empty value written `Name;`, curl's way to send it), content as `--data-raw` (no `@`
 * file reading, no newline stripping) or `--data-binary $'…'` for non-UTF-8 octets, and
 * `--form`/`--form-string` parts for multipart that curl rebuilds exactly
 * (`clientMultipartIsExact`; files read by name), else Parley's multipart octets piped from
 * `printf`/`cat` with its Content-Type and boundary; content with a NUL
 * octet is piped from `printf` (`--data-binary @-`). When the request
 * has content but no Content-Type, `--header 'Content-Type:'` stops curl adding one.
 * Pure; never throws.
 */
export function curlCommand(req: EffectiveRequest): string {
  const view = describeBody(req);
  const nativeForm = view.kind === 'multipart' && clientMultipartIsExact(view);
  const args: string[] = [];
  if (/[[\]{}]/.test(req.url)) args.push('--globoff');
  const impliedPost = view.kind !== 'none' && req.method === 'POST';
  if (req.method === 'HEAD' && view.kind === 'none') args.push('--head');
  else if (!(req.method === 'GET' && view.kind === 'none') && !impliedPost)
    args.push(`--request ${shellQuote(req.method)}`);
  args.push(shellQuote(req.url));
  let hasContentType = false;
  for (const h of req.headers) {
    const isCt = h.name.toLowerCase() === 'content-type';
    if (isCt) hasContentType = true;
    if (isCt && nativeForm) continue; // curl writes its own, with its boundary
    // A value with U+0080–U+00FF goes as Latin-1 octets (`$'caf\xe9'`), as Send sends it.
    args.push(`--header ${shellHeaderWord(h.value === '' ? `${h.name};` : `${h.name}: ${h.value}`)}`);
  }
  if (view.kind === 'multipart' && !nativeForm) {
    // curl -F would escape names, file names and line breaks its own way: pipe Parley's octets.
    args.push('--data-binary @-');
    return `${shellBodyGroup(view)} | curl ${args.join(' \\\n  ')}\n`;
  }
  if (view.kind === 'multipart') {
    const utf8 = new TextDecoder();
    for (const p of view.parts) {
      const type = p.contentType !== null ? `;type=${p.contentType}` : '';
      if (p.fileName !== null) {
        args.push(`--form ${shellQuote(`${p.name}=@${formQuote(p.fileName)}${type}`)}`);
      } else if (p.contentType === null) {
        args.push(`--form-string ${shellQuote(`${p.name}=${utf8.decode(p.bytes)}`)}`);
      } else {
        args.push(`--form ${shellQuote(`${p.name}=${formQuote(utf8.decode(p.bytes))}${type}`)}`);
      }
    }
  } else if (view.kind !== 'none') {
    if (!hasContentType) args.push(`--header 'Content-Type:'`);
    if (view.kind === 'text') args.push(`--data-raw ${shellQuote(view.text)}`);
    else if (!view.bytes.includes(0)) args.push(`--data-binary ${shellAnsiC(view.bytes)}`);
    else {
      // A NUL octet cannot be part of an argument: pipe the octets from printf instead.
      args.push('--data-binary @-');
      return `printf ${printfFormat(view.bytes)} | curl ${args.join(' \\\n  ')}\n`;
    }
  }
  return `curl ${args.join(' \\\n  ')}\n`;
}
