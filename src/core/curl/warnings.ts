/**
 * curlconverter's warnings, rewritten as sentences a person reads in the Import dialog.
 * curlconverter returns `[code, message]` pairs whose message is a lower-case fragment,
 * often followed by the command and a `^^^` underline on extra lines (e.g.
 * `found environment variable\ncurl -H "X: $HOME" …\n         ^^^^^`). Shown as is, several
 * of them run together into one unreadable line.
 */

/** The text a curlconverter message underlines (`^^^` under the command line), or `null`. */
export function underlinedText(message: string): string | null {
  const lines = message.split('\n');
  for (let i = 2; i < lines.length; i++) {
    const m = /^( *)(\^+)\s*$/.exec(lines[i]!);
    if (m) return lines[i - 1]!.slice(m[1]!.length, m[1]!.length + m[2]!.length);
  }
  return null;
}

/**
 * One sentence for a curlconverter warning `[code, message]`, or `null` when Parley reports the
 * same thing itself (shell expansion per field, several URLs) or that does not apply to
 * Parley's import (repeated headers: every `-H` line is kept, in order, as curl sends it). Input: curlconverter 4.12's
 * warning pair; output: a sentence starting with a capital and ending with a period.
 * Example: `['insecure', '-k is not a supported option']` → `The option -k is not supported, so it was not imported.`
 */
export function curlWarningSentence(code: string, message: string): string | null {
  // 'repeated-header' speaks of curlconverter's merging; Parley keeps every -H line in order, as curl sends them.
  if (code === 'expansion' || code === 'multiple-urls' || code === 'repeated-header') return null;
  const first = message.split('\n')[0]!.trim().replace(/[.:]$/, '');
  const option = /^(\S+) is not a supported option$/.exec(first);
  if (option) return `The option ${option[1]} is not supported, so it was not imported.`;
  if (first === '') return null;
  return `${first[0]!.toUpperCase()}${first.slice(1)}.`;
}

/**
 * The sentence for a part of the command a shell would expand (`$VAR`, `${VAR}`, `$(…)`,
 * `` `…` ``): Parley does not run a shell, so the text is imported as written.
 * Example: `expansionSentence('The header X-Dollar', ['$HOME'])` →
 * `The header X-Dollar contains $HOME, which a shell would expand; Parley imports it as written.`
 */
export function expansionSentence(what: string, spans: string[]): string {
  return `${what} contains ${spans.join(' and ')}, which a shell would expand; Parley imports it as written.`;
}
