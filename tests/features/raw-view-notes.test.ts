import { describe, expect, it } from 'vitest';
import { rawViewNotes } from '../../src/features/response-viewer/raw-view-notes.ts';

const app = 'http://127.0.0.1:8080';

describe('rawViewNotes', () => {
  it('proxy: says the message is complete, fields Node adds included', () => {
    expect(rawViewNotes({ method: 'GET', url: 'http://h.test/', headers: [] }, 'proxy', app, true)).toEqual([
      'As sent through Parley’s proxy. Every header field is listed, including Host, Content-Length (in octets) and Connection, which the proxy’s HTTP client adds.',
    ]);
  });

  it('direct, same origin GET: names the fields the browser adds (no Origin), not "As sent by the browser" alone', () => {
    expect(rawViewNotes({ method: 'GET', url: `${app}/echo`, headers: [] }, 'direct', app, false)).toEqual([
      'Preview: not sent yet. This is exactly what Send will send. The browser also adds header fields this page can neither see nor set: User-Agent; Accept: */*; Accept-Encoding; Accept-Language; sec-ch-ua, sec-ch-ua-mobile, sec-ch-ua-platform; Sec-Fetch-Site, Sec-Fetch-Mode, Sec-Fetch-Dest; Referer (as the page’s referrer policy allows); Connection. They are not shown below.',
    ]);
  });

  it('direct, cross-origin POST with a typed Accept: Origin with its value, CORS, and the notes of the request', () => {
    expect(
      rawViewNotes(
        {
          method: 'POST',
          url: 'https://api.example.test/q?x=%27',
          headers: [{ name: 'accept', value: 'application/json', source: 'user' }],
          notes: [
            "The browser sends %27 for ' in the query (WHATWG URL parser); through the proxy it is sent as typed.",
          ],
        },
        'direct',
        app,
        true,
      ),
    ).toEqual([
      'As sent by the browser (direct). The browser also adds header fields this page can neither see nor set: User-Agent; Accept-Encoding; Accept-Language; sec-ch-ua, sec-ch-ua-mobile, sec-ch-ua-platform; Sec-Fetch-Site, Sec-Fetch-Mode, Sec-Fetch-Dest; Origin: http://127.0.0.1:8080; Referer (as the page’s referrer policy allows); Connection. They are not shown below.',
      'The target is on another origin: the browser applies CORS, and for a request that is not “simple” (a method other than GET/HEAD/POST, or other header fields) it first sends an OPTIONS preflight.',
      "The browser sends %27 for ' in the query (WHATWG URL parser); through the proxy it is sent as typed.",
    ]);
  });
});
