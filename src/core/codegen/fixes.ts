/**
 * Post-processing of snippetz output where a target's text is right except for a detail.
 * Each fix says which fault it corrects.
 */
import type { EffectiveRequest } from '../resolve/types.ts';

/**
 * Java `java.net.http`: snippetz prints statements only. Wrap them in a class with the
 * imports so the snippet runs as is (`java Main.java`, JEP 330). Also note the header
 * fields HttpClient refuses to set (it throws IllegalArgumentException on them).
 */
export function fixJavaNetHttp(text: string, req: EffectiveRequest): string {
  const restricted = req.headers
    .map((h) => h.name)
    .filter((n) => ['connection', 'content-length', 'expect', 'host', 'upgrade'].includes(n.toLowerCase()));
  const body = text
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? '' : `    ${l}`))
    .join('\n');
  const warn = restricted.length
    ? `// Note: java.net.http does not allow setting ${restricted.join(', ')}; remove those lines or run with -Djdk.httpclient.allowRestrictedHeaders=${restricted.join(',').toLowerCase()}\n`
    : '';
  return (
    `${warn}import java.net.http.HttpClient;\nimport java.net.http.HttpRequest;\nimport java.net.http.HttpResponse;\n\n` +
    `public class Main {\n  public static void main(String[] args) throws Exception {\n${body}\n  }\n}\n`
  );
}

/**
 * Wget: `--body-data ''` is ignored by wget, which then sends no Content-Length for an
 * empty POST; `--body-file=/dev/null` sends `Content-Length: 0` as Parley does.
 */
export function fixWget(text: string, req: EffectiveRequest): string {
  if (req.body !== null && req.body.length === 0) return text.replace("--body-data ''", '--body-file=/dev/null');
  return text;
}
