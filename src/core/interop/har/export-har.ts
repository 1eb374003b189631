/**
 * The interop tree → HAR 1.2 JSON text. Each request is written as `resolveRequest()` sends
 * it (DESIGN §1: what you see is what is sent): target URI with the query as sent, header
 * fields in order including those auth and the body add, content as text (`postData.text`,
 * UTF-8; a body that is not UTF-8 text is written base64 in a `_base64` field and noted).
 * A request that cannot be resolved (a variable not defined …) is skipped and returned in
 * `skipped` with the reason. The first saved example becomes the response; otherwise an empty
 * one (status 0), as HAR requires a response.
 */
import { base64 } from '../../auth/schemes.ts';
import { resolveRequest } from '../../resolve/resolve-request.ts';
import { flattenRequest } from '../flatten.ts';
import { joinPath, walkRequests, type TreeCollection } from '../tree.ts';

export interface HarExport {
  text: string;
  /** Requests left out, each `{ path, reason }`. */
  skipped: { path: string; reason: string }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * @param startedDateTime ISO 8601 time written on every entry (HAR requires one)
 * @param creatorVersion Parley's version for `log.creator`
 */
export function exportHar(c: TreeCollection, startedDateTime: string, creatorVersion: string): HarExport {
  const entries: unknown[] = [];
  const skipped: HarExport['skipped'] = [];
  for (const { request, folders } of walkRequests(c.items)) {
    const path = joinPath(
      folders.map((f) => f.name),
      request.name,
    );
    const flat = flattenRequest(request, folders, c.defaults);
    const r = resolveRequest(flat.draft, { variables: flat.variables });
    if (!r.request) {
      skipped.push({ path, reason: r.problems.find((p) => p.severity === 'error')?.message ?? 'It cannot be sent.' });
      continue;
    }
    const q = r.request;
    const url = new URL(q.url);
    let text: string | null = null;
    if (q.body) {
      try {
        text = utf8.decode(q.body);
      } catch {
        text = null;
      }
    }
    const contentType = q.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
    const ex = request.examples[0];
    entries.push({
      startedDateTime,
      time: 0,
      request: {
        method: q.method,
        url: q.url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: q.headers.map((h) => ({ name: h.name, value: h.value })),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        ...(q.body
          ? {
              postData: {
                mimeType: contentType,
                text: text ?? '',
                ...(text === null
                  ? { _base64: base64(q.body), comment: 'The content is not UTF-8 text; _base64 holds its bytes.' }
                  : {}),
              },
            }
          : {}),
        headersSize: -1,
        bodySize: q.body ? q.body.length : 0,
        comment: request.name,
      },
      response: {
        status: ex?.status ?? 0,
        statusText: ex?.reasonPhrase ?? '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: (ex?.headers ?? []).map(([name, value]) => ({ name, value })),
        content: {
          size: ex ? ex.body.length : 0,
          mimeType: ex?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '',
          text: ex?.body ?? '',
          ...(ex?.encoding ? { encoding: ex.encoding } : {}),
        },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    });
  }
  const text = JSON.stringify(
    { log: { version: '1.2', creator: { name: 'Parley', version: creatorVersion }, entries } },
    null,
    2,
  );
  return { text, skipped };
}
