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

describe('download names lose bidi and control characters (issue 9)', () => {
  const RLO = '\u202e';
  it('strips a right-to-left override from filename*, filename and the URL segment', () => {
    // "invoice<RLO>gpj.exe" displays as "invoiceexe.jpg": the override must not survive.
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''invoice%E2%80%AEgpj.exe`)).toBe(
      'invoicegpj.exe',
    );
    expect(filenameFromContentDisposition(`attachment; filename="invoice${RLO}gpj.exe"`)).toBe('invoicegpj.exe');
    expect(filenameFromUrl('http://h.test/files/invoice%E2%80%AEgpj.exe')).toBe('invoicegpj.exe');
    expect(
      downloadFilename({
        contentDisposition: `attachment; filename*=UTF-8''%E2%80%AE%E2%81%A6report.pdf`,
        url: 'http://h.test/x',
        contentType: null,
      }),
    ).toBe('report.pdf');
  });
  it('strips every bidi embedding, override, isolate and mark', () => {
    const bidi = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const cp of bidi) {
      const ch = String.fromCodePoint(cp);
      expect(filenameFromContentDisposition(`attachment; filename="a${ch}b.txt"`), cp.toString(16)).toBe('ab.txt');
      const pct = [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''a${pct}b.txt`), cp.toString(16)).toBe(
        'ab.txt',
      );
    }
  });
  it('strips every C0 control, DEL and C1 control', () => {
    for (let cp = 0; cp <= 0x9f; cp++) {
      if (cp > 0x1f && cp < 0x7f) continue;
      const ch = String.fromCharCode(cp);
      const pct = [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`);
      expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''x${pct.join('')}y.bin`), String(cp)).toBe(
        'xy.bin',
      );
    }
    // ISO-8859-1 ext-value: byte 0x85 is NEL (C1), 0xA0 is NBSP (kept, it is a visible space).
    expect(filenameFromContentDisposition(`attachment; filename*=iso-8859-1''a%85b%A0c.txt`)).toBe('ab\u00a0c.txt');
    expect(filenameFromContentDisposition(`attachment; filename="\u0007\u001b[31mred.txt"`)).toBe('[31mred.txt');
  });
  it('keeps letters of right-to-left scripts and other visible text', () => {
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%D7%A9%D7%9C%D7%95%D7%9D.txt`)).toBe(
      'שלום.txt',
    );
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.pdf`)).toBe(
      'تقرير.pdf',
    );
    expect(filenameFromContentDisposition(`attachment; filename="Zoë ✓ 2024.csv"`)).toBe('Zoë ✓ 2024.csv');
  });
  it('gives no name when only unsafe characters (or dots) are left', () => {
    expect(filenameFromContentDisposition(`attachment; filename="${RLO}\u2066"`)).toBeNull();
    expect(filenameFromContentDisposition(`attachment; filename=".${RLO}."`)).toBeNull();
    expect(
      downloadFilename({
        contentDisposition: `attachment; filename="${RLO}"`,
        url: 'http://h.test/',
        contentType: null,
      }),
    ).toBe('response.bin');
  });
});
