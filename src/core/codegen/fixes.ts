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

/**
 * Node.js axios: without a Content-Type, axios adds `application/x-www-form-urlencoded`
 * to a POST. `'Content-Type': false` tells axios to send none, as Parley does.
 */
export function fixAxios(text: string, req: EffectiveRequest): string {
  if (req.headers.some((h) => h.name.toLowerCase() === 'content-type')) return text;
  const marker = "  'Content-Type': false, // axios would otherwise add one; Parley sends none";
  if (/\n {2}headers: \{\n/.test(text)) return text.replace(/\n {2}headers: \{\n/, `\n  headers: {\n  ${marker}\n`);
  return text.replace(/(\n {2}url: .*?)(,?)\n/, (_m, line: string) => `${line},\n  headers: {\n  ${marker}\n  },\n`);
}

/** A PHP single-quoted string literal (only `\` and `'` are escapes there). */
const phpSingle = (s: string): string => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/**
 * PHP cURL: snippetz writes the URL in double quotes, where `$top` in a query is read as a
 * variable (interpolation). Single quotes interpolate nothing. Also adds the `<?php` tag
 * so the file runs as is; gives an empty POST its empty POSTFIELDS (libcurl would read
 * standard input) and, without a Content-Type, sends `Content-Type:` so libcurl adds none.
 */
export function fixPhpCurl(text: string, req: EffectiveRequest): string {
  let out = text.replace(/^\$ch = curl_init\(".*"\);$/m, () => `$ch = curl_init(${phpSingle(req.url)});`);
  // Without POSTFIELDS, libcurl reads a POST body from standard input: send the empty content as such.
  if ((req.body?.length ?? 0) === 0 && out.includes('CURLOPT_POST, true') && !out.includes('CURLOPT_POSTFIELDS'))
    out = out.replace(/^curl_exec\(\$ch\);$/m, "curl_setopt($ch, CURLOPT_POSTFIELDS, '');\n\ncurl_exec($ch);");
  if (out.includes('CURLOPT_POSTFIELDS') && !req.headers.some((h) => h.name.toLowerCase() === 'content-type')) {
    // libcurl adds `Content-Type: application/x-www-form-urlencoded` to POSTFIELDS; `Content-Type:` stops it.
    out = /^curl_setopt\(\$ch, CURLOPT_HTTPHEADER, \[/m.test(out)
      ? out.replace(
          /^(curl_setopt\(\$ch, CURLOPT_HTTPHEADER, \[.*)\]\);$/m,
          (_m, head: string) => `${head}, 'Content-Type:']);`,
        )
      : out.replace(
          /^curl_exec\(\$ch\);$/m,
          "curl_setopt($ch, CURLOPT_HTTPHEADER, ['Content-Type:']);\n\ncurl_exec($ch);",
        );
  }
  return `<?php\n\n${out}`;
}

/** PHP Guzzle: adds the `<?php` tag and Composer's autoloader so the file runs as is. */
export function fixPhpGuzzle(text: string): string {
  return `<?php\n\nrequire 'vendor/autoload.php';\n\n${text}`;
}

/**
 * Ruby: snippetz escapes only `\` and `"` in double-quoted strings, but Ruby also
 * interpolates `#{…}`, `#$var` and `#@var` there. Escape the `#` of those sequences. And when
 * the request has no Content-Type, stop Net::HTTP from adding a form one to the content.
 */
export function fixRuby(text: string, req: EffectiveRequest): string {
  const out = text
    .split('\n')
    .map((line) => (/^(url = URI\(|request\.body = )"/.test(line) ? line.replace(/#(?=[{$@])/g, '\\#') : line))
    .join('\n');
  if (req.headers.some((h) => h.name.toLowerCase() === 'content-type')) return out;
  // Net::HTTP gives a POST/PUT/PATCH content (empty if none) and then adds
  // `Content-Type: application/x-www-form-urlencoded` (generic_request.rb, supply_default_content_type).
  return out.replace(
    /^request = Net::HTTP::\w+\.new\(url\)$/m,
    (line) =>
      `${line}\n# Parley sends no Content-Type; stop Net::HTTP adding application/x-www-form-urlencoded.\nrequest.define_singleton_method(:supply_default_content_type) {}`,
  );
}

/**
 * PowerShell: snippetz writes CR and LF raw inside single-quoted strings, so the octets
 * sent depend on how the script file is saved (an editor may turn CRLF into LF, breaking
 * multipart framing). Write each run of CR/LF as a double-quoted "`r`n" escape joined
 * with `+` instead (about_Quoting_Rules, about_Special_Characters).
 */
export function fixPowerShell(text: string): string {
  let out = '';
  let inSingle = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      if (inSingle && text[i + 1] === "'") {
        out += "''";
        i++;
        continue;
      }
      inSingle = !inSingle;
      out += ch;
      continue;
    }
    if (inSingle && (ch === '\r' || ch === '\n')) {
      let run = '';
      while (i < text.length && (text[i] === '\r' || text[i] === '\n')) {
        run += text[i] === '\r' ? '`r' : '`n';
        i++;
      }
      i--;
      out += `' + "${run}" + '`;
      continue;
    }
    out += ch;
  }
  return out;
}
