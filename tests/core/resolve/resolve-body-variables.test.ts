import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import type { Body, MultipartPart } from '../../../src/core/model/draft.ts';
import { draftFromUrl, headerRows, utf8 } from './fixtures.ts';

const post = (body: Body) => draftFromUrl('http://h.test/upload', { method: 'POST', body });

describe('resolveRequest: body modes', () => {
  it('form-urlencoded, UTF-8', () => {
    const r = resolveRequest(
      post({ mode: 'form-urlencoded', fields: [{ id: 'f', name: 'q', value: '테스트', enabled: true }] }),
    );
    expect(utf8(r.request?.body)).toBe('q=%ED%85%8C%EC%8A%A4%ED%8A%B8');
    expect(r.request?.headers).toEqual([
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded', source: 'body' },
    ]);
  });

  const file = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
  const parts: MultipartPart[] = [
    { id: 'p1', name: 'note', enabled: true, kind: 'text', value: 'Zoë', contentType: '', file: null },
    {
      id: 'p2',
      name: 'img',
      enabled: true,
      kind: 'file',
      value: '',
      contentType: '',
      file: { fileId: 'F1', fileName: 'dot.png', contentType: 'image/png', size: 6 },
    },
  ];
  const files = (id: string) => (id === 'F1' ? file : undefined);

  it('multipart: exact bytes, deterministic boundary (same draft → same bytes)', () => {
    const a = resolveRequest(post({ mode: 'multipart', parts }), { files });
    const b = resolveRequest(post({ mode: 'multipart', parts }), { files });
    expect(a.problems).toEqual([]);
    expect(a.request?.body).toEqual(b.request?.body);
    const type = a.request?.headers[0]?.value as string;
    const boundary = type.replace('multipart/form-data; boundary=', '');
    expect(boundary).toMatch(/^----ParleyFormBoundary[0-9a-f]{16}$/);
    const expected = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nZoë\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="img"; filename="dot.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      Buffer.from(file),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(Buffer.from(a.request!.body!).equals(expected)).toBe(true);
  });

  it('multipart: a missing file is an error on its row', () => {
    const r = resolveRequest(post({ mode: 'multipart', parts }));
    expect(r.request).toBeNull();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        field: 'body',
        rowId: 'p2',
        message: 'The file "dot.png" for form field "img" is no longer available; choose it again.',
      },
    ]);
  });

  it('binary: file bytes exactly, with the file type', () => {
    const r = resolveRequest(
      post({ mode: 'binary', file: { fileId: 'F1', fileName: 'dot.png', contentType: 'image/png', size: 6 } }),
      { files },
    );
    expect(r.request?.body).toEqual(file);
    expect(r.request?.headers.map((h) => h.value)).toEqual(['image/png']);
  });

  it('invalid JSON is sent as typed with a warning giving the position', () => {
    const r = resolveRequest(post({ mode: 'json', text: '{"a":1,}' }));
    expect(utf8(r.request?.body)).toBe('{"a":1,}');
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'body',
        message:
          "The JSON body does not parse (A trailing comma before '}' is not allowed in JSON at line 1, column 8); it is sent as typed.",
      },
    ]);
  });
});

describe('resolveRequest: variables', () => {
  const variables = {
    base: 'http://127.0.0.1:8080',
    id: '7',
    token: 'tok 1',
    city: 'Zürich',
    name: 'Emma',
    key: 'X-Trace',
  };

  it('substitutes in the URL, path variables, query, headers, auth and body', () => {
    const d = draftFromUrl('{{base}}/echo/:id?city={{city}}&t={{ token }}', {
      method: 'POST',
      pathVariables: { id: '{{id}}' },
      headers: headerRows(['{{key}}', 'id-{{id}}']),
      auth: { type: 'bearer', token: '{{token}}' },
      body: { mode: 'json', text: '{"name":"{{name}}","id":{{id}}}' },
    });
    const r = resolveRequest(d, { variables });
    expect(r.problems).toEqual([]);
    expect(r.request?.url).toBe('http://127.0.0.1:8080/echo/7?city=Z%C3%BCrich&t=tok%201');
    expect(r.request?.headers.map((h) => [h.name, h.value])).toEqual([
      ['X-Trace', 'id-7'],
      ['Authorization', 'Bearer tok 1'],
      ['Content-Type', 'application/json'],
    ]);
    expect(utf8(r.request?.body)).toBe('{"name":"Emma","id":7}');
  });

  it('substitutes in form and multipart fields', () => {
    const form = resolveRequest(
      post({ mode: 'form-urlencoded', fields: [{ id: 'f', name: 'who', value: '{{name}} {{city}}', enabled: true }] }),
      { variables },
    );
    expect(utf8(form.request?.body)).toBe('who=Emma+Z%C3%BCrich');
    const multi = resolveRequest(
      post({
        mode: 'multipart',
        parts: [
          { id: 'p', name: '{{key}}', enabled: true, kind: 'text', value: '{{city}}', contentType: '', file: null },
        ],
      }),
      {
        variables,
        boundary: 'B',
      },
    );
    expect(utf8(multi.request?.body)).toBe(
      '--B\r\nContent-Disposition: form-data; name="X-Trace"\r\n\r\nZürich\r\n--B--\r\n',
    );
  });

  it('never sends an unresolved {{name}}: error naming it and where it is used', () => {
    const d = draftFromUrl('{{host}}/a?x={{missing}}', {
      headers: headerRows(['X', '{{missing}}']),
      auth: { type: 'basic', username: '{{user}}', password: 'p' },
    });
    const r = resolveRequest(d, { variables });
    expect(r.request).toBeNull();
    expect(r.unresolvedVariables).toEqual(['host', 'missing', 'user']);
    expect(r.problems.filter((p) => p.field === 'variable')).toEqual([
      {
        severity: 'error',
        field: 'variable',
        message: 'The variable {{host}} is not defined (used in URL). Define it in the active environment.',
      },
      {
        severity: 'error',
        field: 'variable',
        message:
          'The variable {{missing}} is not defined (used in query, headers). Define it in the active environment.',
      },
      {
        severity: 'error',
        field: 'variable',
        message: 'The variable {{user}} is not defined (used in auth). Define it in the active environment.',
      },
    ]);
    expect(r.problems.filter((p) => p.field === 'url')).toEqual([]);
  });
});

describe('resolveRequest + renderHttpMessage agree', () => {
  it('Content-Length of the raw view equals the body octets sent', () => {
    const r = resolveRequest(post({ mode: 'json', text: '{"name":"Zoë 😀"}' }));
    const raw = renderHttpMessage(r.request!);
    expect(raw.text).toBe(
      'POST /upload HTTP/1.1\r\nHost: h.test\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{"name":"Zoë 😀"}',
    );
    expect(r.request?.body?.length).toBe(20);
  });
});
