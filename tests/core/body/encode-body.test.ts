import { describe, expect, it } from 'vitest';
import { encodeBody } from '../../../src/core/body/encode-body.ts';

const none = () => undefined;
const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString('utf8'));

describe('encodeBody', () => {
  it('sends json/text/xml as the UTF-8 bytes typed, invalid JSON included', () => {
    const r = encodeBody({ mode: 'json', text: '{"name":"Zoë 😀"' }, none);
    expect(r.bytes?.length).toBe(19);
    expect(text(r.bytes)).toBe('{"name":"Zoë 😀"');
    expect(r.contentType).toBe('application/json');
    expect(encodeBody({ mode: 'text', text: 'hi' }, none).contentType).toBe('text/plain; charset=utf-8');
    expect(encodeBody({ mode: 'xml', text: '<a/>' }, none).contentType).toBe('application/xml');
  });

  it('has no body for none, empty text, or no enabled fields', () => {
    for (const body of [
      { mode: 'none' as const },
      { mode: 'json' as const, text: '' },
      { mode: 'form-urlencoded' as const, fields: [{ id: '1', name: 'a', value: '1', enabled: false }] },
      { mode: 'multipart' as const, parts: [] },
    ]) {
      expect(encodeBody(body, none)).toEqual({ bytes: null, contentType: null, errors: [] });
    }
  });

  it('refuses a multipart part content type with a line break or NUL, naming the field', () => {
    const file = { fileId: 'f1', fileName: 'a.bin', contentType: 'image/png\0', size: 1 };
    const r = encodeBody(
      {
        mode: 'multipart',
        parts: [
          {
            id: 'p1',
            name: 'note',
            enabled: true,
            kind: 'text',
            value: 'x',
            contentType: 'text/plain\r\nX-Injected: 1',
            file: null,
          },
          { id: 'p2', name: 'ok', enabled: true, kind: 'text', value: 'y', contentType: 'text/plain', file: null },
          { id: 'p3', name: 'up', enabled: true, kind: 'file', value: '', contentType: '', file },
        ],
      },
      () => new Uint8Array([1]),
    );
    expect(r).toEqual({
      bytes: null,
      contentType: null,
      errors: [
        {
          rowId: 'p1',
          message: 'The content type of form field "note" contains a line break or NUL; a part header cannot hold one.',
        },
        {
          rowId: 'p3',
          message: 'The content type of form field "up" contains a line break or NUL; a part header cannot hold one.',
        },
      ],
    });
  });

  it('serializes enabled form fields in order', () => {
    const r = encodeBody(
      {
        mode: 'form-urlencoded',
        fields: [
          { id: '1', name: 'q', value: '테스트', enabled: true },
          { id: '2', name: 'off', value: 'x', enabled: false },
          { id: '3', name: 'a b', value: 'c&d', enabled: true },
        ],
      },
      none,
    );
    expect(text(r.bytes)).toBe('q=%ED%85%8C%EC%8A%A4%ED%8A%B8&a+b=c%26d');
    expect(r.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('sends a binary file exactly, with its type', () => {
    const bytes = new Uint8Array([1, 2, 255]);
    const r = encodeBody(
      { mode: 'binary', file: { fileId: 'f', fileName: 'x.png', contentType: 'image/png', size: 3 } },
      (id) => (id === 'f' ? bytes : undefined),
    );
    expect(r).toEqual({ bytes, contentType: 'image/png', errors: [] });
  });

  it('reports a missing file, naming it', () => {
    expect(
      encodeBody({ mode: 'binary', file: { fileId: 'f', fileName: 'x.png', contentType: '', size: 3 } }, none).errors,
    ).toEqual([{ message: 'The file "x.png" is no longer available; choose it again.' }]);
    expect(encodeBody({ mode: 'binary', file: null }, none).errors).toEqual([
      { message: 'Binary body: no file is chosen.' },
    ]);
    const r = encodeBody(
      {
        mode: 'multipart',
        parts: [
          {
            id: 'p1',
            name: 'doc',
            enabled: true,
            kind: 'file',
            value: '',
            contentType: '',
            file: { fileId: 'gone', fileName: 'a.pdf', contentType: 'application/pdf', size: 1 },
          },
        ],
      },
      none,
    );
    expect(r).toEqual({
      bytes: null,
      contentType: null,
      errors: [
        { rowId: 'p1', message: 'The file "a.pdf" for form field "doc" is no longer available; choose it again.' },
      ],
    });
  });

  it('builds multipart with the boundary in its Content-Type', () => {
    const r = encodeBody(
      {
        mode: 'multipart',
        parts: [{ id: 'p', name: 'a', enabled: true, kind: 'text', value: '1', contentType: '', file: null }],
      },
      none,
      'B',
    );
    expect(r.contentType).toBe('multipart/form-data; boundary=B');
    expect(text(r.bytes)).toBe('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--\r\n');
  });
});
