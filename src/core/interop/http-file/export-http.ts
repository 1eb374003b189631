/**
 * The interop tree → one `.http` file (the syntax both JetBrains HTTP Client and VS Code REST
 * Client read, see `import-http.ts`): the collection's variables as `@name = value` lines,
 * then each request after `### <name>`, with `{{variables}}` left as written. Auth becomes the
 * header field or query pair it sends (`Authorization: Bearer {{token}}`); disabled rows are
 * left out; a file body is written as `< ./<file name>`. A foreign auth scheme or a request
 * script has no portable form: those are returned in `notes`.
 */
import { applyAuth } from '../../auth/schemes.ts';
import { urlFieldText } from '../../url/query.ts';
import { flattenRequest } from '../flatten.ts';
import { joinPath, walkRequests, type TreeCollection } from '../tree.ts';

export interface HttpFileExport {
  text: string;
  notes: { path: string; message: string }[];
}

export function exportHttpFile(c: TreeCollection): HttpFileExport {
  const out: string[] = [];
  const notes: HttpFileExport['notes'] = [];
  for (const v of c.defaults.variables) if (v.enabled) out.push(`@${v.name} = ${v.value}`);
  if (out.length) out.push('');
  for (const { request, folders } of walkRequests(c.items)) {
    const path = joinPath(
      folders.map((f) => f.name),
      request.name,
    );
    const flat = flattenRequest(request, folders, { ...c.defaults, variables: [] });
    const d = flat.draft;
    if (flat.foreignAuth)
      notes.push({ path, message: `Its ${flat.foreignAuth.scheme} auth has no .http form; it was left out.` });
    if (request.scripts.preRequest || request.scripts.postResponse)
      notes.push({ path, message: 'Its scripts were left out.' });
    // Basic with {{variables}} cannot be base64-encoded here: both tools read `Basic <user> <password>` and encode it.
    const basicVars = d.auth.type === 'basic' && `${d.auth.username}${d.auth.password}`.includes('{{');
    const applied =
      basicVars && d.auth.type === 'basic'
        ? { headers: [['Authorization', `Basic ${d.auth.username} ${d.auth.password}`] as [string, string]] }
        : applyAuth(d.auth);
    const query = [
      ...d.query.filter((q) => q.enabled),
      ...(applied.query ?? []).map(([name, value]) => ({ id: '', name, value, enabled: true })),
    ];
    out.push(`### ${request.name.replace(/\n/g, ' ')}`);
    out.push(
      `${d.method} ${urlFieldText({ url: d.url.replace(/\/:([A-Za-z0-9_][A-Za-z0-9_.-]*)(?=\/|$)/g, (m, n: string) => (n in d.pathVariables ? `/${d.pathVariables[n]}` : m)), query, fragment: null })}`,
    );
    for (const h of d.headers) if (h.enabled && h.name) out.push(`${h.name}: ${h.value}`);
    for (const [n, v] of 'headers' in applied ? (applied.headers ?? []) : [])
      if (!d.headers.some((h) => h.enabled && h.name.toLowerCase() === n.toLowerCase())) out.push(`${n}: ${v}`);
    const b = d.body;
    const text =
      b.mode === 'json' || b.mode === 'text' || b.mode === 'xml'
        ? b.text
        : b.mode === 'form-urlencoded'
          ? b.fields
              .filter((f) => f.enabled)
              .map((f) => `${encodeURIComponent(f.name)}=${encodeURIComponent(f.value)}`)
              .join('&')
          : b.mode === 'binary'
            ? `< ./${b.file?.fileName || 'file'}`
            : '';
    if (b.mode === 'multipart')
      notes.push({ path, message: 'Its multipart body was left out (.http files spell multipart by hand).' });
    if (text !== '') out.push('', text);
    out.push('');
  }
  return { text: out.join('\n'), notes };
}
