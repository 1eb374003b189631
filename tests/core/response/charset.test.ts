import { describe, expect, it } from 'vitest';
import { chooseDecoder, describeDecoder, encodingForLabel } from '../../../src/core/response/charset.ts';
import { parseMediaType, headerValue, headerValues } from '../../../src/core/response/media-type.ts';

const none = new Uint8Array(0);

describe('parseMediaType', () => {
  it('lowercases the essence and parameter names, keeps values, unquotes', () => {
    const mt = parseMediaType(' Text/HTML ; Charset="ISO-8859-1" ; q=\\"x');
    expect(mt?.essence).toBe('text/html');
    expect([...mt!.parameters]).toEqual([
      ['charset', 'ISO-8859-1'],
      ['q', '\\"x'],
    ]);
  });
  it('handles escapes in quoted strings and first-wins duplicates', () => {
    const mt = parseMediaType('text/plain;a="x\\"y";a=2;b=');
    expect([...mt!.parameters]).toEqual([['a', 'x"y']]);
  });
  it('fails on input that is not type/subtype', () => {
    expect(parseMediaType('json')).toBeNull();
    expect(parseMediaType('/json')).toBeNull();
    expect(parseMediaType('text/')).toBeNull();
    expect(parseMediaType(null)).toBeNull();
  });
  it('headerValue is case-insensitive and headerValues keeps duplicates in order', () => {
    const h: [string, string][] = [
      ['set-cookie', 'a=1'],
      ['Content-Type', 'x/y'],
      ['Set-Cookie', 'b=2'],
    ];
    expect(headerValue(h, 'content-type')).toBe('x/y');
    expect(headerValue(h, 'etag')).toBeNull();
    expect(headerValues(h, 'SET-COOKIE')).toEqual(['a=1', 'b=2']);
  });
});

describe('encodingForLabel (WHATWG Encoding §4.2)', () => {
  it('maps iso-8859-1, latin1 and us-ascii to windows-1252', () => {
    expect(encodingForLabel('iso-8859-1')).toBe('windows-1252');
    expect(encodingForLabel(' LATIN1\t')).toBe('windows-1252');
    expect(encodingForLabel('us-ascii')).toBe('windows-1252');
    expect(encodingForLabel('utf8')).toBe('UTF-8');
    expect(encodingForLabel('sjis')).toBe('Shift_JIS');
    expect(encodingForLabel('utf-7')).toBeNull();
  });
  it('agrees with the platform TextDecoder for every label it knows', () => {
    const labels = [
      'unicode-1-1-utf-8',
      'cp866',
      'l2',
      'iso_8859-3:1988',
      'cyrillic',
      'asmo-708',
      'greek8',
      'visual',
      'logical',
      'l6',
      'iso885913',
      'iso885914',
      'l9',
      'iso-8859-16',
      'koi',
      'koi8-ru',
      'x-mac-roman',
      'tis-620',
      'x-cp1250',
      'cp1251',
      'ascii',
      'cp1253',
      'latin5',
      'cp1255',
      'cp1256',
      'cp1257',
      'cp1258',
      'x-mac-ukrainian',
      'gb2312',
      'gb18030',
      'big5-hkscs',
      'x-euc-jp',
      'csiso2022jp',
      'windows-31j',
      'korean',
      'utf-16be',
      'ucs-2',
      'x-user-defined',
    ];
    // Node built with small ICU lacks some legacy decoders; compare every label this runtime has.
    let compared = 0;
    for (const label of labels) {
      let platform: string;
      try {
        platform = new TextDecoder(label).encoding;
      } catch {
        continue;
      }
      expect(encodingForLabel(label)?.toLowerCase(), label).toBe(platform);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });
});

describe('chooseDecoder', () => {
  it('uses the declared charset through the label table', () => {
    const c = chooseDecoder('text/plain; charset=iso-8859-1', none);
    expect(c).toEqual({ encoding: 'windows-1252', declared: 'iso-8859-1', source: 'header', skipBytes: 0, note: null });
    expect(describeDecoder(c)).toBe('charset: iso-8859-1 (decoded as windows-1252)');
    const bytes = new Uint8Array([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x20, 0x63, 0x61, 0x66, 0xe9]);
    expect(new TextDecoder(c.encoding).decode(bytes)).toBe('Zürich café');
  });
  it('a BOM overrides the header', () => {
    const c = chooseDecoder('text/plain; charset=iso-8859-1', new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    expect(c).toEqual({ encoding: 'UTF-8', declared: 'iso-8859-1', source: 'bom', skipBytes: 3, note: null });
    expect(chooseDecoder(null, new Uint8Array([0xff, 0xfe, 0x41, 0])).encoding).toBe('UTF-16LE');
    expect(chooseDecoder(null, new Uint8Array([0xfe, 0xff, 0, 0x41])).encoding).toBe('UTF-16BE');
  });
  it('defaults to UTF-8, with a note for unknown and replacement labels', () => {
    expect(chooseDecoder('application/json', none)).toEqual({
      encoding: 'UTF-8',
      declared: null,
      source: 'default',
      skipBytes: 0,
      note: null,
    });
    expect(describeDecoder(chooseDecoder(null, none))).toBe('charset: UTF-8 (default)');
    expect(chooseDecoder('text/plain; charset=utf-7', none).note).toBe('Unknown charset "utf-7"; decoded as UTF-8.');
    expect(chooseDecoder('text/plain; charset=ISO-2022-KR', none).note).toBe(
      'Charset "ISO-2022-KR" is not supported by browsers (WHATWG Encoding maps it to "replacement"); decoded as UTF-8.',
    );
    expect(describeDecoder(chooseDecoder('text/plain; charset=utf-8', none))).toBe('charset: utf-8');
  });
});
