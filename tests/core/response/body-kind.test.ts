import { describe, expect, it } from 'vitest';
import { classifyBody, looksBinary, sniffSignature } from '../../../src/core/response/body-kind.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('classifyBody', () => {
  it('no content → none', () => {
    expect(classifyBody('application/json', null).kind).toBe('none');
    expect(classifyBody('application/json', new Uint8Array(0)).kind).toBe('none');
  });
  it('uses the declared type', () => {
    expect(classifyBody('application/json; charset=utf-8', enc('{}'))).toEqual({
      kind: 'json',
      mimeType: 'application/json',
      reason: 'Content-Type: application/json',
    });
    expect(classifyBody('application/problem+json', enc('{}')).kind).toBe('json');
    expect(classifyBody('text/html', enc('<p>')).kind).toBe('html');
    expect(classifyBody('application/atom+xml', enc('<a/>')).kind).toBe('xml');
    expect(classifyBody('image/svg+xml', enc('<svg/>')).kind).toBe('image');
    expect(classifyBody('image/png', PNG).kind).toBe('image');
    expect(classifyBody('application/pdf', enc('%PDF-1.4')).kind).toBe('pdf');
    expect(classifyBody('audio/mpeg', new Uint8Array([1, 2])).kind).toBe('audio');
    expect(classifyBody('video/mp4', new Uint8Array([1, 2])).kind).toBe('video');
    expect(classifyBody('text/csv', enc('a,b')).kind).toBe('text');
    expect(classifyBody('application/javascript', enc('x()')).kind).toBe('text');
  });
  it('text types with NUL bytes are binary, never garbled text', () => {
    expect(classifyBody('text/plain', new Uint8Array([0x41, 0x00, 0x42]))).toEqual({
      kind: 'binary',
      mimeType: 'application/octet-stream',
      reason: 'Content-Type says text/plain but the content has binary bytes (e.g. NUL); shown as hex',
    });
  });
  it('UTF-16 text keeps its NUL bytes as text', () => {
    expect(classifyBody('text/plain; charset=utf-16le', new Uint8Array([0x41, 0x00])).kind).toBe('text');
  });
  it('sniffs missing or generic types', () => {
    expect(classifyBody(null, PNG)).toEqual({
      kind: 'image',
      mimeType: 'image/png',
      reason: 'No Content-Type; content looks like image/png',
    });
    expect(classifyBody('application/octet-stream', enc('%PDF-1.7\n')).kind).toBe('pdf');
    expect(classifyBody('application/octet-stream', new Uint8Array([1, 2, 3])).kind).toBe('binary');
    expect(classifyBody(null, enc('  [1,2]')).kind).toBe('json');
    expect(classifyBody(null, enc('<!DOCTYPE html><p>')).kind).toBe('html');
    expect(classifyBody(null, enc('<?xml version="1.0"?><a/>')).kind).toBe('xml');
    expect(classifyBody(null, enc('hello')).kind).toBe('text');
  });
  it('looksBinary uses the binary data byte set (tab, LF, FF, CR, ESC are text)', () => {
    expect(looksBinary(new Uint8Array([0x09, 0x0a, 0x0c, 0x0d, 0x1b, 0x41]))).toBe(false);
    for (const b of [0x00, 0x08, 0x0b, 0x0e, 0x1a, 0x1c, 0x1f])
      expect(looksBinary(new Uint8Array([0x41, b])), String(b)).toBe(true);
  });
  it('sniffSignature matches masks (RIFF....WEBP) and mp4 ftyp', () => {
    expect(sniffSignature(enc('RIFF\0\0\0\0WEBPVP8 '))?.mime).toBe('image/webp');
    expect(sniffSignature(enc('RIFF\0\0\0\0WAVEfmt '))?.mime).toBe('audio/wav');
    expect(sniffSignature(enc('\0\0\0\x18ftypmp42'))?.mime).toBe('video/mp4');
    expect(sniffSignature(enc('GIF89a'))?.mime).toBe('image/gif');
    expect(sniffSignature(enc('hello'))).toBeNull();
  });
});
