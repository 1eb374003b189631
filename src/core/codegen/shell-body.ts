/**
 * Content for shell snippets (curl, Wget, HTTPie) that must carry exact octets: non-UTF-8
 * content, NUL octets, and multipart content that a client would rebuild differently. The
 * octets come from `printf` (a format prints every octet exactly) and files from `cat`,
 * grouped in `{ …; }` so their output is one stream (bash manual §3.2.5.3, §4.2 printf).
 */
import { bodySegments, clientMultipartIsExact, type BodyView } from './body.ts';
import { escapeOctets, shellQuote } from './literals.ts';

/** A single-quoted bash printf format that prints exactly `bytes` (non-printables as `\xHH`, `%` as `%%`, `\` doubled). */
export const printfFormat = (bytes: Uint8Array): string =>
  `'${escapeOctets(bytes, { 0x25: '%%', 0x5c: '\\\\', 0x27: "'\\''" })}'`;

/**
 * Whether a shell snippet must send `view` through `shellBodyGroup` instead of an argument:
 * content that is not UTF-8 or holds NUL (an argument cannot hold NUL, and the generators
 * print text decoded), or multipart content `clientMultipartIsExact` rejects. Never throws.
 */
export function shellNeedsOctets(view: BodyView): boolean {
  if (view.kind === 'bytes') return true;
  if (view.kind === 'text') return view.bytes.includes(0);
  return view.kind === 'multipart' && !clientMultipartIsExact(view);
}

/**
 * A bash compound command `{ … }` whose standard output is exactly the content of `view`,
 * multipart file parts read by name with `cat` (so the file must hold the same bytes).
 * Lines after the first are indented by two spaces. Never throws.
 * Example: text `a%b` → `{\n  printf -- 'a%%b'\n}`.
 */
export function shellBodyGroup(view: BodyView): string {
  const pieces = bodySegments(view).map((s) =>
    'file' in s ? `cat -- ${shellQuote(s.file)}` : `printf -- ${printfFormat(s.bytes)}`,
  );
  return `{\n  ${pieces.join('\n  ')}\n}`;
}

/**
 * Wget snippet `text` (generated without content) made to send `view` exactly: the octets
 * go to a temporary file passed with `--body-file` (Wget manual, "HTTP Options"), removed
 * on exit. Never throws.
 */
export function spliceWgetBody(text: string, view: BodyView): string {
  const withFile = text.replace(/^ {2}--output-document/m, (m) => `  --body-file="$body" \\\n${m}`);
  return `body=$(mktemp)\ntrap 'rm -f "$body"' EXIT\n${shellBodyGroup(view)} > "$body"\n${withFile}`;
}

/** HTTPie snippet `text` (generated without content) made to read `view`'s exact octets from standard input. Never throws. */
export function spliceHttpieBody(text: string, view: BodyView): string {
  return text.replace(/^http --ignore-stdin /m, () => `${shellBodyGroup(view)} | http `);
}
