import { describe, expect, it } from 'vitest';
import {
  decodeExtValue,
  downloadFilename,
  extensionForMediaType,
  filenameFromContentDisposition,
  filenameFromUrl,
} from '../../../src/core/response/content-disposition.ts';

describe('filenameFromContentDisposition (RFC 6266, RFC 8187)', () => {
  it('prefers filename* over filename', () => {
    expect(
      filenameFromContentDisposition(`attachment; filename="EURO rates.txt"; filename*=utf-8''%e2%82%ac%20rates.txt`),
    ).toBe('€ rates.txt');
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%C3%A9t%C3%A9.csv; filename="ete.csv"`)).toBe(
      'été.csv',
    );
  });
  it('reads quoted and token filenames, unescaping quoted-pairs', () => {
    expect(filenameFromContentDisposition('attachment; filename="a \\"b\\".txt"')).toBe('a "b".txt');
    expect(filenameFromContentDisposition('inline; FILENAME=report.pdf')).toBe('report.pdf');
  });
  it('falls back to filename when filename* is malformed, and strips paths', () => {
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%ZZ; filename="ok.bin"`)).toBe('ok.bin');
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromContentDisposition('attachment; filename="C:\\\\x\\\\y.txt"')).toBe('y.txt');
    expect(filenameFromContentDisposition('attachment')).toBeNull();
    expect(filenameFromContentDisposition('attachment; filename=".."')).toBeNull();
  });
  it('decodes ISO-8859-1 ext-values', () => {
    expect(decodeExtValue("iso-8859-1'en'%A3%20rates")).toBe('£ rates');
    expect(decodeExtValue("koi8-r''%C1")).toBeNull();
    expect(decodeExtValue('no-quotes')).toBeNull();
  });
});

describe('downloadFilename', () => {
  it('uses the URL segment and adds an extension from the media type', () => {
    expect(
      downloadFilename({
        contentDisposition: null,
        url: 'http://h.test/api/users?x=1',
        contentType: 'application/json; charset=utf-8',
      }),
    ).toBe('users.json');
    expect(
      downloadFilename({
        contentDisposition: null,
        url: 'http://h.test/files/report%202024.csv',
        contentType: 'text/csv',
      }),
    ).toBe('report 2024.csv');
    expect(downloadFilename({ contentDisposition: null, url: 'http://h.test/', contentType: 'image/png' })).toBe(
      'response.png',
    );
    expect(downloadFilename({ contentDisposition: null, url: 'http://h.test/blob', contentType: null })).toBe(
      'blob.bin',
    );
    expect(
      downloadFilename({ contentDisposition: null, url: 'http://h.test/x/feed', contentType: 'application/atom+xml' }),
    ).toBe('feed.xml');
  });
  it('keeps the name the server gave', () => {
    expect(
      downloadFilename({
        contentDisposition: 'attachment; filename="data.tar.gz"',
        url: 'http://h.test/dl',
        contentType: 'application/gzip',
      }),
    ).toBe('data.tar.gz');
  });
  it('extensionForMediaType knows common types and suffixes', () => {
    expect(extensionForMediaType('image/jpeg')).toBe('jpg');
    expect(extensionForMediaType('application/vnd.api+json')).toBe('json');
    expect(extensionForMediaType('text/x-weird')).toBe('txt');
    expect(extensionForMediaType('application/x-unknown')).toBeNull();
    expect(filenameFromUrl('not a url')).toBeNull();
  });
});
