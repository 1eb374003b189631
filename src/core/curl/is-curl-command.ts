/**
 * Whether pasted text is a curl command line — kept apart from `import-curl.ts` so the
 * URL field can check a paste without loading the importer.
 */

/** True when `text` starts with `curl` and a blank, after optional blanks and a `$ ` shell prompt. Example: `isCurlCommand("curl -I x")` → true. */
export function isCurlCommand(text: string): boolean {
  return /^\s*(\$\s+)?curl\s/.test(text);
}
