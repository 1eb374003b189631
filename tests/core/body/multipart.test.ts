import { describe, expect, it } from 'vitest';
import {
  deterministicBoundary,
  encodeMultipart,
  escapeDispositionParam,
  type MultipartEntry,
} from '../../../src/core/body/multipart.ts';

const dec = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('multipart/form-data', () => {
  const file = new Uint8Array([0x00, 0xff, 0x0d, 0x0a, 0x41]);
  const entries: MultipartEntry[] = [
    { kind: 'text', name: 'title', value: 'Zoë ✓', contentType: '' },
    { kind: 'text', name: 'meta', value: '{"a":1}', contentType: 'application/json' },
    { kind: 'file', name: 'upload', fileName: 'a "b".bin', contentType: '', bytes: file },
  ];

  it('encodes text and file parts exactly (RFC 7578)', () => {
    const { bytes, boundary } = encodeMultipart(entries, 'XyZ');
    expect(boundary).toBe('XyZ');
    expect(dec(bytes)).toBe(
      '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\n' +
        Buffer.from('Zoë ✓').toString('latin1') +
        '\r\n--XyZ\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":1}' +
        '\r\n--XyZ\r\nContent-Disposition: form-data; name="upload"; filename="a %22b%22.bin"\r\nContent-Type: application/octet-stream\r\n\r\n' +
        '\x00\xff\r\nA\r\n--XyZ--\r\n',
    );
  });

  it('is parsed back by the WHATWG multipart parser with the file bytes intact', async () => {
    const { bytes, boundary } = encodeMultipart(entries);
    const form = await new Response(new Uint8Array(bytes), {
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    }).formData();
    expect(form.get('title')).toBe('Zoë ✓');
    const upload = form.get('upload') as File;
    expect(upload.name).toBe('a "b".bin');
    expect(new Uint8Array(await upload.arrayBuffer())).toEqual(file);
  });

  it('escapes quotes and line breaks in names as browsers do', () => {
    expect(escapeDispositionParam('a"b\r\nc')).toBe('a%22b%0D%0Ac');
  });

  it('has a boundary that depends only on the form, and changes with it', () => {
    expect(encodeMultipart(entries).boundary).toBe(encodeMultipart(entries).boundary);
    expect(deterministicBoundary(entries)).toMatch(/^----ParleyFormBoundary[0-9a-f]{16}$/);
    const other: MultipartEntry[] = [{ ...(entries[0] as MultipartEntry & { kind: 'text' }), value: 'other' }];
    expect(deterministicBoundary(other)).not.toBe(deterministicBoundary(entries));
  });

  it('picks another boundary when a file contains it', () => {
    // The boundary hashes file metadata (name, type, size), not the bytes: a file of the same
    // size holding the delimiter forces a collision that must be avoided.
    const entry = (bytes: Uint8Array): MultipartEntry[] => [
      { kind: 'file', name: 'f', fileName: 'f.bin', contentType: '', bytes },
    ];
    const colliding = deterministicBoundary(entry(new Uint8Array(40)));
    const content = new TextEncoder().encode(`--${colliding}`);
    expect(content.length).toBe(40);
    expect(deterministicBoundary(entry(content))).toBe(colliding);
    const { boundary, bytes } = encodeMultipart(entry(content));
    expect(boundary).not.toBe(colliding);
    expect(boundary).toBe(deterministicBoundary(entry(content), 1));
    expect(dec(bytes).split(`--${boundary}`).length).toBe(3);
  });
});
